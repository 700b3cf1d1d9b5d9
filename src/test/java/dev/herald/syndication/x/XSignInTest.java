package dev.herald.syndication.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Secret;
import dev.herald.syndication.SignIn;
import dev.herald.syndication.SignInBrowser;
import dev.herald.syndication.TokenStore;
import dev.herald.syndication.Tokens;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockX;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code herald auth} for an X account (OAuth 2.0 with PKCE), driven against the fake without the command. */
class XSignInTest {
    private static final URI REDIRECT = URI.create("http://127.0.0.1:8765/callback");
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T09:00:00Z"));
    private final HttpTransport http = HttpTransport.create();
    private final SignInBrowser browser = new SignInBrowser();

    @AfterEach
    void closeTransport() throws IOException {
        http.close();
    }

    private static String challenge(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    /** Opens {@code url} as the account's owner and returns the code the redirect carries. */
    private String authorize(URI url) throws Exception {
        Map<String, String> query = browser.open(url);
        assertEquals("st", query.get("state"));
        return query.get("code");
    }


    private static RecordedRequest tokenRequest(MockX x) {
        return x.recentRequests().stream().filter(r -> r.getUrl().encodedPath().equals("/2/oauth2/token")).findFirst().orElseThrow();
    }

    @Test
    void theAuthorizationAddressIsXsWithTheS256ChallengeAndTheOfflineScope() {
        XSignIn signIn = new XSignIn(XAccount.DEFAULT_API, "client-1", null, http, clock);

        URI url = signIn.authorizationUrl(REDIRECT, "st4te", "CHALLENGE");

        assertEquals("https://x.com/i/oauth2/authorize", url.getScheme() + "://" + url.getHost() + url.getPath());
        assertEquals(Map.of("response_type", "code", "client_id", "client-1", "redirect_uri", REDIRECT.toString(),
                "scope", "tweet.read tweet.write users.read offline.access", "state", "st4te", "code_challenge", "CHALLENGE",
                "code_challenge_method", "S256"), SignInBrowser.query(url));
    }

    @Test
    void aPublicClientSignsInForATwoHourTokenAndARefreshTokenThatPost() throws Exception {
        try (MockX x = MockX.builder().clock(clock).start()) {
            XSignIn signIn = new XSignIn(x.baseUri(), MockX.DEFAULT_CLIENT_ID, null, http, clock);
            URI url = signIn.authorizationUrl(REDIRECT, "st", challenge(VERIFIER));
            assertTrue(url.toString().startsWith(x.baseUri() + "i/oauth2/authorize?"), url.toString());

            Tokens tokens = signIn.exchange(authorize(url), REDIRECT, VERIFIER, null);

            assertTrue(tokens.access().startsWith("x-oauth2-access-"), tokens.access());
            assertTrue(x.refreshTokens().contains(tokens.refresh()), tokens.refresh());
            assertEquals(clock.instant().plus(MockX.ACCESS_LIFETIME), tokens.expiresAt());
            RecordedRequest sent = tokenRequest(x);
            assertNull(sent.getHeaders().get("Authorization"), "a public client sends no secret");
            String form = sent.getBody().utf8();
            assertTrue(form.contains("code_verifier=" + VERIFIER) && form.contains("client_id=" + MockX.DEFAULT_CLIENT_ID)
                    && form.contains("grant_type=authorization_code"), form);

            TokenStore store = TokenStore.inMemory();
            store.compareAndSet("ledger-x", null, tokens);
            XSyndicator s = new XSyndicator(new XAccount("ledger-x", x.baseUri(), new XCredentials.Bearer(Secret.of("credential-store", "stored-token")), null), http, clock,
                    new StoredXTokens("ledger-x", x.baseUri(), MockX.DEFAULT_CLIENT_ID, null, null, store, http, clock));
            Outcome posted = s.send(Post.of(ArticleMeta.builder().title("Harbour reopens").url("https://ledger.example/harbour").build(), "ledger-x", "1"));
            assertInstanceOf(Outcome.Posted.class, posted, posted.describe());
        }
    }

    @Test
    void aConfidentialClientSendsItsSecretAsBasic() throws Exception {
        try (MockX x = MockX.builder().clock(clock).start()) {
            XSignIn signIn = new XSignIn(x.baseUri(), MockX.DEFAULT_CLIENT_ID, Secret.of("app", "x-client-secret"), http, clock);

            signIn.exchange(authorize(signIn.authorizationUrl(REDIRECT, "st", challenge(VERIFIER))), REDIRECT, VERIFIER, null);

            String basic = Base64.getEncoder().encodeToString((MockX.DEFAULT_CLIENT_ID + ":x-client-secret").getBytes(StandardCharsets.UTF_8));
            assertEquals("Basic " + basic, tokenRequest(x).getHeaders().get("Authorization"));
        }
    }

    @Test
    void aWrongVerifierIsRefusedWithXsDescription() throws Exception {
        try (MockX x = MockX.builder().clock(clock).start()) {
            XSignIn signIn = new XSignIn(x.baseUri(), MockX.DEFAULT_CLIENT_ID, null, http, clock);
            String code = authorize(signIn.authorizationUrl(REDIRECT, "st", challenge(VERIFIER)));

            SignIn.SignInException e = assertThrows(SignIn.SignInException.class, () -> signIn.exchange(code, REDIRECT, "another-verifier", null));

            assertEquals("X refused the code (400): Value passed for the authorization code was invalid.", e.getMessage());
        }
    }

    @Test
    void aGrantWithoutOfflineAccessIsRefusedForLackOfARefreshToken() throws Exception {
        try (MockX x = MockX.builder().clock(clock).start()) {
            XSignIn signIn = new XSignIn(x.baseUri(), MockX.DEFAULT_CLIENT_ID, null, http, clock);
            // The person was sent an address asking less (an older bookmark of it, say).
            URI url = URI.create(signIn.authorizationUrl(REDIRECT, "st", challenge(VERIFIER)).toString().replace("+offline.access", "").replace("%20offline.access", ""));
            String code = authorize(url);

            SignIn.SignInException e = assertThrows(SignIn.SignInException.class, () -> signIn.exchange(code, REDIRECT, VERIFIER, null));

            assertEquals("X sent no refresh token: the app must ask for the offline.access scope", e.getMessage());
        }
    }

    @Test
    void theNotesNameTheCallbackTheScopesAndTheOAuth1Alternative() {
        List<String> notes = new XSignIn(XAccount.DEFAULT_API, "client-1", null, http, clock).notes(REDIRECT);

        assertEquals(3, notes.size());
        assertTrue(notes.get(0).contains(REDIRECT + " as a Callback URI"), notes.get(0));
        assertEquals("Herald asks for: tweet.read tweet.write users.read offline.access.", notes.get(1));
        assertTrue(notes.get(2).startsWith("To use OAuth 1.0a keys instead"), notes.get(2));
    }
}
