package dev.herald.syndication.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.CredentialCheck;
import dev.herald.syndication.DeliveryGuarantee;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.NetworkContext;
import dev.herald.syndication.NetworkRegistry;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Secret;
import dev.herald.syndication.SharedTokenStore;
import dev.herald.syndication.SignIn;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TokenStore;
import dev.herald.syndication.Tokens;
import dev.herald.syndication.config.AccountSetup;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.syndication.config.SyndicatorFactory;
import dev.herald.testkit.Fault;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockThreads;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The token a Threads account uses when it is shared with other nodes through a {@link TokenStore},
 * when herald.yaml has none, and when a refresh cannot reach Threads.
 */
class ThreadsSharedTokenTest {
    private static final String USER = MockThreads.DEFAULT_USER_ID;
    private static final SecretSource SECRETS = reference -> Secret.resolve(reference,
            Map.of("THREADS_TOKEN", MockThreads.DEFAULT_TOKEN, "TH_SECRET", MockThreads.DEFAULT_APP_SECRET)::get, name -> null);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T09:00:00Z"));
    private final HttpTransport http = HttpTransport.create();

    @AfterEach
    void closeTransport() throws IOException {
        http.close();
    }

    private SyndicationConfig config(MockThreads threads, String credentials) {
        String yaml = """
                accounts:
                  - name: ledger-threads
                    network: threads
                    user: "%s"
                %s""".formatted(USER, credentials.indent(4));
        return threads.serve(SyndicationConfig.parse(yaml, "herald.yaml", NetworkRegistry.installed()), "ledger-threads");
    }

    private Syndicator node(MockThreads threads, TokenStore store) {
        return new SyndicatorFactory(http, clock, SECRETS, store).createAll(config(threads, "token: ${env:THREADS_TOKEN}")).get(0);
    }

    private static Post post(int n) {
        return Post.of(ArticleMeta.builder().title("Story " + n).description("Part " + n).url("https://ledger.example/story/" + n).build(), "ledger-threads", "1");
    }

    private static List<String> bearers(MockThreads threads, String path) {
        return threads.recentRequests().stream().filter(r -> r.getUrl().encodedPath().equals(path)).map(r -> r.getHeaders().get("Authorization")).toList();
    }

    @Test
    void theProviderDescribesThreadsTextAndGuarantee() {
        ThreadsNetwork network = new ThreadsNetwork();

        assertEquals(ThreadsText.RULES, network.textRules());
        assertEquals(DeliveryGuarantee.RECONCILE_BEFORE_RESEND, network.guarantee());
        assertEquals("threads", network.name());
    }

