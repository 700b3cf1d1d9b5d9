package dev.herald.delivery;

import dev.herald.metrics.HeraldMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** This process's delivery counters, safe to update from every worker thread; also reported to {@link HeraldMetrics}. */
final class DeliveryCounters {
    static final String[] NAMES = {"attempts", "posted", "duplicates", "transient", "rateLimited", "authFailed", "dead", "uncertain", "reconciled", "quotaDeferred"};

    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final HeraldMetrics metrics;

    DeliveryCounters() {
        this(HeraldMetrics.NONE);
    }

    DeliveryCounters(HeraldMetrics metrics) {
        this.metrics = metrics;
        for (String n : NAMES) counters.put(n, new LongAdder());
    }

    /** One call to {@code network} ended with {@code outcome}; {@code lag} is due-to-posted for a posted share, else {@code null}. */
    void attempted(String network, String outcome, Duration lag) {
        metrics.deliveryAttempt(network, outcome);
        if (lag != null) metrics.deliveryLag(network, lag);
    }

    /** A due share for {@code network} waits for its quota. */
    void quotaDeferred(String network) {
        increment("quotaDeferred");
        metrics.quotaDeferred(network);
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
