package dev.herald.share;

import dev.herald.internal.Validate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Allows each client a number of counted shares per window (a fixed window per client), so that a
 * script requesting the endpoint in a loop cannot inflate a page's counts. Bounded in memory.
 */
final class ClientRateLimiter {
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> windows;

    private record Window(Instant start, int used) {}

    ClientRateLimiter(int limit, Duration window, Clock clock, int maxClients) {
        Validate.isTrue(limit > 0, "limit", "must be positive");
        this.limit = limit;
        this.window = Validate.notNull(window, "window");
        this.clock = Validate.notNull(clock, "clock");
        this.windows = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
                return size() > maxClients;
            }
        });
    }

    /** Takes one unit for {@code client}; false when the client has used up its window. */
    boolean tryAcquire(String client) {
        Instant now = clock.instant();
        boolean[] allowed = new boolean[1];
        windows.compute(client, (k, w) -> {
            if (w == null || !now.isBefore(w.start().plus(window))) {
                allowed[0] = true;
                return new Window(now, 1);
            }
            allowed[0] = w.used() < limit;
            return allowed[0] ? new Window(w.start(), w.used() + 1) : w;
        });
        return allowed[0];
    }
}
