package dev.herald.share;

import dev.herald.buttons.Network;
import dev.herald.internal.Validate;
import java.net.URI;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Share counts held in memory, for the most recently shared pages up to a bound: the default store.
 * Counts are lost on restart; a database-backed {@link ShareCounter} keeps them.
 */
public final class MemoryShareCounter implements ShareCounter {
    private final Map<URI, AtomicLongArray> counts;

    /** A counter remembering at most {@code maxPages} pages, evicting the least recently shared. */
    public MemoryShareCounter(int maxPages) {
        Validate.isTrue(maxPages > 0, "maxPages", "must be positive");
        // Access-ordered LinkedHashMap: a bounded LRU, so a crawler inventing URLs cannot exhaust memory.
        this.counts = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<URI, AtomicLongArray> eldest) {
                return size() > maxPages;
            }
        });
    }

    @Override
    public void record(URI url, Network network) {
        Validate.notNull(url, "url");
        Validate.notNull(network, "network");
        counts.computeIfAbsent(url, u -> new AtomicLongArray(Network.values().length)).incrementAndGet(network.ordinal());
    }

    @Override
    public Map<Network, Long> counts(URI url) {
        AtomicLongArray a = counts.get(url);
        if (a == null) return Map.of();
        Map<Network, Long> out = new EnumMap<>(Network.class);
        for (Network n : Network.values()) {
            long v = a.get(n.ordinal());
            if (v > 0) out.put(n, v);
        }
        return out;
    }
}
