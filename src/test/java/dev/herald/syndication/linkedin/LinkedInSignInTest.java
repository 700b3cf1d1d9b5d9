package dev.herald.syndication.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.NetworkContext;
import dev.herald.syndication.NetworkRegistry;
import dev.herald.syndication.Secret;
import dev.herald.syndication.SignIn;
import dev.herald.syndication.SignInBrowser;
import dev.herald.syndication.Tokens;
import dev.herald.syndication.config.AccountSetup;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockLinkedIn;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code herald auth} for a LinkedIn author, driven against the fake without the command. */
class LinkedInSignInTest {
    private static final URI REDIRECT = URI.create("http://127.0.0.1:8765/callback");
    private static final SecretSource SECRETS = reference -> Secret.resolve(reference,
            Map.of("LI_SECRET", MockLinkedIn.DEFAULT_CLIENT_SECRET)::get, name -> null);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T09:00:00Z"));
    private final HttpTransport http = HttpTransport.create();
    private final SignInBrowser browser = new SignInBrowser();

    @AfterEach
    void closeTransport() throws IOException {
        http.close();
    }

    private LinkedInSignIn signIn(MockLinkedIn li, String secret, String author) {
        return new LinkedInSignIn(li.baseUri(), MockLinkedIn.DEFAULT_CLIENT_ID, Secret.of("app", secret), author, http, clock);
    }

    private String authorize(SignIn signIn) throws Exception {
        Map<String, String> query = browser.open(signIn.authorizationUrl(REDIRECT, "st", "ignored"));
        assertEquals("st", query.get("state"));
        return query.get("code");
    }


    @Test
    void anOrganisationAsksTheOrganisationScopesAndAPersonTheMemberScopes() {
        LinkedInSignIn org = new LinkedInSignIn(LinkedInTokens.OAUTH, "77client", Secret.of("app", "s"), "urn:li:organization:1", http, clock);
        LinkedInSignIn person = new LinkedInSignIn(LinkedInTokens.OAUTH, "77client", Secret.of("app", "s"), "urn:li:person:abc", http, clock);

        URI url = org.authorizationUrl(REDIRECT, "st4te", "challenge");

        assertEquals("https://www.linkedin.com/oauth/v2/authorization", url.getScheme() + "://" + url.getHost() + url.getPath());
        assertEquals(Map.of("response_type", "code", "client_id", "77client", "redirect_uri", REDIRECT.toString(), "state", "st4te",
                "scope", "w_organization_social r_organization_social"), SignInBrowser.query(url), "no PKCE: LinkedIn takes none from web apps");
        assertEquals("w_member_social r_basicprofile", SignInBrowser.query(person.authorizationUrl(REDIRECT, "s", null)).get("scope"));
        assertEquals(List.of("In the LinkedIn developer portal, the app's Auth tab: add " + REDIRECT + " as an Authorized redirect URL.",
                "Herald asks for: w_member_social r_basicprofile (the app needs the matching product: Community Management API or Share on LinkedIn)."),
                person.notes(REDIRECT));
    }

    @Test
    void theCodeGivesAnAccessTokenAndAYearLongRefreshToken() throws Exception {
        try (MockLinkedIn li = MockLinkedIn.builder().clock(clock).start()) {
            LinkedInSignIn signIn = signIn(li, MockLinkedIn.DEFAULT_CLIENT_SECRET, MockLinkedIn.DEFAULT_AUTHOR);

            Tokens tokens = signIn.exchange(authorize(signIn), REDIRECT, null, null);

            assertEquals("AQVlinkedin-access-1", tokens.access());
            assertEquals("AQXlinkedin-refresh-1", tokens.refresh());
            assertEquals(clock.instant().plus(MockLinkedIn.ACCESS_LIFETIME), tokens.expiresAt());
            assertEquals(clock.instant().plus(MockLinkedIn.REFRESH_LIFETIME), tokens.refreshExpiresAt());
        }
    }

    @Test
    void aRefusedCodeSaysLinkedInsDescriptionAndStatus() throws Exception {
        try (MockLinkedIn li = MockLinkedIn.builder().clock(clock).start()) {
            LinkedInSignIn signIn = signIn(li, MockLinkedIn.DEFAULT_CLIENT_SECRET, MockLinkedIn.DEFAULT_AUTHOR);
            String code = authorize(signIn);
            signIn.exchange(code, REDIRECT, null, null);

            SignIn.SignInException e = assertThrows(SignIn.SignInException.class, () -> signIn.exchange(code, REDIRECT, null, null));

            assertEquals("LinkedIn refused the code (400): Unable to retrieve access token: appid/redirect uri/code verifier does not match "
                    + "authorization code. Or authorization code expired.", e.getMessage());
        }
    }

    @Test
    void aWrongClientSecretIsRefused() throws Exception {
        try (MockLinkedIn li = MockLinkedIn.builder().clock(clock).start()) {
            LinkedInSignIn signIn = signIn(li, "not-the-secret", MockLinkedIn.DEFAULT_AUTHOR);

            SignIn.SignInException e = assertThrows(SignIn.SignInException.class, () -> signIn.exchange(authorize(signIn), REDIRECT, null, null));

            assertEquals("LinkedIn refused the code (401): Client authentication failed", e.getMessage());
        }
    }

    @Test
    void theProviderSignsInOnlyWithTheAppsIdAndSecretAtTheFakesOwnAddress() {
        try (MockLinkedIn li = MockLinkedIn.builder().clock(clock).start()) {
            NetworkContext context = new NetworkContext(http, clock);
            for (String credentials : List.of("", "clientId: " + MockLinkedIn.DEFAULT_CLIENT_ID + "\n", "clientSecret: ${env:LI_SECRET}\n")) {
                AccountSetup setup = setup(li, credentials);
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LinkedInNetwork().signIn(setup, context), credentials);
                assertEquals("herald auth needs the LinkedIn app's 'clientId' and 'clientSecret'", e.getMessage());
            }

            SignIn signIn = new LinkedInNetwork().signIn(setup(li, "clientId: " + MockLinkedIn.DEFAULT_CLIENT_ID + "\nclientSecret: ${env:LI_SECRET}\n"), context)
                    .orElseThrow();
            assertTrue(signIn.authorizationUrl(REDIRECT, "s", null).toString().startsWith(li.baseUri() + "oauth/v2/authorization?"));
            SignIn viaOauth = new LinkedInNetwork().signIn(setup(li, "clientId: c\nclientSecret: ${env:LI_SECRET}\noauth: https://oauth.example/\n"), context)
                    .orElseThrow();
            assertTrue(viaOauth.authorizationUrl(REDIRECT, "s", null).toString().startsWith("https://oauth.example/oauth/v2/authorization?"));
        }
    }

    private static AccountSetup setup(MockLinkedIn li, String credentials) {
        String yaml = """
                accounts:
                  - name: ledger-li
                    network: linkedin
                    author: %s
                    token: ${env:LI_SECRET}
                %s""".formatted(MockLinkedIn.DEFAULT_AUTHOR, credentials.indent(4));
        SyndicationConfig config = li.serve(SyndicationConfig.parse(yaml, "herald.yaml", NetworkRegistry.installed()), "ledger-li");
        return new AccountSetup("herald.yaml", config.account("ledger-li"), SECRETS);
    }
}
