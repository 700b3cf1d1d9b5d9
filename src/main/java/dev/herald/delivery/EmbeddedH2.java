package dev.herald.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file-system and network side of the embedded H2 database: an owner-only folder and files, a
 * generated password kept in an owner-only file next to the database, and H2's mixed-mode server
 * listening on the loopback interface only.
 *
 * <p>Why: H2's automatic mixed mode ({@code AUTO_SERVER=TRUE}) starts a TCP server with
 * {@code -tcpAllowOthers} on every interface and writes its address and key into
 * {@code <name>.lock.db}; with the default user {@code sa} and an empty password, anyone who could
 * read that file or reach the port could connect and run Java in the app's JVM ({@code CREATE ALIAS}).
 * H2 2.5 has no per-database bind option; its only switch is the JVM-wide system property
 * {@code h2.bindAddress}, read once when H2's {@code SysProperties} class loads.
 */
final class EmbeddedH2 {
    /** The user Herald's embedded databases are opened as (kept from H2's default so older files open). */
    static final String USER = "sa";
    /** What {@code h2.bindAddress} is set to when the JVM does not set it. */
    static final String LOOPBACK = "127.0.0.1";

    private static final String BIND_PROPERTY = "h2.bindAddress";
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final String[] H2_SUFFIXES = {".mv.db", ".lock.db", ".trace.db"};
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedH2.class);

    private EmbeddedH2() {}

    /**
     * Whether H2's mixed-mode server in this JVM listens on a loopback address only. Sets
     * {@code h2.bindAddress} to {@value #LOOPBACK} first unless the JVM already sets it; if H2 was
     * loaded before that (the application uses H2 itself) or the JVM binds elsewhere, the answer is
     * no and Herald opens its file without a server.
     */
    static synchronized boolean serverStaysOnLoopback() {
        if (System.getProperty(BIND_PROPERTY) == null) System.setProperty(BIND_PROPERTY, LOOPBACK);
        String effective = org.h2.engine.SysProperties.BIND_ADDRESS;
        if (effective == null || effective.isBlank()) return false;
        try {
            return InetAddress.getByName(effective).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The file holding the generated password of the database at {@code path}. */
    static Path passwordFile(Path path) {
        return sibling(path, ".password");
    }

    /**
     * The password of the database at {@code path}, creating the folder (owner-only) and, for a new
     * database, a generated password in an owner-only file. A database made before Herald kept a
     * password (user {@code sa}, empty password) is given one, its data untouched.
     */
    static String password(Path path, String jdbcUrl) {
        Path file = passwordFile(path);
        createFolder(file.getParent());
        String existing = read(file);
        if (existing != null) return existing;
        boolean databaseExists = Files.exists(sibling(path, ".mv.db"));
        String generated = generate();
        if (!publish(file, generated)) return read(file); // another process got there first
        if (databaseExists) setPassword(jdbcUrl, generated, file);
        return generated;
    }

    /** Narrows the database's files that exist now to their owner (a no-op where the file system has no POSIX modes). */
    static void restrictFiles(Path path) {
        if (!posix()) return;
        for (String suffix : H2_SUFFIXES) {
            Path file = sibling(path, suffix);
            try {
                Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
            } catch (NoSuchFileException gone) {
                // not every file exists in every mode (no trace file, no lock file for a mixed-mode client)
            } catch (IOException e) {
                LOG.warn("cannot make {} readable by its owner only: {}", file, e.toString());
            }
        }
    }

    private static void setPassword(String jdbcUrl, String password, Path file) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, USER, "");
                PreparedStatement s = c.prepareStatement("ALTER USER " + USER + " SET PASSWORD ?")) {
            s.setString(1, password);
            s.execute();
            LOG.info("the embedded database now has a generated password, kept in {}", file);
        } catch (SQLException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the message below is what the user needs; a stale file is reported on the next try
            }
            throw new DeliveryException("the embedded database " + jdbcUrl.replaceFirst(";.*", "")
                    + " has a password, but " + file + " does not hold it: " + e.getMessage(), e);
        }
    }

    private static void createFolder(Path folder) {
        try {
            if (Files.isDirectory(folder)) return;
            if (posix()) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
                // createDirectories is subject to the umask, which can only take permissions away; set them exactly.
                Files.setPosixFilePermissions(folder, OWNER_ONLY_FOLDER);
            } else {
                Files.createDirectories(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database folder " + folder, e);
        }
    }

    private static String read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (text.isEmpty()) throw new DeliveryException(file + " is empty; delete it only if the database beside it is new");
            return text;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the database password file " + file, e);
        }
    }

    /** Writes {@code password} to {@code file} unless it exists; false if another process wrote it first. */
    private static boolean publish(Path file, String password) {
        Path temp = null;
        try {
            temp = posix()
                    ? Files.createTempFile(file.getParent(), ".herald-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
                    : Files.createTempFile(file.getParent(), ".herald-", ".tmp");
            Files.writeString(temp, password + "\n", StandardCharsets.US_ASCII);
            // A readable, complete file appears under the final name or not at all.
            Files.move(temp, file);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the database password file " + file, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a leftover temporary file holds a password nobody uses, readable by the owner only
                }
            }
        }
    }

    private static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Path sibling(Path path, String suffix) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + suffix);
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
