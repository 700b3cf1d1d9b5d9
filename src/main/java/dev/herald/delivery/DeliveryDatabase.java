package dev.herald.delivery;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.herald.internal.Validate;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * A pooled connection to the delivery database that Herald opened itself (the embedded H2 default,
 * or a JDBC URL given on the command line); closing it closes the pool.
 *
 * <p>Applications that already have a pooled {@link DataSource} pass that to {@link Delivery}
 * instead and never need this class.
 */
public final class DeliveryDatabase implements DataSource, AutoCloseable {
    /** Where the embedded database lives unless told otherwise, relative to the working directory. */
    public static final Path DEFAULT_PATH = Path.of("herald-data", "herald");

    // Enough for a worker's send threads plus db-scheduler's own and the application's calls.
    private static final int POOL_SIZE = 48;
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(DeliveryDatabase.class);
    private static final AtomicBoolean WARNED_NO_SERVER = new AtomicBoolean();

    private final DataSource pool;
    private final AutoCloseable closer;
    private final String description;

    private DeliveryDatabase(DataSource pool, AutoCloseable closer, String description) {
        this.pool = pool;
        this.closer = closer;
        this.description = description;
    }

    /**
     * The embedded H2 file database at {@code path} (H2 adds {@code .mv.db}), created on first use
     * with its folder (readable by the owner only) and a generated password kept in
     * {@code <path>.password} (mode 0600); the database files are narrowed to 0600 too. Other
     * processes on this machine (the CLI while the app runs) may open the same file at the same time:
     * H2's automatic mixed mode hands them over to whichever process opened it first, through a
     * server that listens on the loopback interface only and asks for that password. A database
     * made by an older Herald (user {@code sa}, empty password) is given a password on first open.
     *
     * <p>H2 binds its server through the JVM-wide system property {@code h2.bindAddress}, which
     * Herald sets to {@code 127.0.0.1} unless the JVM already sets it. If H2 was loaded before
     * (the application uses H2 itself) or the property names a non-loopback address, Herald opens
     * the file without a server instead: the app works, and other processes cannot open the file
     * until it stops.
     */
    public static DeliveryDatabase h2(Path path) {
        return h2(path, false);
    }

    /** As {@link #h2(Path)}, choosing whether every commit is written to the file at once ({@link #h2Url(Path, boolean)}). */
    public static DeliveryDatabase h2(Path path, boolean writeEveryCommit) {
        String url = h2Url(path, writeEveryCommit);
        DeliveryDatabase db = open(url, EmbeddedH2.USER, EmbeddedH2.password(path, url));
        EmbeddedH2.restrictFiles(path);
        return db;
    }

    /**
     * The JDBC URL of the embedded H2 file database at {@code path}: mixed mode for other local
     * processes when its server stays on loopback (see {@link #h2(Path)}), and a statement cache
     * large enough for the worker's and db-scheduler's statements (H2's default of 8 per
     * connection makes it re-parse SQL on every share). Connections need user {@code sa} and the
     * password in {@code <path>.password}; {@link #h2(Path)} reads it for you.
     */
    public static String h2Url(Path path) {
        return h2Url(path, false);
    }

    /**
     * As {@link #h2Url(Path)}; with {@code writeEveryCommit} H2 writes each commit to the file at
     * once ({@code WRITE_DELAY=0}) instead of within about a second, so a killed process loses no
     * committed state — at about a third of the throughput (see docs/benchmarks-delivery.md).
     */
    public static String h2Url(Path path, boolean writeEveryCommit) {
        Validate.notNull(path, "path");
        boolean mixedMode = EmbeddedH2.serverStaysOnLoopback();
        if (!mixedMode && WARNED_NO_SERVER.compareAndSet(false, true)) {
            LOG.warn("H2's server would not listen on loopback only in this JVM (h2.bindAddress={}); the embedded "
                    + "database is opened without a server, so other processes cannot open it while this one runs. "
                    + "Start the JVM with -Dh2.bindAddress=127.0.0.1 to share it.", System.getProperty("h2.bindAddress"));
        }
        return "jdbc:h2:file:" + path.toAbsolutePath().normalize() + (mixedMode ? ";AUTO_SERVER=TRUE" : "")
                + ";QUERY_CACHE_SIZE=64" + (writeEveryCommit ? ";WRITE_DELAY=0" : "");
    }

    /**
     * A HikariCP pool of connections to {@code jdbcUrl} (H2, or PostgreSQL with its JDBC driver on
     * the class path).
     */
    public static DeliveryDatabase open(String jdbcUrl, String user, String password) {
        Validate.notBlank(jdbcUrl, "jdbcUrl");
        Validate.isTrue(jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:"), "jdbcUrl", "must start with jdbc:");
        String shown = jdbcUrl.replaceAll("(?i)(password=)[^;&]*", "$1***");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null) config.setUsername(user);
        if (password != null) config.setPassword(password);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setPoolName("herald-delivery");
        try {
            HikariDataSource pool = new HikariDataSource(config);
            return new DeliveryDatabase(pool, pool, shown);
        } catch (RuntimeException e) {
            throw new DeliveryException("cannot open " + shown + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            closer.close();
        } catch (Exception e) {
            throw new DeliveryException("cannot close " + description + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return description;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return pool.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : pool.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || pool.isWrapperFor(iface);
    }
}
