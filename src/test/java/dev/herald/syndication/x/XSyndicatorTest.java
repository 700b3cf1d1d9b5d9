package dev.herald.syndication.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.CredentialCheck;
import dev.herald.syndication.DeliveryGuarantee;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.NetworkRegistry;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Preview;
import dev.herald.syndication.Reconciliation;
import dev.herald.syndication.Secret;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.config.ConfigException;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.syndication.config.SyndicatorFactory;
import dev.herald.syndication.internal.XText;
import dev.herald.testkit.Fault;
import dev.herald.testkit.HeraldMockExtension;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockX;
import dev.herald.testkit.XPost;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HeraldMockExtension.class)
class XSyndicatorTest {
    static final String HEADLINE = "Iran says retaliation for US strike is complete, will not seek escalation";
    static final String SUMMARY = "Iran does not intend to enter into a war with the United States, the regime said late Tuesday "
            + "after retaliating for the killing of its top general, Qassem Soleimani.";
    static final String URL = "https://ledger.example/world/2020/01/08/iran-says-retaliation-for-us-strike-is-complete";
    static final ArticleMeta SEED = ArticleMeta.builder().title(HEADLINE).description(SUMMARY).url(URL)
            .locale(Locale.forLanguageTag("en-US")).tags(List.of("Iran", "Middle East")).build();
    private static final String TWEETS = "/2/tweets";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpTransport http = HttpTransport.create();

    @AfterEach
    void closeTransport() throws IOException {
        http.close();
    }

    private static XCredentials.OAuth1 oauth1() {
        return new XCredentials.OAuth1(Secret.of("ck", MockX.DEFAULT_CONSUMER_KEY), Secret.of("cs", MockX.DEFAULT_CONSUMER_SECRET),
                Secret.of("at", MockX.DEFAULT_ACCESS_TOKEN), Secret.of("ats", MockX.DEFAULT_ACCESS_TOKEN_SECRET));
    }

    private XSyndicator syndicator(MockX x, ManualClock clock, XCredentials credentials) {
        return new XSyndicator(new XAccount("ledger-x", x.baseUri(), credentials, null), http, clock);
    }

    private XSyndicator syndicator(MockX x, ManualClock clock) {
        return syndicator(x, clock, oauth1());
    }

    private static Post post(String revision) {
        return Post.of(SEED, "ledger-x", revision);
    }

    @Test
    void postsTheSeedArticleSignedWithOAuth1AndTheFakeVerifiesTheSignature(MockX x, ManualClock clock) {
        Outcome outcome = syndicator(x, clock).send(post("1"));

        Outcome.Posted posted = assertInstanceOf(Outcome.Posted.class, outcome, outcome.describe());
        XPost created = x.posts().get(0);
        assertEquals(created.id(), posted.remoteId());
        assertEquals(URI.create("https://x.com/i/status/" + created.id()), posted.remoteUrl());
        // In full it weighs 284: the summary gives up its last word for an ellipsis.
        assertEquals(284, XText.length(HEADLINE + "\n\n" + SUMMARY + "\n\n" + URL + "\n\n#Iran #MiddleEast"));
        assertEquals(HEADLINE + "\n\n" + SUMMARY.replace("Qassem Soleimani.", "Qassem…") + "\n\n" + URL + "\n\n#Iran #MiddleEast", created.text());
        assertEquals(MockX.DEFAULT_USER_ID, created.authorId());
        assertTrue(x.lastRequest().getHeaders().get("Authorization").startsWith("OAuth oauth_consumer_key=\""));
    }

    @Test
    void postsWithAnOAuth2UserToken(MockX x, ManualClock clock) {
        Outcome outcome = syndicator(x, clock, new XCredentials.Bearer(Secret.of("t", MockX.DEFAULT_BEARER_TOKEN))).send(post("1"));

        assertInstanceOf(Outcome.Posted.class, outcome, outcome.describe());
        assertEquals("Bearer " + MockX.DEFAULT_BEARER_TOKEN, x.lastRequest().getHeaders().get("Authorization"));
    }

    @Test
    void aWrongTokenSecretMakesABadSignatureWhichIsAuthFailed(MockX x, ManualClock clock) {
        XCredentials.OAuth1 wrong = new XCredentials.OAuth1(Secret.of("ck", MockX.DEFAULT_CONSUMER_KEY), Secret.of("cs", MockX.DEFAULT_CONSUMER_SECRET),
                Secret.of("at", MockX.DEFAULT_ACCESS_TOKEN), Secret.of("ats", "not-the-secret"));

        Outcome outcome = syndicator(x, clock, wrong).send(post("1"));

        assertEquals("HTTP 401: Unauthorized", assertInstanceOf(Outcome.AuthFailed.class, outcome).message());
        assertEquals(0, x.postCount());
    }

