package dev.herald.syndication.facebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.NetworkContext;
import dev.herald.syndication.NetworkRegistry;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Secret;
import dev.herald.syndication.SignIn;
import dev.herald.syndication.SignInBrowser;
import dev.herald.syndication.Tokens;
import dev.herald.syndication.config.AccountSetup;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.testkit.Fault;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockFacebook;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code herald auth} for a Facebook Page, driven against the fake without the command: the login
 * dialog's address, the code for a user token, that for a long-lived one, and the Page's own token.
 */
class FacebookSignInTest {
    private static final URI REDIRECT = URI.create("http://127.0.0.1:8765/callback");
    private static final SecretSource SECRETS = reference -> Secret.resolve(reference,
            Map.of("FB_SECRET", MockFacebook.DEFAULT_APP_SECRET)::get, name -> null);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T09:00:00Z"));
    private final HttpTransport http = HttpTransport.create();
    private final SignInBrowser browser = new SignInBrowser();

    @AfterEach
    void closeTransport() throws IOException {
        http.close();
    }

    private FacebookSignIn signIn(MockFacebook fb, String secret) {
        FacebookAccount page = new FacebookAccount("ledger-fb", fb.baseUri(), MockFacebook.DEFAULT_PAGE_ID, FacebookNetwork.NO_TOKEN, null, null);
        return new FacebookSignIn(page, MockFacebook.DEFAULT_APP_ID, Secret.of("app", secret), http);
    }

    /** Opens the login dialog as the Page's manager and returns the code the redirect carries. */
    private String authorize(SignIn signIn) throws Exception {
        Map<String, String> query = browser.open(signIn.authorizationUrl(REDIRECT, "st", "ignored"));
        assertEquals("st", query.get("state"));
        return query.get("code");
    }


    @Test
    void theLoginDialogIsFacebooksForTheRealGraphAtThePinnedVersion() {
        FacebookAccount page = new FacebookAccount("ledger-fb", null, MockFacebook.DEFAULT_PAGE_ID, FacebookNetwork.NO_TOKEN, null, null);

        URI url = new FacebookSignIn(page, "4321", Secret.of("app", "s"), http).authorizationUrl(REDIRECT, "st4te", "challenge");

        assertEquals("https://www.facebook.com/v26.0/dialog/oauth", url.getScheme() + "://" + url.getHost() + url.getPath());
        assertEquals(Map.of("client_id", "4321", "redirect_uri", REDIRECT.toString(), "state", "st4te",
                "scope", "pages_manage_posts,pages_read_engagement,pages_show_list", "response_type", "code"), SignInBrowser.query(url));
    }

    @Test
    void theManagerSignsInAndTheAccountsPageTokenIsKeptWithoutExpiry() throws Exception {
        try (MockFacebook fb = MockFacebook.builder().clock(clock).start()) {
            FacebookSignIn signIn = signIn(fb, MockFacebook.DEFAULT_APP_SECRET);

            Tokens tokens = signIn.exchange(authorize(signIn), REDIRECT, null, null);

            assertTrue(tokens.access().startsWith("EAAfb-page-" + MockFacebook.DEFAULT_PAGE_ID + "-"), tokens.access());
            assertNull(tokens.expiresAt(), "a Page token from a long-lived user token does not expire");
            assertNull(tokens.refresh());
            List<String> paths = fb.recentRequests().stream().map(r -> r.getUrl().encodedPath()).toList();
            assertEquals(List.of("/v26.0/dialog/oauth", "/v26.0/oauth/access_token", "/v26.0/oauth/access_token", "/v26.0/me/accounts"), paths);
            assertEquals("fb_exchange_token", fb.recentRequests().get(2).getUrl().queryParameter("grant_type"));
            assertEquals("id,name,access_token,tasks", fb.lastRequest().getUrl().queryParameter("fields"));

            FacebookSyndicator s = new FacebookSyndicator(new FacebookAccount("ledger-fb", fb.baseUri(), MockFacebook.DEFAULT_PAGE_ID,
                    Secret.of("page", tokens.access()), null, null), http, clock);
            Outcome posted = s.send(Post.of(ArticleMeta.builder().title("Harbour reopens").url("https://ledger.example/harbour").build(), "ledger-fb", "1"));
            assertInstanceOf(Outcome.Posted.class, posted, posted.describe());
        }
    }

    @Test
    void thePageChosenWithPageWinsOverTheAccountsPage() throws Exception {
        try (MockFacebook fb = MockFacebook.builder().clock(clock).start()) {
            FacebookSignIn signIn = signIn(fb, MockFacebook.DEFAULT_APP_SECRET);

            Tokens tokens = signIn.exchange(authorize(signIn), REDIRECT, null, " " + MockFacebook.SECOND_PAGE_ID + " ");

            assertTrue(tokens.access().startsWith("EAAfb-page-" + MockFacebook.SECOND_PAGE_ID + "-"), tokens.access());
        }
    }

