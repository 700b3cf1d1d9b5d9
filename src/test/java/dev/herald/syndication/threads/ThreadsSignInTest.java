package dev.herald.syndication.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Secret;
import dev.herald.syndication.SignIn;
import dev.herald.syndication.SignInBrowser;
import dev.herald.syndication.Tokens;
import dev.herald.testkit.Fault;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockThreads;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code herald auth} for a Threads profile, driven against the fake without the command: the
 * authorization address, the code for a short-lived token, that for a 60-day one.
 */
class ThreadsSignInTest {
    private static final URI REDIRECT = URI.create("http://127.0.0.1:8765/callback");

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T09:00:00Z"));
    private final HttpTransport http = HttpTransport.create();
    private final SignInBrowser browser = new SignInBrowser();

    @AfterEach
    void closeTransport() throws IOException {
        http.close();
    }

    private ThreadsSignIn signIn(MockThreads threads, String user) {
        return new ThreadsSignIn(threads.baseUri(), MockThreads.DEFAULT_APP_ID, Secret.of("app", MockThreads.DEFAULT_APP_SECRET), user, http, clock);
    }

    /** Opens the authorization address as the profile's owner and returns the code the redirect carries. */
    private String authorize(SignIn signIn, String state) throws Exception {
        URI back = browser.redirect(signIn.authorizationUrl(REDIRECT, state, "ignored"));
        assertEquals(REDIRECT.getPath(), back.getPath());
        Map<String, String> query = SignInBrowser.query(back);
        assertEquals(state, query.get("state"));
        return query.get("code");
    }


    @Test
    void theAuthorizationAddressIsThreadsNetsForTheRealApiAndAsksBothScopes() {
        ThreadsSignIn real = new ThreadsSignIn(ThreadsAccount.DEFAULT_API, "1234", Secret.of("app", "s"), null, http, clock);

        URI url = real.authorizationUrl(REDIRECT, "st4te", "challenge");

        assertEquals("https", url.getScheme());
        assertEquals("threads.net", url.getHost());
        assertEquals("/oauth/authorize", url.getPath());
        Map<String, String> q = SignInBrowser.query(url);
        assertEquals(Map.of("client_id", "1234", "redirect_uri", REDIRECT.toString(), "scope", "threads_basic,threads_content_publish",
                "response_type", "code", "state", "st4te"), q, "no PKCE challenge: Threads takes none");
    }

    @Test
    void aProfileSignsInForASixtyDayTokenThatTheFakeAccepts() throws Exception {
        try (MockThreads threads = MockThreads.builder().clock(clock).start()) {
            ThreadsSignIn signIn = signIn(threads, MockThreads.DEFAULT_USER_ID);
            assertTrue(signIn.authorizationUrl(REDIRECT, "s", null).toString().startsWith(threads.baseUri() + "oauth/authorize?"));

            Tokens tokens = signIn.exchange(authorize(signIn, "s1"), REDIRECT, "verifier", null);

            assertTrue(tokens.access().startsWith("threads-token-long-"), tokens.access());
            assertEquals(null, tokens.refresh(), "Threads has no refresh token: the long-lived one is refreshed itself");
            assertEquals(clock.instant().plusSeconds(MockThreads.EXPIRES_IN), tokens.expiresAt());
            assertNotNull(threads.expiresAt(tokens.access()), "the fake knows the token");
            List<String> paths = threads.recentRequests().stream().map(r -> r.getMethod() + " " + r.getUrl().encodedPath()).toList();
            assertEquals(List.of("GET /oauth/authorize", "POST /oauth/access_token", "GET /access_token"), paths);
        }
    }

    @Test
    void anAccountNamingMeOrNoUserTakesWhicheverProfileSignsIn() throws Exception {
        try (MockThreads threads = MockThreads.builder().clock(clock).start()) {
            for (String user : new String[] {"me", null}) {
                ThreadsSignIn signIn = signIn(threads, user);
                Tokens tokens = signIn.exchange(authorize(signIn, "s"), REDIRECT, null, null);
                assertTrue(tokens.access().startsWith("threads-token-long-"), user + ": " + tokens.access());
            }
        }
    }

    @Test
    void anotherProfileSigningInIsRefusedBeforeTheLongLivedExchange() throws Exception {
        try (MockThreads threads = MockThreads.builder().clock(clock).start()) {
            ThreadsSignIn signIn = signIn(threads, "17841499999999999");
            String code = authorize(signIn, "s");

            SignIn.SignInException e = assertThrows(SignIn.SignInException.class, () -> signIn.exchange(code, REDIRECT, null, null));

            assertEquals("the signed-in Threads profile is " + MockThreads.DEFAULT_USER_ID + ", not the account's user 17841499999999999; sign in as that profile",
                    e.getMessage());
            assertTrue(threads.recentRequests().stream().noneMatch(r -> r.getUrl().encodedPath().equals("/access_token")));
        }
    }

    @Test
    void aRefusedCodeSaysThreadsReasonAndStatus() throws Exception {
        try (MockThreads threads = MockThreads.builder().clock(clock).start()) {
            ThreadsSignIn signIn = signIn(threads, MockThreads.DEFAULT_USER_ID);
            String code = authorize(signIn, "s");
            signIn.exchange(code, REDIRECT, null, null);

            SignIn.SignInException e = assertThrows(SignIn.SignInException.class, () -> signIn.exchange(code, REDIRECT, null, null));

            assertEquals("Threads refused the code (400): Invalid verification code format.", e.getMessage(), "a code is good once");
        }
    }

    @Test
    void aWrongAppSecretIsRefusedWithoutShowingIt() throws Exception {
        try (MockThreads threads = MockThreads.builder().clock(clock).start()) {
            ThreadsSignIn wrong = new ThreadsSignIn(threads.baseUri(), MockThreads.DEFAULT_APP_ID, Secret.of("app", "not-the-secret"),
                    MockThreads.DEFAULT_USER_ID, http, clock);
            String code = authorize(wrong, "s");

            SignIn.SignInException e = assertThrows(SignIn.SignInException.class, () -> wrong.exchange(code, REDIRECT, null, null));

            assertEquals("Threads refused the code (400): Error validating client secret.", e.getMessage());
        }
    }

    @Test
    void aFailedLongLivedExchangeIsRefusedWithItsStatus() throws Exception {
        try (MockThreads threads = MockThreads.builder().clock(clock).start()) {
            ThreadsSignIn signIn = signIn(threads, MockThreads.DEFAULT_USER_ID);
            String code = authorize(signIn, "s");
            threads.failNext(1, Fault.serverError(503).onlyFor("/access_token"));

            SignIn.SignInException e = assertThrows(SignIn.SignInException.class, () -> signIn.exchange(code, REDIRECT, null, null));

            assertEquals("Threads refused the exchange for a long-lived token (503): An unexpected error has occurred. Please retry your request later.",
                    e.getMessage());
        }
    }

    @Test
    void theNotesNameTheRedirectToRegisterAndTheScopes() {
        ThreadsSignIn signIn = new ThreadsSignIn(ThreadsAccount.DEFAULT_API, "1234", Secret.of("app", "s"), null, http, clock);

        assertEquals(List.of("In the Meta app dashboard, Threads use case settings: add " + REDIRECT + " as a Redirect Callback URL.",
                "Herald asks for: threads_basic,threads_content_publish."), signIn.notes(REDIRECT));
    }
}