    @Test
    void theFakeRefusesAReplayedSignedRequest(MockX x, ManualClock clock) {
        XSyndicator pinned = new XSyndicator(new XAccount("ledger-x", x.baseUri(), oauth1(), null), http, clock,
                new OAuth1Signer(oauth1(), clock, () -> "same-nonce"));
        assertInstanceOf(Outcome.Posted.class, pinned.send(post("1")));

        Outcome replay = pinned.send(Post.of(SEED.toBuilder().title("Another headline").build(), "ledger-x", "1"));

        assertInstanceOf(Outcome.AuthFailed.class, replay, replay.describe());
        assertEquals(1, x.postCount());
    }

    @Test
    void thePreviewIsExactlyTheBodySent(MockX x, ManualClock clock) throws Exception {
        XSyndicator syndicator = syndicator(x, clock);
        Preview preview = syndicator.preview(post("1"));

        syndicator.send(post("1"));

        RecordedRequest sent = x.lastRequest();
        assertEquals(JSON.readTree(preview.payload()), JSON.readTree(sent.getBody().utf8()));
        assertEquals(Map.of("text", x.posts().get(0).text()), JSON.readValue(preview.payload(), Map.class));
        assertEquals(XText.length(x.posts().get(0).text()), preview.text().length());
        assertEquals(280, preview.text().limit());
        assertFalse(preview.payload().contains(MockX.DEFAULT_ACCESS_TOKEN));
    }

    @Test
    void aLongCjkArticleIsShortenedToXsWeightedLimitAndTheFakeAcceptsIt(MockX x, ManualClock clock) {
        ArticleMeta cjk = SEED.toBuilder().title("伊朗称对美国袭击的报复已经完成").description("伊朗表示无意与美国开战。".repeat(20)).build();

        Outcome outcome = syndicator(x, clock).send(Post.of(cjk, "ledger-x", "1"));

        assertInstanceOf(Outcome.Posted.class, outcome, outcome.describe());
        String text = x.posts().get(0).text();
        assertTrue(text.contains("…"), text);
        int weight = XText.length(text);
        assertTrue(weight <= 280 && weight >= 270, "weighted " + weight);
    }

    @Test
    void aDuplicateContent403IsAlreadyPosted(MockX x, ManualClock clock) {
        XSyndicator first = syndicator(x, clock);
        assertInstanceOf(Outcome.Posted.class, first.send(post("1")));

        Outcome again = first.send(post("2"));

        assertInstanceOf(Outcome.Duplicate.class, again, again.describe());
        assertEquals(1, x.postCount());
    }

    @Test
    void depletedCreditsArePermanentAndSayWhatToDo(MockX x, ManualClock clock) {
        x.depleteCredits();

        Outcome outcome = syndicator(x, clock).send(post("1"));

        String message = assertInstanceOf(Outcome.Permanent.class, outcome).message();
        assertTrue(message.startsWith("HTTP 402: Your enrolled account"), message);
        assertTrue(message.contains("buy credits"), message);
    }

    @Test
    void anAppOutsideAProjectIsPermanentAndSaysWhatToDo(MockX x, ManualClock clock) {
        x.unenrollClient();

        Outcome outcome = syndicator(x, clock).send(post("1"));

        String message = assertInstanceOf(Outcome.Permanent.class, outcome).message();
        assertTrue(message.startsWith("HTTP 403: When authenticating requests"), message);
        assertTrue(message.contains("attach the app to a Project"), message);
    }

    @Test
    void a429IsRateLimitedUntilXsResetExactly(MockX x, ManualClock clock) {
        x.failNext(1, Fault.rateLimited(Duration.ofMinutes(7)).onlyFor(TWEETS));

        Outcome outcome = syndicator(x, clock).send(post("1"));

        assertEquals(clock.instant().plus(Duration.ofMinutes(7)), assertInstanceOf(Outcome.RateLimited.class, outcome).retryAt());
    }

    @Test
    void aRealExhaustedWindowIsRateLimitedUntilItsReset(ManualClock clock) {
        try (MockX x = MockX.builder().clock(clock).postRateLimit(1, Duration.ofMinutes(15)).start()) {
            XSyndicator s = syndicator(x, clock);
            assertInstanceOf(Outcome.Posted.class, s.send(post("1")));
            Instant resetAt = clock.instant().plus(Duration.ofMinutes(15));
            clock.advance(Duration.ofMinutes(1));

            Outcome second = s.send(Post.of(SEED.toBuilder().title("Second story").build(), "ledger-x", "1"));

            assertEquals(resetAt, assertInstanceOf(Outcome.RateLimited.class, second).retryAt());
        }
    }

