package dev.herald.syndication.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.NetworkContext;
import dev.herald.syndication.NetworkRegistry;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Secret;
import dev.herald.syndication.SharedTokenStore;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.Tokens;
import dev.herald.syndication.config.AccountSetup;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockLinkedIn;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A LinkedIn author's token shared by several nodes through a {@link TokenStore}: when it is
 * renewed, and which token a node uses when another node's renewal or sign-in lands between its reads.
 */
class LinkedInSharedTokenTest {
    private static final URI REDIRECT = URI.create("http://127.0.0.1:8765/callback");
    private static final SecretSource SECRETS = reference -> Secret.resolve(reference,
            Map.of("LI_SECRET", MockLinkedIn.DEFAULT_CLIENT_SECRET)::get, name -> null);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T09:00:00Z"));
    private final HttpTransport http = HttpTransport.create();
    private final SharedTokenStore store = new SharedTokenStore();

    @AfterEach
    void closeTransport() throws IOException {
        http.close();
    }

    private Syndicator node(MockLinkedIn li) {
        String yaml = """
                accounts:
                  - name: ledger-li
                    network: linkedin
                    author: %s
                    clientId: %s
                    clientSecret: ${env:LI_SECRET}
                """.formatted(MockLinkedIn.DEFAULT_AUTHOR, MockLinkedIn.DEFAULT_CLIENT_ID);
        SyndicationConfig config = li.serve(SyndicationConfig.parse(yaml, "herald.yaml", NetworkRegistry.installed()), "ledger-li");
        return new LinkedInNetwork().create(new AccountSetup("herald.yaml", config.account("ledger-li"), SECRETS), new NetworkContext(http, clock, store));
    }

