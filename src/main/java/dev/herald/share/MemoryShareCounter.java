package dev.herald.share;

import dev.herald.buttons.Network;
import dev.herald.internal.Validate;
import java.net.URI;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Share counts held in memory, bounded in bytes: the default store. Counts are lost on restart; a
 * database-backed {@link ShareCounter} keeps them.
 *
 * <p>A page shared once waits in a small probation area (a fifth of the budget); its second share
 * moves it to the protected area that holds the rest. Each area forgets its least recently shared
 * page when full. So a flood of invented URLs, each shared once, only churns probation and never
 * evicts the counts of pages readers really share.
 */
public final class MemoryShareCounter implements ShareCounter {
    /** Fixed cost of one page besides its URL: map entry, URI object, count array. */
    static final int ENTRY_OVERHEAD = 300;

    private final long probationBytes;
    private final long protectedBytes;
    private final int maxPages;
    private final LinkedHashMap<URI, AtomicLongArray> probation = new LinkedHashMap<>(64, 0.75f, true);
    private final LinkedHashMap<URI, AtomicLongArray> established = new LinkedHashMap<>(64, 0.75f, true);
    private long probationUsed;
    private long establishedUsed;

    /** A counter remembering at most {@code maxPages} pages (and at most 64 MiB). */
    public MemoryShareCounter(int maxPages) {
        this(maxPages, 64L * 1024 * 1024);
    }

    private MemoryShareCounter(int maxPages, long maxBytes) {
        Validate.isTrue(maxPages > 0, "maxPages", "must be positive");
        Validate.isTrue(maxBytes >= 10L * (ENTRY_OVERHEAD + 3 * ShareServlet.MAX_URL), "maxBytes", "must hold at least ten pages");
        this.maxPages = maxPages;
        this.probationBytes = maxBytes / 5;
        this.protectedBytes = maxBytes - probationBytes;
    }

    /** A counter holding at most {@code maxBytes} (estimated) of pages and counts. */
    public static MemoryShareCounter withBudget(long maxBytes) {
        return new MemoryShareCounter(Integer.MAX_VALUE, maxBytes);
    }

    /** Estimated bytes one page costs: a URI keeps its string and its parsed parts. */
    static long cost(URI url) {
        return ENTRY_OVERHEAD + 3L * url.toString().length();
    }

    @Override
    public synchronized void record(URI url, Network network) {
        Validate.notNull(url, "url");
        Validate.notNull(network, "network");
        AtomicLongArray counts = established.get(url);
        if (counts == null) {
            counts = probation.remove(url);
            if (counts != null) {
                probationUsed -= cost(url);
                established.put(url, counts);
                establishedUsed += cost(url);
                establishedUsed -= trim(established, protectedBytes - establishedUsed, maxPages - maxPages / 5);
            } else {
                counts = new AtomicLongArray(Network.values().length);
                probation.put(url, counts);
                probationUsed += cost(url);
                probationUsed -= trim(probation, probationBytes - probationUsed, Math.max(1, maxPages / 5));
            }
        }
        counts.incrementAndGet(network.ordinal());
    }

    /** Evicts eldest entries until {@code free} is not negative and at most {@code maxSize} remain; returns bytes freed. */
    private static long trim(LinkedHashMap<URI, AtomicLongArray> area, long free, int maxSize) {
        long freed = 0;
        Iterator<URI> eldest = area.keySet().iterator();
        while ((free + freed < 0 || area.size() > maxSize) && eldest.hasNext()) {
            freed += cost(eldest.next());
            eldest.remove();
        }
        return freed;
    }

    @Override
    public synchronized Map<Network, Long> counts(URI url) {
        AtomicLongArray a = established.get(url);
        if (a == null) a = probation.get(url);
        if (a == null) return Map.of();
        Map<Network, Long> out = new EnumMap<>(Network.class);
        for (Network n : Network.values()) {
            long v = a.get(n.ordinal());
            if (v > 0) out.put(n, v);
        }
        return out;
    }
}
