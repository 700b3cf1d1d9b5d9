package dev.herald.syndication.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.TokenStore;
import dev.herald.syndication.Tokens;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockX;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What X's two token sources hand back from {@code renew}, driven against the fake's token endpoint. */
class XTokenSourcesTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T09:00:00Z"));
    private final HttpTransport http = HttpTransport.create();
    private final TokenStore store = TokenStore.inMemory();
    private final AtomicInteger pauses = new AtomicInteger();

    @AfterEach
    void closeTransport() throws IOException {
        http.close();
    }

    private StoredXTokens stored(MockX x, Tokens configured, Runnable pause) {
        return new StoredXTokens("ledger-x", x.baseUri(), MockX.DEFAULT_CLIENT_ID, null, configured, store, http, clock, pause);
    }

    @Test
    void aRenewalReturnsTheNewAccessTokenAndStoresTheRotatedPair() throws Exception {
        try (MockX x = MockX.builder().clock(clock).start()) {
            StoredXTokens tokens = stored(x, Tokens.of(MockX.DEFAULT_BEARER_TOKEN, MockX.DEFAULT_REFRESH_TOKEN, null), pauses::incrementAndGet);

            assertEquals("x-oauth2-access-1", tokens.renew(MockX.DEFAULT_BEARER_TOKEN));

            Tokens kept = store.find("ledger-x").orElseThrow();
            assertEquals("x-refresh-token-1", kept.refresh());
            assertEquals(clock.instant().plus(MockX.ACCESS_LIFETIME), kept.expiresAt());
            assertEquals("x-oauth2-access-1", tokens.current());
        }
    }

    @Test
    void aRenewalOfATokenAlreadyReplacedReturnsTheReplacementWithoutARefresh() throws Exception {
        try (MockX x = MockX.builder().clock(clock).start()) {
            store.compareAndSet("ledger-x", null, Tokens.of("x-oauth2-access-from-elsewhere", MockX.DEFAULT_REFRESH_TOKEN, null));
            StoredXTokens tokens = stored(x, Tokens.of(MockX.DEFAULT_BEARER_TOKEN, MockX.DEFAULT_REFRESH_TOKEN, null), pauses::incrementAndGet);

            assertEquals("x-oauth2-access-from-elsewhere", tokens.renew(MockX.DEFAULT_BEARER_TOKEN));
            assertEquals(0, x.requestCount());
        }
    }

    @Test
    void aTokenWithoutARefreshTokenCannotBeRenewed() throws Exception {
        try (MockX x = MockX.builder().clock(clock).start()) {
            StoredXTokens tokens = stored(x, Tokens.of(MockX.DEFAULT_BEARER_TOKEN, null, null), pauses::incrementAndGet);

            assertNull(tokens.renew(MockX.DEFAULT_BEARER_TOKEN));
            assertNull(stored(x, null, pauses::incrementAndGet).renew("anything"), "no token at all");
            assertEquals(0, x.requestCount());
        }
    }

    @Test
    void aRefusedRefreshLooksAtTheStoreNineTimesEightPausesApartThenGivesUp() throws Exception {
        try (MockX x = MockX.builder().clock(clock).start()) {
            StoredXTokens tokens = stored(x, Tokens.of(MockX.DEFAULT_BEARER_TOKEN, "x-refresh-token-spent", null), pauses::incrementAndGet);

            assertNull(tokens.renew(MockX.DEFAULT_BEARER_TOKEN));

            assertEquals(StoredXTokens.RELOOKS, pauses.get());
            assertTrue(store.find("ledger-x").isEmpty());
        }
    }

    @Test
    void aRefusedRefreshTakesTheTokenAnotherNodeStoresWhileItLooks() throws Exception {
        try (MockX x = MockX.builder().clock(clock).start()) {
            Tokens configured = Tokens.of(MockX.DEFAULT_BEARER_TOKEN, "x-refresh-token-spent", null);
            StoredXTokens tokens = stored(x, configured, () -> {
                if (pauses.incrementAndGet() == 3) store.compareAndSet("ledger-x", null, Tokens.of("x-oauth2-access-winner", "x-refresh-token-winner", null));
            });

            assertEquals("x-oauth2-access-winner", tokens.renew(MockX.DEFAULT_BEARER_TOKEN));
            assertEquals(3, pauses.get(), "it stops looking once it has found one");
        }
    }

    @Test
    void aRenewalThatLosesTheRaceToANewerSignInReturnsTheSignIn() throws Exception {
        try (MockX x = MockX.builder().clock(clock).start()) {
            TokenStore racing = new TokenStore() {
                private int reads;

                @Override
                public java.util.Optional<Tokens> find(String account) {
                    java.util.Optional<Tokens> found = store.find(account);
                    // Right after the renewal's first read, someone signs in again elsewhere.
                    if (++reads == 1) store.compareAndSet(account, null, Tokens.of("x-oauth2-access-signed-in", "x-refresh-signed-in", null));
                    return found;
                }

                @Override
                public java.util.Optional<Tokens> compareAndSet(String account, Tokens expected, Tokens replacement) {
                    return store.compareAndSet(account, expected, replacement);
                }
            };
            StoredXTokens tokens = new StoredXTokens("ledger-x", x.baseUri(), MockX.DEFAULT_CLIENT_ID, null,
                    Tokens.of(MockX.DEFAULT_BEARER_TOKEN, MockX.DEFAULT_REFRESH_TOKEN, null), racing, http, clock, pauses::incrementAndGet);

            assertEquals("x-oauth2-access-signed-in", tokens.renew(MockX.DEFAULT_BEARER_TOKEN));
            assertEquals("x-refresh-signed-in", store.find("ledger-x").orElseThrow().refresh(), "the sign-in is kept");
        }
    }

    @Test
    void theRotatingSourceHandsOverEachNewRefreshTokenAndTheNewAccessToken() throws Exception {
        try (MockX x = MockX.builder().clock(clock).start()) {
            List<String> rotated = new ArrayList<>();
            RotatingRefreshToken tokens = new RotatingRefreshToken(x.baseUri(), MockX.DEFAULT_CLIENT_ID, null, MockX.DEFAULT_BEARER_TOKEN,
                    MockX.DEFAULT_REFRESH_TOKEN, http, rotated::add);
            assertEquals(MockX.DEFAULT_BEARER_TOKEN, tokens.current());

            assertEquals("x-oauth2-access-1", tokens.renew(MockX.DEFAULT_BEARER_TOKEN));
            assertEquals("x-oauth2-access-1", tokens.renew(MockX.DEFAULT_BEARER_TOKEN), "an old token's renewal gets the current one");
            assertEquals("x-oauth2-access-2", tokens.renew("x-oauth2-access-1"));

            assertEquals(List.of("x-refresh-token-1", "x-refresh-token-2"), rotated);
            assertEquals("x-oauth2-access-2", tokens.current());
            assertEquals(Set.of("x-refresh-token-2"), x.refreshTokens());
        }
    }

    @Test
    void theRotatingSourceGivesNothingWhenItsRefreshTokenIsRefused() throws Exception {
        try (MockX x = MockX.builder().clock(clock).start()) {
            List<String> rotated = new ArrayList<>();
            RotatingRefreshToken tokens = new RotatingRefreshToken(x.baseUri(), MockX.DEFAULT_CLIENT_ID, null, MockX.DEFAULT_BEARER_TOKEN,
                    "x-refresh-token-spent", http, rotated::add);

            assertNull(tokens.renew(MockX.DEFAULT_BEARER_TOKEN));
            assertEquals(List.of(), rotated);
            assertEquals(MockX.DEFAULT_BEARER_TOKEN, tokens.current());
        }
    }

    @Test
    void aTokenPastItsRecordedExpiryIsRenewedByCurrent() throws Exception {
        try (MockX x = MockX.builder().clock(clock).start()) {
            StoredXTokens tokens = stored(x, Tokens.of(MockX.DEFAULT_BEARER_TOKEN, MockX.DEFAULT_REFRESH_TOKEN, clock.instant().minusSeconds(1)),
                    pauses::incrementAndGet);

            assertEquals("x-oauth2-access-1", tokens.current());
        }
    }

    @Test
    void aTokenStoredDuringTheLastPauseIsStillTaken() throws Exception {
        try (MockX x = MockX.builder().clock(clock).start()) {
            StoredXTokens tokens = stored(x, Tokens.of(MockX.DEFAULT_BEARER_TOKEN, "x-refresh-token-spent", null), () -> {
                if (pauses.incrementAndGet() == StoredXTokens.RELOOKS) {
                    store.compareAndSet("ledger-x", null, Tokens.of("x-oauth2-access-late", "x-refresh-token-late", null));
                }
            });

            assertEquals("x-oauth2-access-late", tokens.renew(MockX.DEFAULT_BEARER_TOKEN));
        }
    }
}
