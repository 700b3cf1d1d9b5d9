package dev.herald.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 database is not reachable from the network and has no default credentials:
 * its mixed-mode server listens on loopback only, a generated password guards it, and its folder
 * and files belong to their owner alone. Every attempt from outside is made by a separate JVM.
 */
class EmbeddedDatabaseSecurityIT {
    @TempDir
    Path dir;

    @Test
    void theMixedModeServerIsRefusedOnEveryNonLoopbackAddress() throws Exception {
        Path path = dir.resolve("data").resolve("herald");
        try (DeliveryDatabase db = DeliveryDatabase.h2(path)) {
            int port = port(path);
            List<InetAddress> outside = nonLoopbackAddresses();
            assumeFalse(outside.isEmpty(), "this machine has no non-loopback address to try");
            // The control: the same probe does reach the server through loopback.
            assertTrue(probe(Map.of(), "socket", "127.0.0.1", String.valueOf(port)).startsWith("CONNECTED"));
            for (InetAddress address : outside) {
                String host = address.getHostAddress().replaceFirst("%.*", "");
                assertTrue(probe(Map.of(), "socket", host, String.valueOf(port)).startsWith("REFUSED"), host);
                String url = "jdbc:h2:tcp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/" + path;
                String answer = probe(Map.of(DatabaseProbeMain.PASSWORD_VARIABLE, password(path)), "jdbc", url, "sa");
                assertTrue(answer.startsWith("REFUSED 08001") || answer.startsWith("REFUSED 90067"), answer);
            }
        }
    }

    @Test
    void anotherProcessOnThisMachineOpensTheRunningDatabaseWithItsPasswordFile() throws Exception {
        Path path = dir.resolve("herald");
        try (DeliveryDatabase db = DeliveryDatabase.h2(path)) {
            note(db, "written by the app");
            assertEquals("CONNECTED written by the app", probe(Map.of(), "herald", path.toString()));
        }
    }

    @Test
    void noDefaultCredentialsOpenTheDatabase() throws Exception {
        Path path = dir.resolve("herald");
        try (DeliveryDatabase db = DeliveryDatabase.h2(path)) {
            String url = DeliveryDatabase.h2Url(path);
            for (String password : List.of("", "sa", "herald")) {
                String answer = probe(Map.of(DatabaseProbeMain.PASSWORD_VARIABLE, password), "jdbc", url, "sa");
                assertTrue(answer.startsWith("REFUSED 28000"), "password '" + password + "': " + answer);
            }
            // The control: the generated password is what opens it.
            String answer = probe(Map.of(DatabaseProbeMain.PASSWORD_VARIABLE, password(path)), "jdbc", url, "sa");
            assertTrue(answer.startsWith("CONNECTED"), answer);
        }
    }

    @Test
    void theFolderAndTheDatabaseFilesAreTheOwnersAlone() throws Exception {
        Path path = dir.resolve("data").resolve("herald");
        try (DeliveryDatabase db = DeliveryDatabase.h2(path)) {
            assertEquals("rwx------", mode(path.getParent()));
            for (String suffix : List.of(".mv.db", ".lock.db", ".password")) {
                assertEquals("rw-------", mode(path.resolveSibling("herald" + suffix)), suffix);
            }
            assertEquals(List.of("herald.lock.db", "herald.mv.db", "herald.password"), list(path.getParent()));
        }
    }

    @Test
    void aDatabaseFromBeforePasswordsKeepsItsDataAndLosesItsEmptyPassword() throws Exception {
        Path path = dir.resolve("herald");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + path.toAbsolutePath(), "sa", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE probe(note VARCHAR(100))");
            s.execute("INSERT INTO probe VALUES ('kept from before')");
        }
        try (DeliveryDatabase db = DeliveryDatabase.h2(path); Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT note FROM probe")) {
            assertTrue(rs.next());
            assertEquals("kept from before", rs.getString(1));
            String answer = probe(Map.of(), "jdbc", DeliveryDatabase.h2Url(path), "sa");
            assertTrue(answer.startsWith("REFUSED 28000"), answer);
        }
        assertEquals("CONNECTED kept from before", probe(Map.of(), "herald", path.toString()));
    }

    @Test
    void aJvmWhoseH2WouldListenOnEveryInterfaceOpensTheFileWithoutAServer() throws Exception {
        Path path = dir.resolve("herald");
        assertEquals("CONNECTED server=none", probe(List.of("-Dh2.bindAddress=0.0.0.0"), Map.of(), "server", path.toString()));
        // The control: the same probe in a JVM that leaves the property to Herald advertises a loopback server.
        assertTrue(probe(Map.of(), "server", path.toString()).startsWith("CONNECTED server=localhost:"));
    }

    private static void note(DeliveryDatabase db, String note) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE probe(note VARCHAR(100))");
            s.execute("INSERT INTO probe VALUES ('" + note + "')");
        }
    }

    private static int port(Path path) throws IOException {
        Properties lock = new Properties();
        try (InputStream in = Files.newInputStream(path.resolveSibling(path.getFileName() + ".lock.db"))) {
            lock.load(in);
        }
        String server = lock.getProperty("server");
        assertTrue(server.startsWith("localhost:"), "the lock file advertises " + server);
        return Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
    }

    private static String password(Path path) throws IOException {
        return Files.readString(path.resolveSibling(path.getFileName() + ".password")).strip();
    }

    private static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private static List<String> list(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
        List<InetAddress> found = new ArrayList<>();
        for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
            if (!nic.isUp() || nic.isLoopback()) continue;
            nic.inetAddresses().filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress()).forEach(found::add);
        }
        return found;
    }

    private String probe(Map<String, String> env, String... args) throws Exception {
        return probe(List.of(), env, args);
    }

    private String probe(List<String> jvmOptions, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=error");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(DatabaseProbeMain.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove(DatabaseProbeMain.PASSWORD_VARIABLE);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        String last = output.lines().reduce((a, b) -> b).orElse("");
        assertFalse(last.isEmpty(), output);
        return last;
    }
}
