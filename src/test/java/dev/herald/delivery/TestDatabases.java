package dev.herald.delivery;

import dev.herald.delivery.internal.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** Real databases for tests: an H2 file database in a temporary folder, and one embedded PostgreSQL per JVM. */
public final class TestDatabases {
    private static EmbeddedPostgres postgres;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private TestDatabases() {}

    /** A migrated H2 file database under {@code dir}. */
    public static DeliveryDatabase h2(Path dir) {
        DeliveryDatabase db = DeliveryDatabase.h2(dir.resolve("herald"));
        Migrations.migrate(db);
        return db;
    }

    /** The JDBC URL of a new, empty PostgreSQL database on the shared embedded server. */
    static String newPostgresUrl() {
        String name = "herald_test_" + DATABASES.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    /** A migrated, pooled, new PostgreSQL database. */
    public static DeliveryDatabase postgres() {
        DeliveryDatabase db = DeliveryDatabase.open(newPostgresUrl(), "postgres", "");
        Migrations.migrate(db);
        return db;
    }

    static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temporary data folder goes with the OS's clean-up
                }
            }));
        }
        return postgres;
    }
}
