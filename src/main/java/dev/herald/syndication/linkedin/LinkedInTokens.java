package dev.herald.syndication.linkedin;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A LinkedIn author's access token: the {@link TokenStore}'s (from {@code herald auth} or a
 * renewal) over {@code herald.yaml}'s, renewed with a programmatic refresh token where the app has
 * one ({@code POST https://www.linkedin.com/oauth/v2/accessToken}, {@code grant_type=refresh_token}):
 * after a 401, or before sending once the recorded expiry has passed. LinkedIn's refresh token
 * does not rotate and lives 365 days from the first sign-in; refreshing does not extend it, so its
 * end is when a person must sign in again. Renewals are stored by compare-and-set. Thread-safe.
 */
final class LinkedInTokens {
    /** LinkedIn's OAuth host (its API is on another). */
    static final URI OAUTH = URI.create("https://www.linkedin.com/");

    private static final Logger LOG = LoggerFactory.getLogger(LinkedInTokens.class);

    private final String account;
    private final URI tokenEndpoint;
    private final String clientId;
    private final Secret clientSecret;
    private final Tokens configured;
    private final TokenStore store;
    private final HttpTransport http;
    private final Clock clock;

    /**
     * @param oauth LinkedIn's OAuth base URL ({@link #OAUTH}, or a test's fake)
     * @param clientId the app's client id, or {@code null}: then nothing is renewed
     * @param configured {@code herald.yaml}'s token and its {@code expiresAt}, or {@code null}
     */
    LinkedInTokens(String account, URI oauth, String clientId, Secret clientSecret, Tokens configured, TokenStore store, HttpTransport http, Clock clock) {
        this.account = Validate.notBlank(account, "account");
        this.tokenEndpoint = Validate.notNull(oauth, "oauth").resolve("oauth/v2/accessToken");
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.configured = configured;
        this.store = Validate.notNull(store, "store");
        this.http = Validate.notNull(http, "http");
        this.clock = Validate.notNull(clock, "clock");
    }

    /** The token to send (renewed first when its recorded expiry has passed and it can be), or {@code null} when there is none. */
    String current() {
        Tokens now = tokens().orElse(null);
        if (now == null) return null;
        if (now.expiredAt(clock.instant()) && now.refresh() != null) {
            try {
                String renewed = renew(now.access());
                if (renewed != null) return renewed;
            } catch (IOException e) {
                // LinkedIn's OAuth host is unreachable: the old token's 401 says what happened.
            }
        }
        return now.access();
    }

    /** The tokens in use, or empty. */
    Optional<Tokens> tokens() {
        Optional<Tokens> stored = store.find(account);
        return stored.isPresent() ? stored : Optional.ofNullable(configured);
    }

    /** A new token after {@code rejected} was refused: another node's, a renewed one, or {@code null} (sign in again). */
    synchronized String renew(String rejected) throws IOException {
        Tokens now = tokens().orElse(null);
        if (now == null) return null;
        if (!now.access().equals(rejected)) return now.access();
        if (now.refresh() == null || clientId == null || clientSecret == null) return null;
        HttpCall post = HttpCall.post(tokenEndpoint).header("Accept", "application/json")
                .form(Forms.of("grant_type", "refresh_token", "refresh_token", now.refresh(), "client_id", clientId,
                        "client_secret", clientSecret.value()));
        Secret[] secrets = {Secret.of("refresh", now.refresh()), clientSecret};
        HttpReply reply = http.execute(post, secrets);
        String access = Payloads.json(reply).path("access_token").asText("");
        if (!reply.ok() || access.isBlank()) {
            Optional<Tokens> again = store.find(account);
            if (again.isPresent() && !again.get().access().equals(rejected)) return again.get().access();
            LOG.warn("linkedin {}: the refresh token was refused ({}); sign in again with: herald auth {}", account, reply.status(), account);
            return null;
        }
        Tokens fresh = fromReply(reply, now.refresh(), now.refreshExpiresAt(), clock);
        Optional<Tokens> stored = store.compareAndSet(account, now, fresh);
        if (stored.isPresent()) {
            LOG.info("linkedin {}: renewed the access token; it now expires {}", account, fresh.expiresAt());
            return access;
        }
        return store.find(account).map(Tokens::access).orElse(access);
    }

    /** The tokens of a LinkedIn token answer: {@code access_token}, {@code expires_in}, {@code refresh_token}, {@code refresh_token_expires_in} (seconds). */
    static Tokens fromReply(HttpReply reply, String refreshBefore, Instant refreshExpiresBefore, Clock clock) {
        Instant now = clock.instant();
        long seconds = Payloads.json(reply).path("expires_in").asLong(0);
        String refresh = Payloads.json(reply).path("refresh_token").asText("");
        long refreshSeconds = Payloads.json(reply).path("refresh_token_expires_in").asLong(0);
        return new Tokens(Payloads.json(reply).path("access_token").asText(), refresh.isBlank() ? refreshBefore : refresh,
                seconds > 0 ? now.plus(Duration.ofSeconds(seconds)) : null,
                refreshSeconds > 0 ? now.plus(Duration.ofSeconds(refreshSeconds)) : refreshExpiresBefore, 0);
    }
}