    /** Signs in through the fake's OAuth pages and stores the tokens, as herald auth does. */
    private Tokens signIn(MockLinkedIn li) throws Exception {
        LinkedInSignIn signIn = new LinkedInSignIn(li.baseUri(), MockLinkedIn.DEFAULT_CLIENT_ID, Secret.of("app", MockLinkedIn.DEFAULT_CLIENT_SECRET),
                MockLinkedIn.DEFAULT_AUTHOR, http, clock);
        HttpResponse<Void> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(signIn.authorizationUrl(REDIRECT, "s", null)).build(),
                HttpResponse.BodyHandlers.discarding());
        String location = page.headers().firstValue("Location").orElseThrow();
        String code = java.net.URLDecoder.decode(location.substring(location.indexOf("code=") + 5, location.indexOf("&state")), java.nio.charset.StandardCharsets.UTF_8);
        Tokens tokens = signIn.exchange(code, REDIRECT, null, null);
        return store.otherNode().compareAndSet("ledger-li", null, tokens).orElseThrow();
    }

    private static Post post(int n) {
        return Post.of(ArticleMeta.builder().title("Story " + n).url("https://ledger.example/story/" + n).build(), "ledger-li", "1");
    }

    private static List<String> postBearers(MockLinkedIn li) {
        return li.recentRequests().stream().filter(r -> r.getMethod().equals("POST") && r.getUrl().encodedPath().equals("/rest/posts"))
                .map(r -> r.getHeaders().get("Authorization")).toList();
    }

    @Test
    void aTokenWithinItsSixtyDaysIsSentAsItIs() throws Exception {
        try (MockLinkedIn li = MockLinkedIn.builder().clock(clock).start()) {
            Tokens signedIn = signIn(li);
            clock.advance(Duration.ofDays(59));

            assertInstanceOf(Outcome.Posted.class, node(li).send(post(1)));

            assertEquals(1, li.tokensIssued(), "no renewal");
            assertEquals(List.of("Bearer " + signedIn.access()), postBearers(li));
        }
    }

    @Test
    void aTokenPastItsRecordedExpiryIsRenewedBeforeItIsSentSavingARefusedRequest() throws Exception {
        try (MockLinkedIn li = MockLinkedIn.builder().clock(clock).start()) {
            signIn(li);
            clock.advance(Duration.ofDays(61));

            assertInstanceOf(Outcome.Posted.class, node(li).send(post(1)));

            assertEquals(2, li.tokensIssued());
            assertEquals(List.of("Bearer AQVlinkedin-access-2"), postBearers(li), "one request, with the renewed token");
        }
    }

    @Test
    void aTokenAnotherNodeStoredWhileThisOnesWasRefusedIsUsedWithoutARenewal() throws Exception {
        try (MockLinkedIn li = MockLinkedIn.builder().clock(clock).start()) {
            Tokens mine = signIn(li);
            Syndicator s = node(li);
            // After the send's own two reads, someone signs in again elsewhere and the old token is revoked.
            store.afterReads(2, () -> {
                store.otherNode().compareAndSet("ledger-li", mine, Tokens.of(MockLinkedIn.DEFAULT_TOKEN, mine.refresh(), mine.expiresAt()));
                li.revokeToken(mine.access());
            });

            Outcome outcome = s.send(post(1));

            assertInstanceOf(Outcome.Posted.class, outcome, outcome.describe());
            assertEquals(1, li.tokensIssued(), "the refresh token was not spent");
            assertEquals(List.of("Bearer " + mine.access(), "Bearer " + MockLinkedIn.DEFAULT_TOKEN), postBearers(li));
        }
    }

    @Test
    void aRefusedRenewalStillTakesATokenAnotherNodeStoredMeanwhile() throws Exception {
        try (MockLinkedIn li = MockLinkedIn.builder().clock(clock).start()) {
            // A token LinkedIn no longer knows, with a refresh token it refuses.
            Tokens dead = store.otherNode().compareAndSet("ledger-li", null, Tokens.of("AQV-revoked", "AQX-revoked", clock.instant().plus(Duration.ofDays(30))))
                    .orElseThrow();
            Syndicator s = node(li);
            // The send reads twice, the renewal once; then another node's sign-in lands before the renewal looks again.
            store.afterReads(3, () -> store.otherNode().compareAndSet("ledger-li", dead, Tokens.of(MockLinkedIn.DEFAULT_TOKEN, null, null)));

            Outcome outcome = s.send(post(1));

            assertInstanceOf(Outcome.Posted.class, outcome, outcome.describe());
            assertEquals(List.of("Bearer AQV-revoked", "Bearer " + MockLinkedIn.DEFAULT_TOKEN), postBearers(li));
        }
    }

    @Test
    void aRenewalThatLosesTheRaceToAnotherNodesSignInUsesThatSignIn() throws Exception {
        try (MockLinkedIn li = MockLinkedIn.builder().clock(clock).start()) {
            Tokens mine = signIn(li);
            li.revokeToken(mine.access());
            Syndicator s = node(li);
            store.afterReads(3, () -> store.otherNode().compareAndSet("ledger-li", mine, Tokens.of(MockLinkedIn.DEFAULT_TOKEN, null, null)));

            Outcome outcome = s.send(post(1));

            assertInstanceOf(Outcome.Posted.class, outcome, outcome.describe());
            assertEquals(2, li.tokensIssued(), "this node renewed");
            assertEquals(MockLinkedIn.DEFAULT_TOKEN, store.otherNode().find("ledger-li").orElseThrow().access(), "the sign-in stored first is kept");
            assertEquals(List.of("Bearer " + mine.access(), "Bearer " + MockLinkedIn.DEFAULT_TOKEN), postBearers(li));
        }
    }

    @Test
    void theProvidersRetryAtIsTheNextMidnightUtcForA429AndNothingOtherwise() throws Exception {
        try (MockLinkedIn li = MockLinkedIn.builder().clock(clock).start()) {
            dev.herald.syndication.HttpCall finder = dev.herald.syndication.HttpCall.get(li.uri("/rest/posts?q=author&count=1&author="
                    + java.net.URLEncoder.encode(MockLinkedIn.DEFAULT_AUTHOR, java.nio.charset.StandardCharsets.UTF_8)))
                    .header("LinkedIn-Version", LinkedInAccount.DEFAULT_VERSION).header("Authorization", "Bearer " + MockLinkedIn.DEFAULT_TOKEN);
            li.failNext(1, dev.herald.testkit.Fault.rateLimited().onlyFor("/rest/posts"));

            dev.herald.syndication.HttpReply limited = http.execute(finder);
            dev.herald.syndication.HttpReply answered = http.execute(finder);

            assertEquals(429, limited.status());
            assertEquals(Instant.parse("2026-12-08T00:00:00Z"), new LinkedInNetwork().retryAt(limited, clock));
            assertEquals(200, answered.status());
            assertEquals(null, new LinkedInNetwork().retryAt(answered, clock));
        }
    }

    @Test
    void theTokenSourceHandsOutTheRenewedTokenOnceTheRecordedExpiryHasPassed() throws Exception {
        try (MockLinkedIn li = MockLinkedIn.builder().clock(clock).start()) {
            Tokens signedIn = signIn(li);
            LinkedInTokens tokens = new LinkedInTokens("ledger-li", li.baseUri(), MockLinkedIn.DEFAULT_CLIENT_ID,
                    Secret.of("app", MockLinkedIn.DEFAULT_CLIENT_SECRET), null, store, http, clock);
            assertEquals(signedIn.access(), tokens.current());

            clock.advance(Duration.ofDays(61));

            assertEquals("AQVlinkedin-access-2", tokens.current());
            assertEquals("AQVlinkedin-access-2", store.otherNode().find("ledger-li").orElseThrow().access());
        }
    }
}