    @Test
    void aPageTheManagerDoesNotManageIsRefusedListingThePagesFound() throws Exception {
        try (MockFacebook fb = MockFacebook.builder().clock(clock).start()) {
            FacebookSignIn signIn = signIn(fb, MockFacebook.DEFAULT_APP_SECRET);
            String code = authorize(signIn);

            SignIn.SignInException e = assertThrows(SignIn.SignInException.class, () -> signIn.exchange(code, REDIRECT, null, "1050000000000099"));

            assertEquals("the signed-in user does not manage Page 1050000000000099; Pages found: " + MockFacebook.DEFAULT_PAGE_ID
                    + " (The Meridian Ledger), " + MockFacebook.SECOND_PAGE_ID + " (Ledger Sport). Choose one with --page ID (and set it as the account's page)",
                    e.getMessage());
        }
    }

    @Test
    void aRefusedCodeSaysFacebooksReasonAndStatus() throws Exception {
        try (MockFacebook fb = MockFacebook.builder().clock(clock).start()) {
            FacebookSignIn signIn = signIn(fb, MockFacebook.DEFAULT_APP_SECRET);
            String code = authorize(signIn);
            signIn.exchange(code, REDIRECT, null, null);

            SignIn.SignInException e = assertThrows(SignIn.SignInException.class, () -> signIn.exchange(code, REDIRECT, null, null));

            assertEquals("Facebook refused the code (400): Invalid verification code format.", e.getMessage(), "a code is good once");
        }
    }

    @Test
    void aWrongAppSecretIsRefused() throws Exception {
        try (MockFacebook fb = MockFacebook.builder().clock(clock).start()) {
            FacebookSignIn signIn = signIn(fb, "not-the-app-secret");

            SignIn.SignInException e = assertThrows(SignIn.SignInException.class, () -> signIn.exchange(authorize(signIn), REDIRECT, null, null));

            assertEquals("Facebook refused the code (400): Error validating client secret.", e.getMessage());
        }
    }

    @Test
    void pagesThatCannotBeListedAreRefusedWithTheStatus() throws Exception {
        try (MockFacebook fb = MockFacebook.builder().clock(clock).start()) {
            FacebookSignIn signIn = signIn(fb, MockFacebook.DEFAULT_APP_SECRET);
            String code = authorize(signIn);
            fb.failNext(1, Fault.serverError(503).onlyFor("/v26.0/me/accounts"));

            SignIn.SignInException e = assertThrows(SignIn.SignInException.class, () -> signIn.exchange(code, REDIRECT, null, null));

            assertEquals("Facebook refused to list the Pages (503): (#2) Service temporarily unavailable", e.getMessage());
        }
    }

    @Test
    void theNotesNameTheRedirectToRegisterAndTheScopes() {
        FacebookAccount page = new FacebookAccount("ledger-fb", null, MockFacebook.DEFAULT_PAGE_ID, FacebookNetwork.NO_TOKEN, null, null);

        assertEquals(List.of("In the Meta app dashboard, Facebook Login settings: add " + REDIRECT + " as a Valid OAuth Redirect URI.",
                "Herald asks for: pages_manage_posts,pages_read_engagement,pages_show_list; sign in as a person who can create content on the Page."),
                new FacebookSignIn(page, "4321", Secret.of("app", "s"), http).notes(REDIRECT));
    }

    @Test
    void theProviderSignsInOnlyWithTheAppsIdAndSecret() {
        try (MockFacebook fb = MockFacebook.builder().clock(clock).start()) {
            NetworkContext context = new NetworkContext(http, clock);
            for (String credentials : List.of("", "clientId: " + MockFacebook.DEFAULT_APP_ID + "\n", "clientSecret: ${env:FB_SECRET}\n")) {
                AccountSetup setup = setup(fb, credentials);
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FacebookNetwork().signIn(setup, context), credentials);
                assertEquals("herald auth needs the Facebook app's id as 'clientId' and its secret as 'clientSecret'", e.getMessage());
            }

            SignIn signIn = new FacebookNetwork().signIn(setup(fb, "clientId: " + MockFacebook.DEFAULT_APP_ID + "\nclientSecret: ${env:FB_SECRET}\n"), context)
                    .orElseThrow();
            assertTrue(signIn.authorizationUrl(REDIRECT, "s", null).toString().startsWith(fb.baseUri() + "v26.0/dialog/oauth?client_id=" + MockFacebook.DEFAULT_APP_ID));
        }
    }

    private static AccountSetup setup(MockFacebook fb, String credentials) {
        String yaml = """
                accounts:
                  - name: ledger-fb
                    network: facebook
                    page: "%s"
                    token: ${env:FB_SECRET}
                %s""".formatted(MockFacebook.DEFAULT_PAGE_ID, credentials.indent(4));
        SyndicationConfig config = fb.serve(SyndicationConfig.parse(yaml, "herald.yaml", NetworkRegistry.installed()), "ledger-fb");
        return new AccountSetup("herald.yaml", config.account("ledger-fb"), SECRETS);
    }
}
