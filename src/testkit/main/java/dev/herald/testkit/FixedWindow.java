package dev.herald.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fixed-window rate limit per key, on an injectable clock. Mastodon's windows are aligned to the
 * epoch (Rack::Attack and its RateLimiter use {@code now / period}); the AT Protocol PDS's windows
 * (rate-limiter-flexible) start at the first request.
 */
final class FixedWindow {
    /** The state of one key's window after a request. */
    record Status(boolean allowed, int limit, int remaining, Instant reset, Duration period) {}

    private final int limit;
    private final Duration period;
    private final boolean alignedToEpoch;
    private final Clock clock;
    private final Map<String, long[]> windows = new ConcurrentHashMap<>(); // key -> {start millis, used}

    FixedWindow(int limit, Duration period, boolean alignedToEpoch, Clock clock) {
        if (limit < 1) throw new IllegalArgumentException("rate limit must be at least 1");
        if (period.isZero() || period.isNegative()) throw new IllegalArgumentException("rate limit period must be positive");
        this.limit = limit;
        this.period = period;
        this.alignedToEpoch = alignedToEpoch;
        this.clock = clock;
    }

    int limit() {
        return limit;
    }

    Duration period() {
        return period;
    }

    /** Takes {@code points} from the key's window if they fit; returns whether they did and what is left. */
    Status consume(String key, int points) {
        long now = clock.millis();
        Status[] out = new Status[1];
        windows.compute(key, (k, old) -> {
            long[] cur = current(old, now);
            boolean fits = cur[1] + points <= limit;
            if (fits) cur[1] += points;
            out[0] = status(fits, cur);
            return cur;
        });
        return out[0];
    }

    /** The key's window as it stands, without taking anything. */
    Status peek(String key) {
        long now = clock.millis();
        Status[] out = new Status[1];
        windows.compute(key, (k, old) -> {
            long[] cur = current(old, now);
            out[0] = status(true, cur);
            return cur;
        });
        return out[0];
    }

    /** Uses up the key's current window, as if a burst had spent it. */
    void exhaust(String key) {
        long now = clock.millis();
        windows.compute(key, (k, old) -> {
            long[] cur = current(old, now);
            cur[1] = limit;
            return cur;
        });
    }

    private long[] current(long[] old, long now) {
        long p = period.toMillis();
        if (alignedToEpoch) {
            long start = Math.floorDiv(now, p) * p;
            return old != null && old[0] == start ? old : new long[] {start, 0};
        }
        return old != null && now < old[0] + p ? old : new long[] {now, 0};
    }

    private Status status(boolean allowed, long[] w) {
        int remaining = (int) Math.max(0, limit - w[1]);
        return new Status(allowed, limit, remaining, Instant.ofEpochMilli(w[0] + period.toMillis()), period);
    }
}
