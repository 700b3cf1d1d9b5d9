package dev.herald.syndication.x;

import dev.herald.internal.Validate;
import dev.herald.syndication.HttpCall;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Secret;
import dev.herald.syndication.TokenStore;
import dev.herald.syndication.Tokens;
import dev.herald.syndication.internal.Forms;
import dev.herald.syndication.internal.Payloads;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An X OAuth 2.0 user token kept in a {@link TokenStore} and renewed with its rotating refresh
 * token ({@code POST /2/oauth2/token}, {@code grant_type=refresh_token}). The store's tokens win
 * over {@code herald.yaml}'s, which are only where the first refresh starts from.
 *
 * <p>X lets each refresh token be used once. So a renewal first reads the store again: when
 * another node (or thread) renewed meanwhile, its token is used and no refresh is made. The new
 * pair is written by compare-and-set against the version that was read; a renewal that X refuses
 * (the refresh token was just spent elsewhere) reads the store once more before giving up. A token
 * whose recorded expiry has passed is renewed before it is sent, saving a refused request.
 * Thread-safe; renewals in one process are serialised.
 */
final class StoredXTokens implements XTokenSource {
    private static final Logger LOG = LoggerFactory.getLogger(StoredXTokens.class);
    /** How many more times the store is read after X refused the refresh token, {@link #RELOOK_PAUSE} apart. */
    static final int RELOOKS = 8;
    /** The pause between those reads: together about two seconds, far more than a store write takes. */
    static final Duration RELOOK_PAUSE = Duration.ofMillis(250);

    private final String account;
    private final URI tokenEndpoint;
    private final String clientId;
    private final Secret clientSecret;
    private final Tokens configured;
    private final TokenStore store;
    private final HttpTransport http;
    private final Clock clock;
    private final Runnable pause;

    /**
     * @param account the account whose tokens these are
     * @param api X's API base URL
     * @param clientId the app's OAuth 2.0 client id
     * @param clientSecret a confidential client's secret (sent as Basic), or {@code null} for a public client
     * @param configured {@code herald.yaml}'s token and refresh token, or {@code null}: used while the store has none
     */
    StoredXTokens(String account, URI api, String clientId, Secret clientSecret, Tokens configured, TokenStore store, HttpTransport http, Clock clock) {
        this(account, api, clientId, clientSecret, configured, store, http, clock, StoredXTokens::sleep);
    }

    /** As above, pausing between reads of the store with {@code pause} (tests count the pauses instead of waiting). */
    StoredXTokens(String account, URI api, String clientId, Secret clientSecret, Tokens configured, TokenStore store, HttpTransport http, Clock clock,
            Runnable pause) {
        this.pause = Validate.notNull(pause, "pause");
        this.account = Validate.notBlank(account, "account");
        this.tokenEndpoint = Validate.notNull(api, "api").resolve("2/oauth2/token");
        this.clientId = Validate.notBlank(clientId, "clientId");
        this.clientSecret = clientSecret;
        this.configured = configured;
        this.store = Validate.notNull(store, "store");
        this.http = Validate.notNull(http, "http");
        this.clock = Validate.notNull(clock, "clock");
    }

    /** The stored access token (renewed first when its expiry has passed), else the configured one, else {@code null}. */
    @Override
    public String current() {
        Tokens now = tokens().orElse(null);
        if (now == null) return null;
        if (now.expiredAt(clock.instant()) && now.refresh() != null) {
            try {
                String renewed = renew(now.access());
                if (renewed != null) return renewed;
            } catch (IOException e) {
                // X is unreachable: send the old token; its 401 (or the transport failure) says what happened.
            }
        }
        return now.access();
    }

    @Override
    public synchronized String renew(String rejected) throws IOException {
        Tokens now = tokens().orElse(null);
        if (now == null) return null;
        if (!now.access().equals(rejected)) return now.access(); // renewed meanwhile, here or on another node
        if (now.refresh() == null) return null;
        HttpReply reply = http.execute(refresh(now.refresh()), now.secrets());
        String access = Payloads.json(reply).path("access_token").asText("");
        if (!reply.ok() || access.isBlank()) {
            // Another node may have spent the same refresh token a moment ago: X answered it first,
            // and its store write may land a moment after X refused this one. Look a few times.
            for (int look = 0; look <= RELOOKS; look++) {
                Optional<Tokens> again = store.find(account);
                if (again.isPresent() && !again.get().access().equals(rejected)) return again.get().access();
                if (look < RELOOKS) pause();
            }
            LOG.warn("x {}: the refresh token was refused ({}); sign in again with: herald auth {}", account, reply.status(), account);
            return null;
        }
        String refresh = Payloads.json(reply).path("refresh_token").asText("");
        long seconds = Payloads.json(reply).path("expires_in").asLong(0);
        Tokens fresh = new Tokens(access, refresh.isBlank() ? now.refresh() : refresh,
                seconds > 0 ? clock.instant().plus(Duration.ofSeconds(seconds)) : null, now.refreshExpiresAt(), 0);
        Optional<Tokens> stored = store.compareAndSet(account, now, fresh);
        if (stored.isPresent()) {
            LOG.info("x {}: renewed the OAuth 2.0 token; the rotated refresh token is stored", account);
            return access;
        }
        // A newer sign-in was stored while this refresh ran: it wins; this pair is still valid for this one try.
        return store.find(account).map(Tokens::access).orElse(access);
    }

    private void pause() {
        pause.run();
    }

    private static void sleep() {
        try {
            Thread.sleep(RELOOK_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The store's tokens, else the configured ones (as not stored yet). */
    private Optional<Tokens> tokens() {
        Optional<Tokens> stored = store.find(account);
        return stored.isPresent() ? stored : Optional.ofNullable(configured);
    }

    private HttpCall refresh(String refreshToken) {
        HttpCall post = HttpCall.post(tokenEndpoint)
                .form(Forms.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", clientId));
        if (clientSecret != null) {
            String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret.value()).getBytes(StandardCharsets.UTF_8));
            post = post.header("Authorization", "Basic " + basic);
        }
        return post.header("Accept", "application/json");
    }
}