    @Test
    void theProviderReadsTheDailyUserLimitWhenThatIsWhatRanOut() {
        XNetwork network = new XNetwork();
        var daily = new dev.herald.syndication.HttpReply(429, Map.of("x-rate-limit-reset", "1800000000", "x-user-limit-24hour-remaining", "0",
                "x-user-limit-24hour-reset", "1800050000"), new byte[0]);
        var window = new dev.herald.syndication.HttpReply(429, Map.of("x-rate-limit-reset", "1800000000", "x-user-limit-24hour-remaining", "12",
                "x-user-limit-24hour-reset", "1800050000"), new byte[0]);
        var ok = new dev.herald.syndication.HttpReply(201, Map.of("x-rate-limit-reset", "1800000000"), new byte[0]);

        assertEquals(Instant.ofEpochSecond(1800050000), network.retryAt(daily, java.time.Clock.systemUTC()));
        assertEquals(Instant.ofEpochSecond(1800000000), network.retryAt(window, java.time.Clock.systemUTC()));
        assertEquals(null, network.retryAt(ok, java.time.Clock.systemUTC()));
    }

    @Test
    void aServerErrorIsTransient(MockX x, ManualClock clock) {
        x.failNext(1, Fault.serverError(503));

        Outcome outcome = syndicator(x, clock).send(post("1"));

        assertEquals("HTTP 503: Service Unavailable", assertInstanceOf(Outcome.Transient.class, outcome).message());
    }

    @Test
    void aTokenRevokedInTheMiddleOfARunIsAuthFailedFromThenOn(MockX x, ManualClock clock) {
        XSyndicator s = syndicator(x, clock, new XCredentials.Bearer(Secret.of("t", MockX.DEFAULT_BEARER_TOKEN)));
        assertInstanceOf(Outcome.Posted.class, s.send(post("1")));
        x.revokeToken(MockX.DEFAULT_BEARER_TOKEN);

        Outcome second = s.send(Post.of(SEED.toBuilder().title("Second story").url("https://ledger.example/second").build(), "ledger-x", "1"));

        assertInstanceOf(Outcome.AuthFailed.class, second, second.describe());
        assertEquals(CredentialCheck.Status.AUTH_FAILED, s.check().status());
        assertEquals(1, x.postCount());
    }

    @Test
    void anExpiredOAuth2TokenIsRenewedOnceWithTheRotatingRefreshTokenAndThePostGoesOut(MockX x, ManualClock clock) {
        List<String> stored = new java.util.ArrayList<>();
        RotatingRefreshToken tokens = new RotatingRefreshToken(x.baseUri(), MockX.DEFAULT_CLIENT_ID, null, MockX.DEFAULT_BEARER_TOKEN,
                MockX.DEFAULT_REFRESH_TOKEN, http, stored::add);
        XSyndicator s = new XSyndicator(new XAccount("ledger-x", x.baseUri(), new XCredentials.Bearer(Secret.of("t", MockX.DEFAULT_BEARER_TOKEN)), null),
                http, clock, tokens);
        x.revokeToken(MockX.DEFAULT_BEARER_TOKEN); // two hours later: expired

        Outcome outcome = s.send(post("1"));

        assertInstanceOf(Outcome.Posted.class, outcome, outcome.describe());
        assertEquals(List.of("x-refresh-token-1"), stored, "the rotated refresh token is handed over to be kept");
        assertEquals(java.util.Set.of("x-refresh-token-1"), x.refreshTokens(), "the used one is dead");
        assertEquals("Bearer x-oauth2-access-1", x.lastRequest().getHeaders().get("Authorization"));

        x.revokeToken("x-oauth2-access-1");
        assertInstanceOf(Outcome.Posted.class, s.send(Post.of(SEED.toBuilder().url("https://ledger.example/2").build(), "ledger-x", "1")));
        assertEquals(List.of("x-refresh-token-1", "x-refresh-token-2"), stored);
    }

    @Test
    void aRefusedRefreshTokenLeavesTheSendAuthFailed(MockX x, ManualClock clock) {
        RotatingRefreshToken tokens = new RotatingRefreshToken(x.baseUri(), MockX.DEFAULT_CLIENT_ID, null, MockX.DEFAULT_BEARER_TOKEN,
                "x-refresh-token-stale", http, t -> { });
        XSyndicator s = new XSyndicator(new XAccount("ledger-x", x.baseUri(), new XCredentials.Bearer(Secret.of("t", MockX.DEFAULT_BEARER_TOKEN)), null),
                http, clock, tokens);
        x.revokeToken(MockX.DEFAULT_BEARER_TOKEN);

        assertInstanceOf(Outcome.AuthFailed.class, s.send(post("1")));
        assertEquals(0, x.postCount());
    }

