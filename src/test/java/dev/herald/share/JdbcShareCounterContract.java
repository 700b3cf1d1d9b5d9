package dev.herald.share;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.buttons.Network;
import dev.herald.delivery.DeliveryDatabase;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a database-backed share counter must do, on each real database. */
abstract class JdbcShareCounterContract {
    private static final URI PAGE = URI.create("https://ledger.example/articles/iran-retaliation.html");

    abstract DeliveryDatabase database();

    @Test
    void countsEachNetworkSeparatelyPerPage() {
        try (DeliveryDatabase db = database()) {
            JdbcShareCounter counter = JdbcShareCounter.on(db);
            counter.record(PAGE, Network.MASTODON);
            counter.record(PAGE, Network.MASTODON);
            counter.record(PAGE, Network.BLUESKY);
            counter.record(URI.create("https://ledger.example/other"), Network.MASTODON);
            assertEquals(Map.of(Network.MASTODON, 2L, Network.BLUESKY, 1L), counter.counts(PAGE));
            assertEquals(Map.of(), counter.counts(URI.create("https://ledger.example/never-shared")));
        }
    }

    @Test
    void concurrentFirstSharesOfOnePageAreAllCounted() throws Exception {
        try (DeliveryDatabase db = database()) {
            JdbcShareCounter counter = JdbcShareCounter.on(db);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            for (int t = 0; t < 8; t++) {
                pool.execute(() -> {
                    for (int i = 0; i < 100; i++) counter.record(PAGE, Network.X);
                });
            }
            pool.shutdown();
            pool.awaitTermination(2, TimeUnit.MINUTES);
            assertEquals(Map.of(Network.X, 800L), counter.counts(PAGE));
        }
    }

    @Test
    void countsOutliveTheCounterAndAreSharedByEveryNodeOnTheDatabase() {
        try (DeliveryDatabase db = database()) {
            JdbcShareCounter.on(db).record(PAGE, Network.LINKEDIN);
            JdbcShareCounter other = JdbcShareCounter.on(db);
            other.record(PAGE, Network.LINKEDIN);
            assertEquals(Map.of(Network.LINKEDIN, 2L), JdbcShareCounter.on(db).counts(PAGE));
        }
    }

    @Test
    void aFullTableKeepsCountingItsPagesButTakesNoNewOnes() {
        try (DeliveryDatabase db = database()) {
            JdbcShareCounter counter = JdbcShareCounter.on(db, 3);
            counter.record(PAGE, Network.X);
            for (int i = 0; i < 50; i++) counter.record(URI.create("https://ledger.example/invented-" + i), Network.X);
            counter.record(PAGE, Network.X);
            assertEquals(Map.of(Network.X, 2L), counter.counts(PAGE), "an established page still counts");
            assertEquals(Map.of(Network.X, 1L), counter.counts(URI.create("https://ledger.example/invented-1")));
            assertEquals(Map.of(), counter.counts(URI.create("https://ledger.example/invented-2")), "the bound is 3 rows");
        }
    }

    @Test
    void aDatabaseThatIsGoneLosesTheCountNotTheShare() {
        DeliveryDatabase db = database();
        JdbcShareCounter counter = JdbcShareCounter.on(db);
        db.close();
        counter.record(PAGE, Network.MASTODON); // logged, not thrown
        assertEquals(Map.of(), counter.counts(PAGE));
    }
}
