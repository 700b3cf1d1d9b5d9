package dev.herald.delivery;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** This process's delivery counters, safe to update from every worker thread. */
final class DeliveryCounters {
    static final String[] NAMES = {"attempts", "posted", "duplicates", "transient", "rateLimited", "authFailed", "dead", "quotaDeferred"};

    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

    DeliveryCounters() {
        for (String n : NAMES) counters.put(n, new LongAdder());
    }

    void increment(String name) {
        counters.computeIfAbsent(name, k -> new LongAdder()).increment();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
