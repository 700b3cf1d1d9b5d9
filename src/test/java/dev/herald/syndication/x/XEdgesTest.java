package dev.herald.syndication.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import dev.herald.syndication.Quota;
import dev.herald.syndication.Reconciliation;
import dev.herald.syndication.Secret;
import dev.herald.syndication.SignIn;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TokenStore;
import dev.herald.syndication.config.AccountSetup;
import dev.herald.syndication.internal.XText;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.testkit.Fault;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockX;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The X syndicator and provider around the post itself: names, the provider's accounts and sign-in, failed reads, and the OAuth 1.0a base string's parts. */
class XEdgesTest {
    private static final SecretSource SECRETS = reference -> Secret.resolve(reference,
            Map.of("X_TOKEN", MockX.DEFAULT_BEARER_TOKEN, "X_SECRET", "x-client-secret")::get, name -> null);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T09:00:00Z"));
    private final HttpTransport http = HttpTransport.create();

    @AfterEach
    void closeTransport() throws IOException {
        http.close();
    }

    private XSyndicator bearer(MockX x) {
        return new XSyndicator(new XAccount("ledger-x", x.baseUri(), new XCredentials.Bearer(Secret.of("t", MockX.DEFAULT_BEARER_TOKEN)), null), http, clock);
    }

    private static Post post(String path) {
        return Post.of(ArticleMeta.builder().title("Harbour reopens").url("https://ledger.example/" + path).build(), "ledger-x", "1");
    }

    private static AccountSetup setup(MockX x, String credentials) {
        String yaml = """
                accounts:
                  - name: ledger-x
                    network: x
                %s""".formatted(credentials.indent(4));
        SyndicationConfig config = x.serve(SyndicationConfig.parse(yaml, "herald.yaml", NetworkRegistry.installed()), "ledger-x");
        return new AccountSetup("herald.yaml", config.account("ledger-x"), SECRETS);
    }

    @Test
    void theSyndicatorAndProviderNameThemselvesTheirRulesAndQuota() {
        try (MockX x = MockX.builder().clock(clock).start()) {
            XSyndicator s = bearer(x);
            assertEquals("ledger-x", s.account());
            assertEquals("x", s.network());
            assertEquals(DeliveryGuarantee.RECONCILE_BEFORE_RESEND, s.guarantee());
        }
        XNetwork network = new XNetwork();
        assertEquals(XText.RULES, network.textRules());
        assertEquals(List.of(Quota.of(100, Duration.ofMinutes(15))), network.quotas());
    }

    @Test
    void anAccountWithOnlyATokenPostsWithItAsItIs() {
        try (MockX x = MockX.builder().clock(clock).start()) {
            Syndicator s = new XNetwork().create(setup(x, "token: ${env:X_TOKEN}\n"), new NetworkContext(http, clock, TokenStore.inMemory()));

            assertInstanceOf(Outcome.Posted.class, s.send(post("harbour")));
            assertEquals("Bearer " + MockX.DEFAULT_BEARER_TOKEN, x.lastRequest().getHeaders().get("Authorization"));
        }
    }

    @Test
    void theSignInNeedsTheClientIdAndSendsTheSecretWhenThereIsOne() throws Exception {
        try (MockX x = MockX.builder().clock(clock).start()) {
            NetworkContext context = new NetworkContext(http, clock);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new XNetwork().signIn(setup(x, "token: ${env:X_TOKEN}\n"), context));
            assertEquals("herald auth needs the app's OAuth 2.0 'clientId' (and 'clientSecret' for a confidential app)", e.getMessage());

            SignIn confidential = new XNetwork().signIn(setup(x, "clientId: " + MockX.DEFAULT_CLIENT_ID + "\nclientSecret: ${env:X_SECRET}\n"), context)
                    .orElseThrow();
            URI url = confidential.authorizationUrl(URI.create("http://127.0.0.1:1/cb"), "s", "c");
            assertTrue(url.toString().startsWith(x.baseUri() + "i/oauth2/authorize?"), url.toString());
            assertThrows(SignIn.SignInException.class, () -> confidential.exchange("no-such-code", URI.create("http://127.0.0.1:1/cb"), "v", null));
            String basic = java.util.Base64.getEncoder().encodeToString((MockX.DEFAULT_CLIENT_ID + ":x-client-secret").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertEquals("Basic " + basic, x.lastRequest().getHeaders().get("Authorization"));
        }
    }

    @Test
    void anAccountThatCannotBeReadLeavesTheReconciliationUnknown() {
        try (MockX x = MockX.builder().clock(clock).start()) {
            x.failNext(1, Fault.serverError(503).onlyFor("/2/users/me"));

            Reconciliation r = bearer(x).reconcile(post("harbour"));

            assertTrue(assertInstanceOf(Reconciliation.Unknown.class, r).reason().startsWith("could not read the account: "), r.toString());
        }
    }

    @Test
    void postsThatCannotBeReadLeaveTheReconciliationUnknown() {
        try (MockX x = MockX.builder().clock(clock).start()) {
            x.failNext(1, Fault.serverError(503).onlyFor("/2/users/" + MockX.DEFAULT_USER_ID + "/tweets"));

            Reconciliation r = bearer(x).reconcile(post("harbour"));

            assertTrue(assertInstanceOf(Reconciliation.Unknown.class, r).reason().startsWith("could not read the account's posts: "), r.toString());
        }
    }

