package dev.herald.syndication;

import dev.herald.internal.Validate;
import java.time.Duration;

/**
 * A network's cap on posts per account: at most {@code limit} posts in any sliding {@code window}.
 * A share that would exceed it is deferred until the oldest counted post leaves the window.
 */
public record Quota(int limit, Duration window) {
    /** Requires a positive limit and window. */
    public Quota {
        Validate.isTrue(limit > 0, "limit", "must be positive");
        Validate.notNull(window, "window");
        Validate.isTrue(!window.isNegative() && !window.isZero(), "window", "must be positive");
    }

    /** At most {@code limit} posts per {@code window}. */
    public static Quota of(int limit, Duration window) {
        return new Quota(limit, window);
    }
}
