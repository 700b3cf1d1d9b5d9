package dev.herald.syndication.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.CredentialCheck;
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
import dev.herald.testkit.HeraldMockExtension;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockX;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** X's OAuth 2.0 tokens renewed in the middle of a run, with the rotating refresh token kept in a {@link TokenStore}. */
@ExtendWith(HeraldMockExtension.class)
class XTokenRefreshTest {
    private static final String YAML = """
            accounts:
              - name: ledger-x
                network: x
                clientId: %s
                token: ${env:X_TOKEN}
                refreshToken: ${env:X_REFRESH}
            """.formatted(MockX.DEFAULT_CLIENT_ID);
    private static final Map<String, String> ENV = Map.of("X_TOKEN", MockX.DEFAULT_BEARER_TOKEN, "X_REFRESH", MockX.DEFAULT_REFRESH_TOKEN);

    private final HttpTransport http = HttpTransport.create();

    @AfterEach
    void closeTransport() throws IOException {
        http.close();
    }

    private Syndicator node(MockX x, ManualClock clock, TokenStore store, String yaml) {
        SyndicationConfig config = x.serve(SyndicationConfig.parse(yaml, "herald.yaml", NetworkRegistry.installed()), "ledger-x");
        SecretSource secrets = reference -> Secret.resolve(reference, ENV::get, name -> null);
        return new SyndicatorFactory(http, clock, secrets, store).createAll(config).get(0);
    }

    private static Post post(int n) {
        return Post.of(ArticleMeta.builder().title("Story " + n).description("What happened, part " + n).url("https://ledger.example/story/" + n).build(),
                "ledger-x", "1");
    }

    private static long tokenRequests(MockX x) {
        return x.recentRequests().stream().map(RecordedRequest::getUrl).filter(u -> u.encodedPath().equals("/2/oauth2/token")).count();
    }

    @Test
    void aTokenThatExpiresInTheMiddleOfARunIsRenewedAndEachRotatedRefreshTokenIsStored(MockX x, ManualClock clock) {
        TokenStore store = TokenStore.inMemory();
        Syndicator s = node(x, clock, store, YAML);
        assertInstanceOf(Outcome.Posted.class, s.send(post(1)));
        x.revokeToken(MockX.DEFAULT_BEARER_TOKEN); // herald.yaml's token ran out between two posts

        Outcome second = s.send(post(2));

        assertInstanceOf(Outcome.Posted.class, second, second.describe());
        Tokens stored = store.find("ledger-x").orElseThrow();
        assertEquals("x-oauth2-access-1", stored.access());
        assertEquals("x-refresh-token-1", stored.refresh());
        assertEquals(clock.instant().plus(MockX.ACCESS_LIFETIME), stored.expiresAt());
        assertEquals(Set.of("x-refresh-token-1"), x.refreshTokens(), "the used refresh token is dead; the stored one is the live one");

        clock.advance(MockX.ACCESS_LIFETIME.plus(Duration.ofMinutes(1))); // the renewed token expires too
        int before = x.requestCount();
        Outcome third = s.send(post(3));

        assertInstanceOf(Outcome.Posted.class, third, third.describe());
        assertEquals("x-refresh-token-2", store.find("ledger-x").orElseThrow().refresh());
        assertEquals(before + 2, x.requestCount(), "renewed before sending, from the recorded expiry: no refused post first");
        assertEquals(3, x.postCount());
    }

    @Test
    void aSecondNodeUsesTheTokenTheFirstRenewedInsteadOfSpendingTheRefreshTokenAgain(MockX x, ManualClock clock) {
        TokenStore shared = TokenStore.inMemory();
        Syndicator a = node(x, clock, shared, YAML);
        Syndicator b = node(x, clock, shared, YAML);
        assertInstanceOf(Outcome.Posted.class, b.send(post(1)));
        x.revokeToken(MockX.DEFAULT_BEARER_TOKEN);

        assertInstanceOf(Outcome.Posted.class, a.send(post(2)));
        Outcome fromB = b.send(post(3));

        assertInstanceOf(Outcome.Posted.class, fromB, fromB.describe());
        assertEquals(1, tokenRequests(x), "one renewal for both nodes");
        assertEquals("Bearer x-oauth2-access-1", x.lastRequest().getHeaders().get("Authorization"));
        assertEquals(3, x.postCount());
    }

