package dev.herald.share;

import dev.herald.delivery.DeliveryDatabase;
import dev.herald.delivery.TestDatabases;

/** Share counts in PostgreSQL (embedded server, a fresh database per test). */
class PostgresJdbcShareCounterIT extends JdbcShareCounterContract {
    @Override
    DeliveryDatabase database() {
        return TestDatabases.postgres();
    }
}
