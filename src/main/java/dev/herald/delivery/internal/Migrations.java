package dev.herald.delivery.internal;

import dev.herald.delivery.DeliveryException;
import dev.herald.delivery.internal.Dialect;
import dev.herald.internal.Validate;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Brings a database's Herald tables to the current schema version with Flyway. Safe to run on
 * every start and from several nodes at once (Flyway serialises concurrent migrations with a lock).
 *
 * <p>Herald keeps its own history table, {@code herald_schema_history}, and prefixes every table
 * with {@code herald_}, so it can share the application's database and even the application's own
 * Flyway set-up without touching either.
 */
public final class Migrations {
    /** Herald's Flyway history table. */
    public static final String HISTORY_TABLE = "herald_schema_history";

    private Migrations() {}

    /** Applies any pending migration to {@code dataSource}'s database; throws {@link DeliveryException} if one fails. */
    public static void migrate(DataSource dataSource) {
        Validate.notNull(dataSource, "dataSource");
        try {
            Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .table(HISTORY_TABLE)
                    .locations("classpath:dev/herald/delivery/db/" + Dialect.of(dataSource).name().toLowerCase(Locale.ROOT))
                    // The application's database may already hold its own tables.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new DeliveryException("cannot migrate Herald's delivery tables: " + e.getMessage(), e);
        }
    }
}