    @Test
    void aNodeWhoseRefreshTokenWasJustSpentElsewhereTakesTheWinnersTokens(MockX x, ManualClock clock) {
        TokenStore shared = TokenStore.inMemory();
        Syndicator late = node(x, clock, shared, YAML);
        x.revokeToken(MockX.DEFAULT_BEARER_TOKEN);
        // Between the late node's read of the store and its refresh, another node spends the same
        // refresh token and stores the result: the store that hands the late node its stale read.
        Syndicator other = node(x, clock, shared, YAML);
        TokenStore interleaved = new TokenStore() {
            @Override
            public java.util.Optional<Tokens> find(String account) {
                if (tokenRequests(x) == 0) assertInstanceOf(Outcome.Posted.class, other.send(post(1))); // renews and stores
                // Stale until the late node has tried its own, already spent, refresh token.
                return tokenRequests(x) < 2 ? java.util.Optional.empty() : shared.find(account);
            }

            @Override
            public java.util.Optional<Tokens> compareAndSet(String account, Tokens expected, Tokens replacement) {
                return shared.compareAndSet(account, expected, replacement);
            }
        };
        Syndicator racing = node(x, clock, interleaved, YAML);

        Outcome outcome = racing.send(post(2));

        assertInstanceOf(Outcome.Posted.class, outcome, outcome.describe());
        assertEquals("x-refresh-token-1", shared.find("ledger-x").orElseThrow().refresh(), "the winner's rotated token is kept, not lost");
        assertEquals(Set.of("x-refresh-token-1"), x.refreshTokens());
        assertEquals(2, tokenRequests(x), "the late node's refresh was refused; it did not make a third");
        assertEquals(2, x.postCount());
        assertFalse(late.send(post(3)) instanceof Outcome.AuthFailed);
    }

    @Test
    void aRefusedRefreshTokenIsAuthFailedAndNothingIsStored(MockX x, ManualClock clock) {
        TokenStore store = TokenStore.inMemory();
        x.revokeToken(MockX.DEFAULT_BEARER_TOKEN);

        // The refresh token herald.yaml names is not one X knows (spent long ago).
        Outcome outcome = node(x, clock, store, YAML.replace("X_REFRESH", "X_TOKEN")).send(post(1));

        assertInstanceOf(Outcome.AuthFailed.class, outcome, outcome.describe());
        assertTrue(store.find("ledger-x").isEmpty());
        assertEquals(0, x.postCount());
    }

    @Test
    void anAccountSignedInOnlyThroughTheStoreSaysToRunHeraldAuthUntilItIs(MockX x, ManualClock clock) {
        String yaml = """
                accounts:
                  - name: ledger-x
                    network: x
                    clientId: %s
                """.formatted(MockX.DEFAULT_CLIENT_ID);
        TokenStore store = TokenStore.inMemory();
        Syndicator s = node(x, clock, store, yaml);

        Outcome before = s.send(post(1));
        assertInstanceOf(Outcome.AuthFailed.class, before);
        assertTrue(before.describe().contains("herald auth ledger-x"), before.describe());
        assertEquals(CredentialCheck.Status.AUTH_FAILED, s.check().status());

        store.compareAndSet("ledger-x", null, Tokens.of(MockX.DEFAULT_BEARER_TOKEN, MockX.DEFAULT_REFRESH_TOKEN, null));
        assertInstanceOf(Outcome.Posted.class, s.send(post(1)));
    }
}
