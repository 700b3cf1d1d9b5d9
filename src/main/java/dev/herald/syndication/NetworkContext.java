package dev.herald.syndication;

import dev.herald.internal.Validate;
import java.time.Clock;

/**
 * What the core hands a {@link NetworkProvider} to build syndicators with: the shared HTTP client,
 * the clock, and the store of credentials that change. Other credentials come with the account
 * ({@link dev.herald.syndication.config.AccountSetup}).
 *
 * @param http the transport every syndicator shares
 * @param clock the source of time for timestamps, token expiry and rate-limit fallbacks
 * @param tokens where renewed and signed-in tokens are read and written; a syndicator uses
 *     {@code herald.yaml}'s token when this has none for its account
 */
public record NetworkContext(HttpTransport http, Clock clock, TokenStore tokens) {
    /** Requires every part. */
    public NetworkContext {
        Validate.notNull(http, "http");
        Validate.notNull(clock, "clock");
        Validate.notNull(tokens, "tokens");
    }

    /** A context whose renewed tokens are kept in memory only ({@link TokenStore#inMemory()}). */
    public NetworkContext(HttpTransport http, Clock clock) {
        this(http, clock, TokenStore.inMemory());
    }
}
