package dev.herald.delivery;

import java.util.Map;

/**
 * Simple numbers about delivery.
 *
 * @param shares how many shares the outbox holds in each state (all nodes; states with none absent)
 * @param counters what this process's worker did since it started: {@code attempts}, {@code posted},
 *     {@code duplicates}, {@code transient}, {@code rateLimited}, {@code authFailed}, {@code dead},
 *     {@code quotaDeferred} (all zero in a process that only schedules)
 */
public record DeliveryStats(Map<ShareState, Long> shares, Map<String, Long> counters) {
    /** Copies both maps. */
    public DeliveryStats {
        shares = Map.copyOf(shares);
        counters = Map.copyOf(counters);
    }

    /** How many shares are in {@code state}. */
    public long count(ShareState state) {
        return shares.getOrDefault(state, 0L);
    }

    /** This process's count named {@code name}, 0 when it never happened. */
    public long counter(String name) {
        return counters.getOrDefault(name, 0L);
    }
}
