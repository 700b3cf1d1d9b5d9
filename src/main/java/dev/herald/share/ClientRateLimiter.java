package dev.herald.share;

import dev.herald.internal.Validate;
import dev.herald.page.TrustedProxies;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Allows each client a number of counted shares per window (a fixed window per client), so that a
 * script requesting the endpoint in a loop cannot inflate a page's counts.
 *
 * <p>Clients are keyed by address: an IPv4 address, or the /64 network of an IPv6 address (one
 * subscriber commonly holds a whole /64, so counting per address would give them 2<sup>64</sup>
 * budgets). Keys are short and of bounded length, and the table is bounded in bytes: past the
 * budget the least recently seen client is forgotten.
 */
final class ClientRateLimiter {
    /** Generous per-client cost in bytes: map entry, key (at most ~20 chars), window, instant. */
    static final int BYTES_PER_CLIENT = 200;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final int maxClients;
    private final Map<String, Window> windows;

    private record Window(Instant start, int used) {}

    /** A limiter allowing {@code limit} per {@code window}, holding at most {@code maxBytes} of client state. */
    ClientRateLimiter(int limit, Duration window, Clock clock, long maxBytes) {
        Validate.isTrue(limit > 0, "limit", "must be positive");
        Validate.isTrue(maxBytes >= BYTES_PER_CLIENT, "maxBytes", "must hold at least one client");
        this.limit = limit;
        this.window = Validate.notNull(window, "window");
        this.clock = Validate.notNull(clock, "clock");
        this.maxClients = (int) Math.min(Integer.MAX_VALUE, maxBytes / BYTES_PER_CLIENT);
        this.windows = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
                return size() > maxClients;
            }
        });
    }

    /** How many clients the byte budget holds. */
    int capacity() {
        return maxClients;
    }

    /** How many clients are tracked now. */
    int size() {
        return windows.size();
    }

    /** Takes one unit for the client at {@code address}; false when it has used up its window. */
    boolean tryAcquire(String address) {
        String key = key(address);
        Instant now = clock.instant();
        boolean[] allowed = new boolean[1];
        windows.compute(key, (k, w) -> {
            if (w == null || !now.isBefore(w.start().plus(window))) {
                allowed[0] = true;
                return new Window(now, 1);
            }
            allowed[0] = w.used() < limit;
            return allowed[0] ? new Window(w.start(), w.used() + 1) : w;
        });
        return allowed[0];
    }

    /**
     * The bucket of {@code address}: the IPv4 address, or the IPv6 /64 as 16 hex digits; anything that
     * is not an address literal shares one bucket (it cannot come from the container, only from a
     * header the site chose to trust).
     */
    static String key(String address) {
        byte[] bytes = address == null ? null : TrustedProxies.addressBytes(address);
        if (bytes == null) return "?";
        if (bytes.length == 4) return (bytes[0] & 0xFF) + "." + (bytes[1] & 0xFF) + "." + (bytes[2] & 0xFF) + "." + (bytes[3] & 0xFF);
        return HexFormat.of().formatHex(bytes, 0, 8) + "/64";
    }
}
