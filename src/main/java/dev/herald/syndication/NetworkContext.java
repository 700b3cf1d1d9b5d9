package dev.herald.syndication;

import dev.herald.internal.Validate;
import java.time.Clock;

/**
 * What the core hands a {@link NetworkProvider} to build syndicators with: the shared HTTP client
 * and the clock. Credentials come with the account ({@link dev.herald.syndication.config.AccountSetup}).
 *
 * @param http the transport every syndicator shares
 * @param clock the source of time for timestamps, token expiry and rate-limit fallbacks
 */
public record NetworkContext(HttpTransport http, Clock clock) {
    /** Requires both parts. */
    public NetworkContext {
        Validate.notNull(http, "http");
        Validate.notNull(clock, "clock");
    }
}
