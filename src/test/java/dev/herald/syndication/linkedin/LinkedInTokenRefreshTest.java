package dev.herald.syndication.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.CredentialCheck;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.NetworkContext;
import dev.herald.syndication.NetworkRegistry;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Secret;
import dev.herald.syndication.SignIn;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TokenStore;
import dev.herald.syndication.Tokens;
import dev.herald.syndication.config.AccountSetup;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.syndication.config.SyndicatorFactory;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockLinkedIn;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A LinkedIn token signed in through the fake's OAuth pages, renewed with the refresh token as its 60 days run out, until the refresh token's year ends. */
class LinkedInTokenRefreshTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T09:00:00Z"));
    private final HttpTransport http = HttpTransport.create();
    private final TokenStore store = TokenStore.inMemory();

    @AfterEach
    void closeTransport() throws IOException {
        http.close();
    }

    private SyndicationConfig config(MockLinkedIn li) {
        String yaml = """
                accounts:
                  - name: ledger-li
                    network: linkedin
                    author: %s
                    clientId: %s
                    clientSecret: ${env:LI_SECRET}
                """.formatted(MockLinkedIn.DEFAULT_AUTHOR, MockLinkedIn.DEFAULT_CLIENT_ID);
        return li.serve(SyndicationConfig.parse(yaml, "herald.yaml", NetworkRegistry.installed()), "ledger-li");
    }

    private final SecretSource secrets = reference -> Secret.resolve(reference, Map.of("LI_SECRET", MockLinkedIn.DEFAULT_CLIENT_SECRET)::get, name -> null);

    /** Signs in as herald auth does, the browser's part played by reading the fake's redirect. */
    private void signIn(MockLinkedIn li) throws Exception {
        SyndicationConfig config = config(li);
        SignIn signIn = NetworkRegistry.installed().get("linkedin")
                .signIn(new AccountSetup("herald.yaml", config.account("ledger-li"), secrets), new NetworkContext(http, clock)).orElseThrow();
        URI redirect = URI.create("http://127.0.0.1:8765/callback");
        URI page = signIn.authorizationUrl(redirect, "state-1", "unused");
        HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.discarding());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(redirect + "?code=") && location.endsWith("&state=state-1"), location);
        String code = java.net.URLDecoder.decode(location.substring(location.indexOf("code=") + 5, location.indexOf("&state")), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(store.compareAndSet("ledger-li", null, signIn.exchange(code, redirect, "unused", null)).isPresent());
    }

    private Syndicator syndicator(MockLinkedIn li) {
        return new SyndicatorFactory(http, clock, secrets, store).createAll(config(li)).get(0);
    }

    private static Post post(int n) {
        return Post.of(ArticleMeta.builder().title("Story " + n).description("Part " + n).url("https://ledger.example/story/" + n).build(), "ledger-li", "1");
    }

    @Test
    void theAccessTokenIsRenewedWithTheRefreshTokenAsItsSixtyDaysRunOut() throws Exception {
        try (MockLinkedIn li = MockLinkedIn.builder().clock(clock).start()) {
            signIn(li);
            Tokens first = store.find("ledger-li").orElseThrow();
            assertEquals(clock.instant().plus(MockLinkedIn.REFRESH_LIFETIME), first.refreshExpiresAt());
            Syndicator s = syndicator(li);
            assertInstanceOf(Outcome.Posted.class, s.send(post(1)));

            clock.advance(Duration.ofDays(61)); // the access token expired between two posts
            Outcome second = s.send(post(2));

            assertInstanceOf(Outcome.Posted.class, second, second.describe());
            Tokens renewed = store.find("ledger-li").orElseThrow();
            assertEquals(2, li.tokensIssued());
            assertEquals(first.refresh(), renewed.refresh(), "LinkedIn's refresh token does not rotate");
            assertEquals(first.refreshExpiresAt(), renewed.refreshExpiresAt(), "and refreshing does not extend it");
            assertEquals(clock.instant().plus(MockLinkedIn.ACCESS_LIFETIME), renewed.expiresAt());
        }
    }

    @Test
    void aRevokedTokenIsRenewedAfterThe401AndThePostGoesOut() throws Exception {
        try (MockLinkedIn li = MockLinkedIn.builder().clock(clock).start()) {
            signIn(li);
            li.revokeToken(store.find("ledger-li").orElseThrow().access());

            Outcome outcome = syndicator(li).send(post(1));

            assertInstanceOf(Outcome.Posted.class, outcome, outcome.describe());
            assertEquals(1, li.postCount());
        }
    }

    @Test
    void theRefreshTokensYearIsWarnedAboutBeforeItEndsAndIsAuthFailedAfter() throws Exception {
        try (MockLinkedIn li = MockLinkedIn.builder().clock(clock).start()) {
            signIn(li);
            Syndicator s = syndicator(li);

            clock.advance(Duration.ofDays(355));
            CredentialCheck near = s.check();
            assertEquals(CredentialCheck.Status.OK, near.status(), near.message());
            assertTrue(near.message().contains("expires in 10 days — sign in again before then"), near.message());

            // The check renewed the access token for another 60 days; once those are over, the refresh token's year is too.
            clock.advance(Duration.ofDays(61));
            Outcome after = s.send(post(1));
            assertInstanceOf(Outcome.AuthFailed.class, after, after.describe());
            assertEquals(CredentialCheck.Status.AUTH_FAILED, s.check().status());
        }
    }
}
