package dev.herald.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Another process trying to reach an embedded database, for {@link EmbeddedDatabaseSecurityIT}.
 * Prints one line: {@code CONNECTED …} or {@code REFUSED …}. Modes:
 * {@code socket HOST PORT}; {@code jdbc URL USER} (password from {@link #PASSWORD_VARIABLE});
 * {@code herald PATH} (opens it as Herald does and prints the {@code probe} table's note);
 * {@code server PATH} (opens it as Herald does and prints the mixed-mode server it advertises).
 */
public final class DatabaseProbeMain {
    /** The environment variable holding the password for the {@code jdbc} mode. */
    static final String PASSWORD_VARIABLE = "HERALD_PROBE_PASSWORD";

    private DatabaseProbeMain() {}

    /** Runs one probe. */
    public static void main(String[] args) throws Exception {
        System.out.println(switch (args[0]) {
            case "socket" -> socket(args[1], Integer.parseInt(args[2]));
            case "jdbc" -> jdbc(args[1], args[2], System.getenv().getOrDefault(PASSWORD_VARIABLE, ""));
            case "herald" -> herald(Path.of(args[1]));
            case "server" -> server(Path.of(args[1]));
            default -> throw new IllegalArgumentException(args[0]);
        });
    }

    private static String socket(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            return "CONNECTED " + socket.getRemoteSocketAddress();
        } catch (IOException e) {
            return "REFUSED " + e;
        }
    }

    private static String jdbc(String url, String user, String password) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES")) {
            rs.next();
            return "CONNECTED " + rs.getLong(1) + " tables";
        } catch (SQLException e) {
            return "REFUSED " + e.getSQLState() + " " + e.getMessage().replace('\n', ' ');
        }
    }

    private static String herald(Path path) {
        try (DeliveryDatabase db = DeliveryDatabase.h2(path); Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT note FROM probe")) {
            rs.next();
            return "CONNECTED " + rs.getString(1);
        } catch (SQLException | RuntimeException e) {
            return "REFUSED " + e;
        }
    }

    private static String server(Path path) throws IOException {
        try (DeliveryDatabase db = DeliveryDatabase.h2(path)) {
            Path lockFile = path.resolveSibling(path.getFileName() + ".lock.db");
            // Without mixed mode H2 locks the file through the file system and writes no lock file.
            if (!Files.exists(lockFile)) return "CONNECTED server=none";
            Properties lock = new Properties();
            try (InputStream in = Files.newInputStream(lockFile)) {
                lock.load(in);
            }
            return "CONNECTED server=" + lock.getProperty("server");
        }
    }
}
