package dev.herald.delivery;

/** The scheduling behaviour on PostgreSQL, where the worker polls with lock-and-fetch. */
class PostgresDeliverySchedulingIT extends DeliverySchedulingIT {
    @Override
    DeliveryDatabase newDatabase() {
        return TestDatabases.postgres();
    }
}
