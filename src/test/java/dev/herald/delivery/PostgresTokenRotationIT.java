package dev.herald.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.herald.delivery.internal.Migrations;
import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.NetworkRegistry;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.Tokens;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.syndication.config.SyndicatorFactory;
import dev.herald.testkit.MockX;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two nodes (two connection pools, two credential stores on one PostgreSQL) posting to X at the
 * same moments while the access token keeps expiring: X lets each refresh token be used once, so
 * in every round one node renews and the other must use what it stored, never lose it.
 */
class PostgresTokenRotationIT {
    @Test
    void twoNodesWhoseTokenExpiresTogetherBothPostAndKeepTheOneLiveRefreshToken() throws Exception {
        String url = TestDatabases.newPostgresUrl();
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) 9);
        int rounds = 5;
        try (MockX x = MockX.builder().start(); HttpTransport http = HttpTransport.create();
                DeliveryDatabase nodeA = DeliveryDatabase.open(url, "postgres", ""); DeliveryDatabase nodeB = DeliveryDatabase.open(url, "postgres", "")) {
            Migrations.migrate(nodeA);
            Clock clock = Clock.systemUTC();
            JdbcCredentialStore storeA = new JdbcCredentialStore(nodeA, CredentialKey.of(1, key), clock);
            JdbcCredentialStore storeB = new JdbcCredentialStore(nodeB, CredentialKey.of(1, key), clock);
            storeA.save("ledger-x", Tokens.of(MockX.DEFAULT_BEARER_TOKEN, MockX.DEFAULT_REFRESH_TOKEN, null)); // as herald auth leaves it
            SyndicationConfig config = x.serve(SyndicationConfig.parse("""
                    accounts:
                      - name: ledger-x
                        network: x
                        clientId: %s
                    """.formatted(MockX.DEFAULT_CLIENT_ID), "herald.yaml", NetworkRegistry.installed()), "ledger-x");
            List<Syndicator> nodes = List.of(new SyndicatorFactory(http, clock, SecretSource.placeholders(), storeA).createAll(config).get(0),
                    new SyndicatorFactory(http, clock, SecretSource.placeholders(), storeB).createAll(config).get(0));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < rounds; round++) {
                    x.revokeToken(storeA.find("ledger-x").orElseThrow().access()); // the token ran out on both nodes at once
                    CyclicBarrier together = new CyclicBarrier(2);
                    List<Future<Outcome>> sends = new ArrayList<>();
                    for (int n = 0; n < 2; n++) {
                        Syndicator node = nodes.get(n);
                        Post post = Post.of(ArticleMeta.builder().title("Round " + round + " node " + n).url("https://ledger.example/" + round + "/" + n).build(), "ledger-x", "1");
                        sends.add(pool.submit(() -> {
                            together.await(30, TimeUnit.SECONDS);
                            return node.send(post);
                        }));
                    }
                    for (Future<Outcome> f : sends) {
                        Outcome o = f.get(60, TimeUnit.SECONDS);
                        assertInstanceOf(Outcome.Posted.class, o, "round " + round + ": " + o.describe());
                    }
                    Tokens stored = storeB.find("ledger-x").orElseThrow();
                    assertEquals(Set.of(stored.refresh()), x.refreshTokens(), "round " + round + ": the stored refresh token is X's only live one");
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(2 * rounds, x.postCount());
        }
    }
}
