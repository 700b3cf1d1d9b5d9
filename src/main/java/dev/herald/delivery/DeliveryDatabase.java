package dev.herald.delivery;

import dev.herald.internal.Validate;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

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

    private static final int POOL_SIZE = 32;

    private final DataSource pool;
    private final AutoCloseable closer;
    private final String description;

    private DeliveryDatabase(DataSource pool, AutoCloseable closer, String description) {
        this.pool = pool;
        this.closer = closer;
        this.description = description;
    }

    /**
     * The embedded H2 file database at {@code path} (H2 adds {@code .mv.db}), created with its
     * parent folders on first use. Other processes on this machine (the CLI while the app runs)
     * may open the same file at the same time: H2's automatic mixed mode hands them over to
     * whichever process opened it first.
     */
    public static DeliveryDatabase h2(Path path) {
        return open(h2Url(path), "sa", "");
    }

    /**
     * The JDBC URL of the embedded H2 file database at {@code path}: mixed mode for other local
     * processes, and a statement cache large enough for the worker's and db-scheduler's statements
     * (H2's default of 8 per connection makes it re-parse SQL on every share).
     */
    public static String h2Url(Path path) {
        Validate.notNull(path, "path");
        return "jdbc:h2:file:" + path.toAbsolutePath().normalize() + ";AUTO_SERVER=TRUE;QUERY_CACHE_SIZE=64";
    }

    /**
     * A pooled connection to {@code jdbcUrl}: an H2 URL uses H2's own pool; any other (PostgreSQL)
     * needs HikariCP and the database's JDBC driver on the class path.
     */
    public static DeliveryDatabase open(String jdbcUrl, String user, String password) {
        Validate.notBlank(jdbcUrl, "jdbcUrl");
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        Validate.isTrue(lower.startsWith("jdbc:"), "jdbcUrl", "must start with jdbc:");
        String shown = jdbcUrl.replaceAll("(?i)(password=)[^;&]*", "$1***");
        if (lower.startsWith("jdbc:h2:")) {
            JdbcConnectionPool pool = JdbcConnectionPool.create(jdbcUrl, user == null ? "" : user, password == null ? "" : password);
            pool.setMaxConnections(POOL_SIZE);
            return new DeliveryDatabase(pool, pool::dispose, shown);
        }
        try {
            Class.forName("com.zaxxer.hikari.HikariDataSource", false, DeliveryDatabase.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new DeliveryException("a pool is needed for " + shown + ": add com.zaxxer:HikariCP, or pass your own DataSource");
        }
        return Hikari.open(jdbcUrl, user, password, POOL_SIZE, shown);
    }

    // Separate class so HikariCP is loaded only when a non-H2 URL is opened.
    private static final class Hikari {
        static DeliveryDatabase open(String url, String user, String password, int size, String shown) {
            com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
            config.setJdbcUrl(url);
            if (user != null) config.setUsername(user);
            if (password != null) config.setPassword(password);
            config.setMaximumPoolSize(size);
            config.setPoolName("herald-delivery");
            com.zaxxer.hikari.HikariDataSource ds = new com.zaxxer.hikari.HikariDataSource(config);
            return new DeliveryDatabase(ds, ds, shown);
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
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
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
