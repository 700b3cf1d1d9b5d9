package dev.herald.cli;

import dev.herald.delivery.DeliveryDatabase;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The delivery database options shared by the {@code schedule}, {@code queue} and {@code worker} commands. */
public final class DatabaseOptions {
    @Option(names = "--db", paramLabel = "PATH|JDBC-URL",
            description = "Delivery database: a path for the embedded H2 file (default ${DEFAULT-VALUE}; its generated password is read from PATH.password) or a JDBC URL (jdbc:postgresql://…).",
            defaultValue = "herald-data/herald")
    String db;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user (PostgreSQL).", defaultValue = "")
    String user;

    @Option(names = "--db-password-env", paramLabel = "VAR",
            description = "Name of the environment variable holding the database password (never the password itself).")
    String passwordEnv;

    /**
     * Opens the pooled database these options name; an embedded H2 path opens as the app opens it
     * (loopback-only server, the password from its owner-only file), so the CLI needs no credentials for it.
     */
    DeliveryDatabase open() {
        if (db.startsWith("jdbc:")) {
            String password = passwordEnv == null ? "" : System.getenv().getOrDefault(passwordEnv, "");
            return DeliveryDatabase.open(db, user.isEmpty() ? null : user, password);
        }
        return DeliveryDatabase.h2(Path.of(db));
    }
}