    @Test
    void anUnreachableApiIsTransientForTheSendAndUnknownForReconcileAndCheck() {
        MockX x = MockX.builder().clock(clock).start();
        XSyndicator s = bearer(x);
        x.close();

        assertInstanceOf(Outcome.Transient.class, s.send(post("harbour")));
        assertInstanceOf(Reconciliation.Unknown.class, s.reconcile(post("harbour")));
        assertEquals(CredentialCheck.Status.UNKNOWN, s.check().status());
    }

    @Test
    void aRevokedTokenWithoutARefreshTokenIsAuthFailedAfterOneTry() {
        try (MockX x = MockX.builder().clock(clock).start()) {
            Syndicator s = new XNetwork().create(setup(x, "token: ${env:X_TOKEN}\nclientId: " + MockX.DEFAULT_CLIENT_ID + "\n"),
                    new NetworkContext(http, clock, TokenStore.inMemory()));
            x.revokeToken(MockX.DEFAULT_BEARER_TOKEN);

            Outcome outcome = s.send(post("harbour"));

            assertInstanceOf(Outcome.AuthFailed.class, outcome, outcome.describe());
            assertEquals(1, x.recentRequests().stream().filter(r -> r.getUrl().encodedPath().equals("/2/tweets")).count());
            assertEquals(0, x.recentRequests().stream().filter(r -> r.getUrl().encodedPath().equals("/2/oauth2/token")).count());
        }
    }

    @Test
    void linksAreTheSameWithOrWithoutATrailingSlashButNeverEmpty() {
        assertTrue(XSyndicator.sameUrl("https://ledger.example/a", "https://ledger.example/a/"));
        assertTrue(XSyndicator.sameUrl("https://ledger.example/a/", "https://ledger.example/a"));
        assertFalse(XSyndicator.sameUrl("https://ledger.example/a", "https://ledger.example/b"));
        assertFalse(XSyndicator.sameUrl("https://ledger.example/a", "https://ledger.example/ab"));
        assertFalse(XSyndicator.sameUrl("", ""));
    }

    @Test
    void theBaseStringUriDropsOnlyTheDefaultPortAndTheQuery() {
        assertEquals("https://api.x.com/2/tweets", OAuth1Signer.baseUri(URI.create("HTTPS://API.X.com:443/2/tweets?a=1")));
        assertEquals("http://api.x.com/2/tweets", OAuth1Signer.baseUri(URI.create("http://api.x.com:80/2/tweets")));
        assertEquals("https://api.x.com:80/", OAuth1Signer.baseUri(URI.create("https://api.x.com:80")));
        assertEquals("http://127.0.0.1:8080/2/tweets", OAuth1Signer.baseUri(URI.create("http://127.0.0.1:8080/2/tweets")));
        assertEquals("http://h:0/", OAuth1Signer.baseUri(URI.create("http://h:0/")));
    }

    @Test
    void queryParametersAreDecodedAsAFormKeepingEmptyNamesAndValues() {
        assertEquals(List.of(Map.entry("a", "1"), Map.entry("flag", ""), Map.entry("", "x"), Map.entry("b c", "d e")),
                OAuth1Signer.queryParameters(URI.create("https://api.x.com/p?a=1&flag&=x&&b+c=d%20e")));
        assertEquals(List.of(), OAuth1Signer.queryParameters(URI.create("https://api.x.com/p")));
    }

    @Test
    void aRenewingSyndicatorNeedsAnOAuth2Token() {
        XAccount oauth1 = new XAccount("ledger-x", null, new XCredentials.OAuth1(Secret.of("a", "ck"), Secret.of("b", "cs"), Secret.of("c", "at"),
                Secret.of("d", "ats")), null);
        XTokenSource source = new RotatingRefreshToken(XAccount.DEFAULT_API, "client", null, "access", "refresh", http, refresh -> { });

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new XSyndicator(oauth1, http, clock, source));

        assertTrue(e.getMessage().contains("must be an OAuth 2.0 token to be renewed"), e.getMessage());
    }

    @Test
    void anAccountWithNoSignInAtAllSaysNeither() {
        try (MockX x = MockX.builder().clock(clock).start()) {
            AccountSetup none = setup(x, "");

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new XNetwork().create(none, new NetworkContext(http, clock)));

            assertTrue(e.getMessage().endsWith("(OAuth 1.0a), not neither"), e.getMessage());
        }
    }

    @Test
    void anOlderPostIsFoundPastNewerPostsOfOtherArticles() {
        try (MockX x = MockX.builder().clock(clock).start()) {
            XSyndicator s = bearer(x);
            Outcome.Posted first = assertInstanceOf(Outcome.Posted.class, s.send(post("harbour")));
            assertInstanceOf(Outcome.Posted.class, s.send(post("ferries")));

            Reconciliation r = s.reconcile(post("harbour"));

            assertEquals(first.remoteId(), assertInstanceOf(Reconciliation.Found.class, r).remoteId());
        }
    }
}
