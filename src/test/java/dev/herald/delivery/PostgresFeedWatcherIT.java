package dev.herald.delivery;

/** The feed watcher with its ledger on PostgreSQL. */
class PostgresFeedWatcherIT extends FeedWatcherIT {
    @Override
    DeliveryDatabase newDatabase() {
        return TestDatabases.postgres();
    }
}
