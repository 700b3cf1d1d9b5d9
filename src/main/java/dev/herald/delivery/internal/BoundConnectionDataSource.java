package dev.herald.delivery.internal;

import dev.herald.delivery.DeliveryException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource that, inside {@link #inTransaction}, hands every caller on the current thread the
 * same connection with auto-commit off, and commits or rolls it back once at the end.
 *
 * <p>Why: a new share's outbox row and its db-scheduler execution must be written atomically, or
 * a crash between the two would leave a share that is never sent. db-scheduler's client takes a
 * DataSource, not a connection, and does not commit a connection whose auto-commit is off (its
 * {@code commitWhenAutocommitDisabled} default), so binding the connection here puts both writes
 * in one transaction — the pattern Spring's TransactionAwareDataSourceProxy uses.
 */
public final class BoundConnectionDataSource implements DataSource {
    private final DataSource target;
    private final ThreadLocal<Connection> bound = new ThreadLocal<>();

    private BoundConnectionDataSource(DataSource target) {
        this.target = target;
    }

    /** {@code dataSource} itself when it already binds connections, else a binding wrapper of it. */
    public static BoundConnectionDataSource of(DataSource dataSource) {
        return dataSource instanceof BoundConnectionDataSource b ? b : new BoundConnectionDataSource(dataSource);
    }

    /** The DataSource connections really come from. */
    public DataSource target() {
        return target;
    }

    /** Work that runs on the bound connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction, joining the current thread's transaction when there is
     * one; commits when work returns, rolls back when it throws.
     */
    public <T> T inTransaction(Work<T> work) {
        Connection existing = bound.get();
        if (existing != null) {
            try {
                return work.run(existing);
            } catch (SQLException e) {
                throw new DeliveryException("database error: " + e.getMessage(), e);
            }
        }
        try (Connection c = target.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            bound.set(c);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    c.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                if (e instanceof SQLException sql) throw new DeliveryException("database error: " + sql.getMessage(), sql);
                throw e;
            } finally {
                bound.remove();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DeliveryException("database error: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} on the current thread's transaction connection if there is one, else on a
     * pooled connection in auto-commit mode: for single statements, which need no transaction of their own.
     */
    <T> T withConnection(Work<T> work) {
        Connection existing = bound.get();
        try {
            if (existing != null) return work.run(existing);
            try (Connection c = target.getConnection()) {
                return work.run(c);
            }
        } catch (SQLException e) {
            throw new DeliveryException("database error: " + e.getMessage(), e);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c = bound.get();
        return c == null ? target.getConnection() : unclosable(c);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Connection c = bound.get();
        return c == null ? target.getConnection(username, password) : unclosable(c);
    }

    // Callers close what they get; the bound connection must survive until the transaction ends.
    private static Connection unclosable(Connection c) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close":
                            return null;
                        case "isClosed":
                            return false;
                        case "unwrap":
                            return ((Class<?>) args[0]).isInstance(proxy) ? proxy : c.unwrap((Class<?>) args[0]);
                        default:
                            try {
                                return method.invoke(c, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                    }
                });
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || target.isWrapperFor(iface);
    }
}
