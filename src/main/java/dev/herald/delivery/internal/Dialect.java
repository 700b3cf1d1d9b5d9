package dev.herald.delivery.internal;

import dev.herald.delivery.DeliveryException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** The databases the outbox runs on, and the few places where their SQL differs. */
public enum Dialect {
    H2,
    POSTGRESQL;

    public static Dialect of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("postgres")) return POSTGRESQL;
            if (product.contains("h2")) return H2;
            throw new DeliveryException("unsupported database for Herald's outbox: " + product + " (use H2 or PostgreSQL)");
        } catch (SQLException e) {
            throw new DeliveryException("cannot connect to the delivery database: " + e.getMessage(), e);
        }
    }

    /** Whether a failed statement aborts the whole transaction (so conflicts must be avoided, not caught). */
    boolean abortsTransactionOnError() {
        return this == POSTGRESQL;
    }
}
