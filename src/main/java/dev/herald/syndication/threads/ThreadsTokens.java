package dev.herald.syndication.threads;

import dev.herald.internal.Validate;
import dev.herald.syndication.HttpCall;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Secret;
import dev.herald.syndication.TokenStore;
import dev.herald.syndication.Tokens;
import dev.herald.syndication.internal.Payloads;
import dev.herald.syndication.internal.Uris;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Threads profile's long-lived token, kept in a {@link TokenStore} and refreshed before it
 * expires ({@code GET /refresh_access_token?grant_type=th_refresh_token}: another 60 days, for a
 * token at least 24 hours old that has not expired). The store's token wins over
 * {@code herald.yaml}'s, which is only the first one.
 *
 * <p>When the refresh is due: once fewer than {@link #REFRESH_BEFORE} remain of a token whose
 * expiry is known; for {@code herald.yaml}'s token, whose age Herald cannot know, at the first use
 * and then once a day until a refresh succeeds (a token younger than 24 hours is refused). A
 * refresh that fails leaves the current token in use; Herald tries again after
 * {@link #RETRY_AFTER}. The new token is stored by compare-and-set, so of two nodes refreshing at
 * once, one token is kept and both use it. Thread-safe.
 */
final class ThreadsTokens {
    /** How long before a known expiry the token is refreshed: half its 60 days. */
    static final Duration REFRESH_BEFORE = Duration.ofDays(30);
    /** How long after a failed refresh the next is tried. */
    static final Duration RETRY_AFTER = Duration.ofHours(24);

    private static final Logger LOG = LoggerFactory.getLogger(ThreadsTokens.class);

    private final ThreadsAccount account;
    private final TokenStore store;
    private final HttpTransport http;
    private final Clock clock;
    private Instant lastFailure;

    ThreadsTokens(ThreadsAccount account, TokenStore store, HttpTransport http, Clock clock) {
        this.account = Validate.notNull(account, "account");
        this.store = Validate.notNull(store, "store");
        this.http = Validate.notNull(http, "http");
        this.clock = Validate.notNull(clock, "clock");
    }

    /** The token to send now, refreshed first when that is due; {@code null} when there is none (sign in first). */
    synchronized String current() {
        Tokens now = tokens();
        if (now == null) return null;
        if (!due(now)) return now.access();
        try {
            return refresh(now).access();
        } catch (IOException e) {
            lastFailure = clock.instant();
            return now.access();
        }
    }

    /**
     * After {@code rejected} was refused: the store's token when another node put a different one
     * there meanwhile, else {@code null} (sign in again).
     */
    synchronized String afterRejection(String rejected) {
        Optional<Tokens> stored = store.find(account.name());
        return stored.isPresent() && !stored.get().access().equals(rejected) ? stored.get().access() : null;
    }

    /** When the token in use expires, or {@code null} when that is not known. */
    Instant expiresAt() {
        Tokens now = tokens();
        return now == null ? null : now.expiresAt();
    }

    /** The store's tokens, else herald.yaml's token (expiry unknown), else {@code null}. */
    private Tokens tokens() {
        return store.find(account.name()).orElseGet(() -> ThreadsNetwork.NO_TOKEN.equals(account.token()) ? null : Tokens.of(account.token().value(), null, null));
    }

    private boolean due(Tokens now) {
        Instant t = clock.instant();
        if (lastFailure != null && t.isBefore(lastFailure.plus(RETRY_AFTER))) return false;
        if (now.expiresAt() == null) return true;
        return !t.isBefore(now.expiresAt().minus(REFRESH_BEFORE)) && t.isBefore(now.expiresAt());
    }

    private Tokens refresh(Tokens now) throws IOException {
        HttpCall get = HttpCall.get(Uris.withQuery(account.api().resolve("refresh_access_token"),
                "grant_type", "th_refresh_token", "access_token", now.access())).header("Accept", "application/json");
        Secret token = Secret.of("token", now.access());
        HttpReply reply = http.execute(get, token);
        String fresh = Payloads.json(reply).path("access_token").asText("");
        if (!reply.ok() || fresh.isBlank()) {
            lastFailure = clock.instant();
            String message = token.maskIn(Payloads.json(reply).path("error").path("message").asText("status " + reply.status()));
            LOG.warn("threads {}: the long-lived token could not be refreshed ({}); trying again in {} hours",
                    account.name(), message, RETRY_AFTER.toHours());
            return now;
        }
        long seconds = Payloads.json(reply).path("expires_in").asLong(0);
        Tokens renewed = Tokens.of(fresh, null, seconds > 0 ? clock.instant().plus(Duration.ofSeconds(seconds)) : null);
        Optional<Tokens> stored = store.compareAndSet(account.name(), now, renewed);
        if (stored.isPresent()) {
            lastFailure = null;
            LOG.info("threads {}: refreshed the long-lived token; it now expires {}", account.name(), renewed.expiresAt());
            return stored.get();
        }
        // Another node refreshed (or someone signed in) first: its token is the one every node uses.
        return store.find(account.name()).orElse(renewed);
    }
}
