package dev.herald.syndication.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.NetworkRegistry;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Secret;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TokenStore;
import dev.herald.syndication.Tokens;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.syndication.config.SyndicatorFactory;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockThreads;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Threads' long-lived token refreshed before it expires, over months of a run, and kept in a {@link TokenStore}. */
class ThreadsTokenRefreshTest {
    private static final String YAML = """
            accounts:
              - name: ledger-threads
                network: threads
                user: "%s"
                token: ${env:THREADS_TOKEN}
            """.formatted(MockThreads.DEFAULT_USER_ID);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T09:00:00Z"));
    private final HttpTransport http = HttpTransport.create();

    @AfterEach
    void closeTransport() throws IOException {
        http.close();
    }

    private Syndicator node(MockThreads threads, TokenStore store) {
        SyndicationConfig config = threads.serve(SyndicationConfig.parse(YAML, "herald.yaml", NetworkRegistry.installed()), "ledger-threads");
        SecretSource secrets = reference -> Secret.resolve(reference, Map.of("THREADS_TOKEN", MockThreads.DEFAULT_TOKEN)::get, name -> null);
        return new SyndicatorFactory(http, clock, secrets, store).createAll(config).get(0);
    }

    private static Post post(int n) {
        return Post.of(ArticleMeta.builder().title("Story " + n).description("Part " + n).url("https://ledger.example/story/" + n).build(), "ledger-threads", "1");
    }

    @Test
    void theTokenIsRefreshedBeforeItLapsesSoARunOfMonthsKeepsPosting() {
        try (MockThreads threads = MockThreads.builder().clock(clock).start()) {
            TokenStore store = TokenStore.inMemory();
            Syndicator s = node(threads, store);

            for (int day = 0, n = 1; day <= 150; day += 15, n++) {
                Outcome outcome = s.send(post(n));
                assertInstanceOf(Outcome.Posted.class, outcome, "day " + day + ": " + outcome.describe());
                clock.advance(Duration.ofDays(15));
            }

            Tokens stored = store.find("ledger-threads").orElseThrow();
            assertEquals("threads-token-refreshed-" + threads.refreshCount(), stored.access());
            // Herald records the expiry Threads announced (expires_in), a little before the fake's own.
            assertEquals(threads.expiresAt(stored.access()).minusSeconds(MockThreads.TOKEN_LIFETIME.toSeconds() - MockThreads.EXPIRES_IN), stored.expiresAt());
            // Once at first use (herald.yaml's token, age unknown), then once per 30 days: day 0, 30, 60, 90, 120, 150.
            assertEquals(6, threads.refreshCount());
            assertEquals(11, threads.postCount());
        }
    }

    @Test
    void aTokenTooYoungToRefreshIsUsedAsItIsAndRefreshedADayLater() {
        try (MockThreads threads = MockThreads.builder().clock(clock).defaultTokenAge(Duration.ZERO).start()) {
            TokenStore store = TokenStore.inMemory();
            Syndicator s = node(threads, store);

            assertInstanceOf(Outcome.Posted.class, s.send(post(1)));
            clock.advance(Duration.ofHours(12));
            assertInstanceOf(Outcome.Posted.class, s.send(post(2)));
            long refreshCalls = threads.recentRequests().stream().filter(r -> r.getUrl().encodedPath().equals("/refresh_access_token")).count();
            assertEquals(1, refreshCalls, "a refused refresh is not tried again within the day");
            assertEquals(0, threads.refreshCount());
            assertNull(store.find("ledger-threads").orElse(null));

            clock.advance(Duration.ofHours(13));
            assertInstanceOf(Outcome.Posted.class, s.send(post(3)));
            assertEquals(1, threads.refreshCount());
            assertEquals("threads-token-refreshed-1", store.find("ledger-threads").orElseThrow().access());
        }
    }

    @Test
    void aSecondNodeUsesTheTokenTheFirstRefreshedAndOutlivesHeraldYamlsToken() {
        try (MockThreads threads = MockThreads.builder().clock(clock).start()) {
            TokenStore shared = TokenStore.inMemory();
            Syndicator a = node(threads, shared);
            Syndicator b = node(threads, shared);

            assertInstanceOf(Outcome.Posted.class, a.send(post(1)));
            threads.revokeToken(MockThreads.DEFAULT_TOKEN);
            Outcome fromB = b.send(post(2));

            assertInstanceOf(Outcome.Posted.class, fromB, fromB.describe());
            assertEquals(1, threads.refreshCount(), "node b did not refresh again");
            assertEquals("Bearer threads-token-refreshed-1", threads.lastRequest().getHeaders().get("Authorization"));
        }
    }
}