    @Test
    void anAccountWithNeitherTokenNorAppIsRefusedWithWhatItNeeds() {
        try (MockThreads threads = MockThreads.builder().clock(clock).start()) {
            SyndicationConfig config = config(threads, "");

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new ThreadsNetwork().create(new AccountSetup("herald.yaml", config.account("ledger-threads"), SECRETS), new NetworkContext(http, clock)));

            assertEquals("a Threads account needs 'token', or the app's 'clientId' and 'clientSecret' to sign in with herald auth", e.getMessage());
        }
    }

    @Test
    void anAccountWaitingForItsFirstSignInIsAuthFailedAndSaysHowToSignIn() {
        try (MockThreads threads = MockThreads.builder().clock(clock).start()) {
            SyndicationConfig config = config(threads, "clientId: " + MockThreads.DEFAULT_APP_ID + "\nclientSecret: ${env:TH_SECRET}\n");
            ThreadsSyndicator s = (ThreadsSyndicator) new ThreadsNetwork().create(new AccountSetup("herald.yaml", config.account("ledger-threads"), SECRETS),
                    new NetworkContext(http, clock, TokenStore.inMemory()));

            Outcome outcome = s.send(post(1));

            String how = "no token for Threads account ledger-threads in the credential store or herald.yaml; sign in with: herald auth ledger-threads";
            assertEquals(how, assertInstanceOf(Outcome.AuthFailed.class, outcome).message());
            assertEquals(CredentialCheck.authFailed(how), s.check());
            assertNull(s.tokenExpiresAt());
            assertEquals(0, threads.requestCount(), "nothing is sent without a token");
        }
    }

    @Test
    void theSignInNeedsTheAppsIdAndSecret() {
        try (MockThreads threads = MockThreads.builder().clock(clock).start()) {
            NetworkContext context = new NetworkContext(http, clock);
            for (String credentials : List.of("token: ${env:THREADS_TOKEN}\n", "token: ${env:THREADS_TOKEN}\nclientId: " + MockThreads.DEFAULT_APP_ID + "\n",
                    "token: ${env:THREADS_TOKEN}\nclientSecret: ${env:TH_SECRET}\n")) {
                SyndicationConfig config = config(threads, credentials);
                AccountSetup setup = new AccountSetup("herald.yaml", config.account("ledger-threads"), SECRETS);
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ThreadsNetwork().signIn(setup, context), credentials);
                assertEquals("herald auth needs the Threads app's id as 'clientId' and its secret as 'clientSecret'", e.getMessage());
            }

            SyndicationConfig config = config(threads, "clientId: " + MockThreads.DEFAULT_APP_ID + "\nclientSecret: ${env:TH_SECRET}\n");
            SignIn signIn = new ThreadsNetwork().signIn(new AccountSetup("herald.yaml", config.account("ledger-threads"), SECRETS), context).orElseThrow();
            assertTrue(signIn.authorizationUrl(java.net.URI.create("http://127.0.0.1:1/cb"), "s", null).toString()
                    .startsWith(threads.baseUri() + "oauth/authorize?client_id=" + MockThreads.DEFAULT_APP_ID + "&"));
        }
    }

    @Test
    void aTokenAnotherNodeStoredWhileThisOnesRequestWasRefusedIsTriedAtOnce() {
        try (MockThreads threads = MockThreads.builder().clock(clock).start()) {
            SharedTokenStore store = new SharedTokenStore();
            Syndicator s = node(threads, store);
            assertInstanceOf(Outcome.Posted.class, s.send(post(1)));
            Tokens mine = store.otherNode().find("ledger-threads").orElseThrow();
            // Right after this node reads its token for the container request (the second read of
            // the send), someone signs in again elsewhere and the old token stops working.
            store.afterReads(2, () -> {
                store.otherNode().compareAndSet("ledger-threads", mine, Tokens.of(MockThreads.DEFAULT_TOKEN, null, clock.instant().plus(Duration.ofDays(59))));
                threads.revokeToken(mine.access());
            });

            Outcome outcome = s.send(post(2));

            assertInstanceOf(Outcome.Posted.class, outcome, outcome.describe());
            assertEquals(List.of("Bearer " + mine.access(), "Bearer " + mine.access(), "Bearer " + MockThreads.DEFAULT_TOKEN),
                    bearers(threads, "/v1.0/" + USER + "/threads"));
        }
    }

    @Test
    void onlyARefusedTokenIsRetriedWithAnotherNodesToken() {
        try (MockThreads threads = MockThreads.builder().clock(clock).start()) {
            SharedTokenStore store = new SharedTokenStore();
            Syndicator s = node(threads, store);
            assertInstanceOf(Outcome.Posted.class, s.send(post(1)));
            Tokens mine = store.otherNode().find("ledger-threads").orElseThrow();
            store.afterReads(2, () -> {
                store.otherNode().compareAndSet("ledger-threads", mine, Tokens.of(MockThreads.DEFAULT_TOKEN, null, clock.instant().plus(Duration.ofDays(59))));
                threads.failNext(1, Fault.rateLimited());
            });

            Outcome outcome = s.send(post(2));

            assertInstanceOf(Outcome.RateLimited.class, outcome, outcome.describe());
            assertEquals(1, threads.containerCount(), "the throttled container request was not repeated");
        }
    }

    @Test
    void anAcceptedRequestIsNotRepeatedWhenAnotherNodeStoresATokenMeanwhile() {
        try (MockThreads threads = MockThreads.builder().clock(clock).start()) {
            SharedTokenStore store = new SharedTokenStore();
            Syndicator s = node(threads, store);
            assertInstanceOf(Outcome.Posted.class, s.send(post(1)));
            Tokens mine = store.otherNode().find("ledger-threads").orElseThrow();
            store.afterReads(2, () -> store.otherNode().compareAndSet("ledger-threads", mine,
                    Tokens.of(MockThreads.DEFAULT_TOKEN, null, clock.instant().plus(Duration.ofDays(59)))));

            assertInstanceOf(Outcome.Posted.class, s.send(post(2)));

            assertEquals(2, threads.containerCount(), "one container per post");
            assertEquals(2, threads.postCount());
        }
    }

    @Test
    void ofTwoNodesRefreshingAtOnceBothUseTheTokenStoredFirst() {
        try (MockThreads threads = MockThreads.builder().clock(clock).start()) {
            SharedTokenStore store = new SharedTokenStore();
            Syndicator a = node(threads, store);
            Syndicator b = node(threads, store);
            // b reads the empty store (herald.yaml's token, due), then a refreshes and stores first.
            store.afterReads(1, () -> assertInstanceOf(Outcome.Posted.class, a.send(post(1))));

            Outcome fromB = b.send(post(2));

            assertInstanceOf(Outcome.Posted.class, fromB, fromB.describe());
            assertEquals(2, threads.refreshCount(), "both refreshed");
            assertEquals("threads-token-refreshed-1", store.otherNode().find("ledger-threads").orElseThrow().access(), "the first stored is kept");
            assertEquals(List.of("Bearer threads-token-refreshed-1", "Bearer threads-token-refreshed-1"),
                    bearers(threads, "/v1.0/" + USER + "/threads_publish"), "b posts with a's token");
        }
    }

    @Test
    void aRefreshThatCannotReachThreadsKeepsTheTokenAndIsNotTriedAgainForADay() {
        try (MockThreads threads = MockThreads.builder().clock(clock).start()) {
            TokenStore store = TokenStore.inMemory();
            Syndicator s = node(threads, store);
            threads.failNext(1, Fault.dropConnection().onlyFor("/refresh_access_token"));

            assertInstanceOf(Outcome.Posted.class, s.send(post(1)));
            clock.advance(Duration.ofHours(23));
            assertInstanceOf(Outcome.Posted.class, s.send(post(2)));

            assertEquals(List.of("Bearer " + MockThreads.DEFAULT_TOKEN, "Bearer " + MockThreads.DEFAULT_TOKEN), bearers(threads, "/v1.0/" + USER + "/threads_publish"));
            assertEquals(1, threads.recentRequests().stream().filter(r -> r.getUrl().encodedPath().equals("/refresh_access_token")).count());
            assertTrue(store.find("ledger-threads").isEmpty());

            clock.advance(Duration.ofHours(2));
            assertInstanceOf(Outcome.Posted.class, s.send(post(3)));
            assertEquals("threads-token-refreshed-1", store.find("ledger-threads").orElseThrow().access());
        }
    }

    @Test
    void aStoredTokenIsRefreshedFromThirtyDaysBeforeItsExpiryAndNotAfterItExpired() {
        try (MockThreads threads = MockThreads.builder().clock(clock).start()) {
            TokenStore store = TokenStore.inMemory();
            Syndicator s = node(threads, store);
            assertInstanceOf(Outcome.Posted.class, s.send(post(1)));
            Instant expires = store.find("ledger-threads").orElseThrow().expiresAt();

            clock.advance(Duration.between(clock.instant(), expires.minus(Duration.ofDays(30))).minusSeconds(1));
            s.send(post(2));
            assertEquals(1, threads.refreshCount(), "one second before the 30 days: not yet");
            clock.advance(Duration.ofSeconds(1));
            s.send(post(3));
            assertEquals(2, threads.refreshCount(), "at 30 days before expiry: refreshed");
        }
    }
}
