package dev.herald.metrics;

import dev.herald.internal.Validate;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Records Herald's metrics in a Micrometer {@link MeterRegistry}. The meters (all documented in
 * docs/metrics.md):
 *
 * <ul>
 *   <li>{@code herald.filter.rewrites}, {@code herald.filter.cache.gets} (tag {@code result}: hit, miss),
 *       {@code herald.filter.passthroughs} (tag {@code reason}), {@code herald.filter.transform} (timer);</li>
 *   <li>{@code herald.share.redirects} (tag {@code network}), {@code herald.share.refusals} (tag {@code status});</li>
 *   <li>{@code herald.delivery.attempts} (tags {@code network}, {@code outcome}), {@code herald.delivery.lag}
 *       (timer, tag {@code network}), {@code herald.delivery.quota.deferrals} (tag {@code network}),
 *       {@code herald.delivery.shares} (gauge, tag {@code state}, once {@link #shareStates} is called).</li>
 * </ul>
 */
public final class MicrometerMetrics implements HeraldMetrics {
    private final MeterRegistry registry;
    private final Counter rewrites;
    private final Counter hits;
    private final Counter misses;
    private final Timer transform;

    /** Metrics recorded in {@code registry}. */
    public MicrometerMetrics(MeterRegistry registry) {
        this.registry = Validate.notNull(registry, "registry");
        this.rewrites = Counter.builder("herald.filter.rewrites").description("Pages the filter added tags or buttons to")
                .register(registry);
        this.hits = cacheGets("hit");
        this.misses = cacheGets("miss");
        this.transform = Timer.builder("herald.filter.transform").description("Time to plan the rewrite of a page not in the cache")
                .register(registry);
    }

    /** Metrics recorded in Micrometer's global registry. */
    public static MicrometerMetrics global() {
        return new MicrometerMetrics(Metrics.globalRegistry);
    }

    /**
     * Registers the gauge {@code herald.delivery.shares}, one per state in {@code states}, reading
     * the outbox's counts from {@code counts} (state name to count; absent means 0). The counts are
     * read at most once a second however many gauges are read, since each read is a query.
     */
    public void shareStates(Collection<String> states, Supplier<Map<String, Long>> counts) {
        Validate.notNull(states, "states");
        Snapshot snapshot = new Snapshot(Validate.notNull(counts, "counts"));
        for (String state : states) {
            Gauge.builder("herald.delivery.shares", snapshot, s -> s.get().getOrDefault(state, 0L))
                    .description("Shares in the outbox in each state, on all nodes")
                    .tag("state", state)
                    // Micrometer holds a gauge's object weakly; nothing else holds this one.
                    .strongReference(true)
                    .register(registry);
        }
    }

    @Override
    public void pageRewritten() {
        rewrites.increment();
    }

    @Override
    public void cacheLookup(boolean hit) {
        (hit ? hits : misses).increment();
    }

    @Override
    public void passedThrough(String reason) {
        Counter.builder("herald.filter.passthroughs").description("Responses the filter sent as the application wrote them")
                .tag("reason", reason).register(registry).increment();
    }

    @Override
    public void transformed(Duration time) {
        transform.record(time);
    }

    @Override
    public void shared(String network) {
        Counter.builder("herald.share.redirects").description("Readers the share endpoint sent on to a network")
                .tag("network", network).register(registry).increment();
    }

    @Override
    public void shareRefused(int status) {
        Counter.builder("herald.share.refusals").description("Requests the share endpoint refused")
                .tag("status", Integer.toString(status)).register(registry).increment();
    }

    @Override
    public void deliveryAttempt(String network, String outcome) {
        Counter.builder("herald.delivery.attempts").description("Calls to a network to post a share")
                .tag("network", network).tag("outcome", outcome).register(registry).increment();
    }

    @Override
    public void deliveryLag(String network, Duration lag) {
        Timer.builder("herald.delivery.lag").description("Time from a share's due time to its posting")
                .tag("network", network).register(registry).record(lag.isNegative() ? Duration.ZERO : lag);
    }

    @Override
    public void quotaDeferred(String network) {
        Counter.builder("herald.delivery.quota.deferrals").description("Due shares put off by a network's posting quota")
                .tag("network", network).register(registry).increment();
    }

    private Counter cacheGets(String result) {
        return Counter.builder("herald.filter.cache.gets").description("Lookups of a page's rewrite in the filter's cache")
                .tag("result", result).register(registry);
    }

    /** The outbox's counts, read again when older than a second. */
    private static final class Snapshot {
        private static final long MAX_AGE_NANOS = Duration.ofSeconds(1).toNanos();
        private final Supplier<Map<String, Long>> source;
        private Map<String, Long> value = Map.of();
        private long readAt;
        private boolean read;

        Snapshot(Supplier<Map<String, Long>> source) {
            this.source = source;
        }

        synchronized Map<String, Long> get() {
            long now = System.nanoTime();
            if (!read || now - readAt > MAX_AGE_NANOS) {
                value = Map.copyOf(source.get());
                readAt = now;
                read = true;
            }
            return value;
        }
    }
}