    @Test
    void aLostAnswerIsReconciledByTheLinksExpandedUrlSoTheResendIsNotMade(MockX x, ManualClock clock) {
        XSyndicator s = syndicator(x, clock);
        assertEquals(new Reconciliation.NotFound(), s.reconcile(post("1")));
        x.failNext(1, Fault.dropResponse().onlyFor(TWEETS));

        Outcome lost = s.send(post("1"));
        assertInstanceOf(Outcome.Transient.class, lost, lost.describe());
        Reconciliation found = s.reconcile(post("1"));

        String id = x.posts().get(0).id();
        Reconciliation.Found f = assertInstanceOf(Reconciliation.Found.class, found);
        assertEquals(List.of(id, URI.create("https://x.com/i/status/" + id)), List.of(f.remoteId(), f.remoteUrl()));
        assertEquals(1, x.postCount());
        // The timeline the reconcile read shows t.co links only: it matched the expanded URL, not the text.
        assertFalse(x.lastRequest().getUrl().toString().contains("ledger.example"));
    }

    @Test
    void reconcileIsUnknownWhenTheNetworkCannotBeRead(MockX x, ManualClock clock) {
        x.failNext(1, Fault.serverError(503));

        assertInstanceOf(Reconciliation.Unknown.class, syndicator(x, clock).reconcile(post("1")));
    }

    @Test
    void checkNamesTheAccount(MockX x, ManualClock clock) {
        CredentialCheck check = syndicator(x, clock).check();

        assertEquals(CredentialCheck.ok("the credentials are accepted for @" + MockX.DEFAULT_USERNAME), check);
    }

    @Test
    void twitterIsAnAliasAndTheProviderBuildsAGuardedSyndicatorFromHeraldYaml(MockX x, ManualClock clock) {
        String yaml = """
                accounts:
                  - name: ledger-x
                    network: twitter
                    consumerKey: ${env:X_CK}
                    consumerSecret: ${env:X_CS}
                    accessToken: ${env:X_AT}
                    accessTokenSecret: ${env:X_ATS}
                """;
        SyndicationConfig config = x.serve(SyndicationConfig.parse(yaml, "herald.yaml", NetworkRegistry.installed()), "ledger-x");
        Map<String, String> env = Map.of("X_CK", MockX.DEFAULT_CONSUMER_KEY, "X_CS", MockX.DEFAULT_CONSUMER_SECRET, "X_AT", MockX.DEFAULT_ACCESS_TOKEN,
                "X_ATS", MockX.DEFAULT_ACCESS_TOKEN_SECRET);
        SecretSource secrets = reference -> Secret.resolve(reference, env::get, name -> null);

        Syndicator s = new SyndicatorFactory(http, clock, secrets).createAll(config).get(0);

        assertEquals("x", s.network());
        assertEquals(DeliveryGuarantee.RECONCILE_BEFORE_RESEND, NetworkRegistry.installed().get("twitter").guarantee());
        assertInstanceOf(Outcome.Posted.class, s.send(post("1")));
    }

    @Test
    void anAccountWithHalfAnOAuth1SignInOrBothSignInsIsAConfigError() {
        String half = """
                accounts:
                  - name: ledger-x
                    network: x
                    consumerKey: ${env:X_CK}
                    accessToken: ${env:X_AT}
                """;
        String both = half.replace("    accessToken: ${env:X_AT}\n", "    token: ${env:X_T}\n    consumerSecret: ${env:X_CS}\n    accessToken: ${env:X_AT}\n    accessTokenSecret: ${env:X_ATS}\n");
        SyndicatorFactory factory = new SyndicatorFactory(http, java.time.Clock.systemUTC(), SecretSource.placeholders());

        ConfigException e = assertThrows(ConfigException.class, () -> factory.createAll(SyndicationConfig.parse(half, "herald.yaml", NetworkRegistry.installed())));
        assertTrue(e.getMessage().contains("only some of them"), e.getMessage());
        ConfigException e2 = assertThrows(ConfigException.class, () -> factory.createAll(SyndicationConfig.parse(both, "herald.yaml", NetworkRegistry.installed())));
        assertTrue(e2.getMessage().contains("not both"), e2.getMessage());
    }
}
