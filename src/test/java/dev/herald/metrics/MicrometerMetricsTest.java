package dev.herald.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MicrometerMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerMetrics metrics = new MicrometerMetrics(registry);

    @Test
    void countsTheFiltersWorkUnderConventionalNames() {
        metrics.pageRewritten();
        metrics.cacheLookup(true);
        metrics.cacheLookup(false);
        metrics.cacheLookup(false);
        metrics.passedThrough("response");
        metrics.transformed(Duration.ofMillis(3));
        assertEquals(1, registry.get("herald.filter.rewrites").counter().count());
        assertEquals(1, registry.get("herald.filter.cache.gets").tag("result", "hit").counter().count());
        assertEquals(2, registry.get("herald.filter.cache.gets").tag("result", "miss").counter().count());
        assertEquals(1, registry.get("herald.filter.passthroughs").tag("reason", "response").counter().count());
        assertEquals(3, registry.get("herald.filter.transform").timer().totalTime(java.util.concurrent.TimeUnit.MILLISECONDS));
    }

    @Test
    void tagsSharesAndRefusals() {
        metrics.shared("bluesky");
        metrics.shared("bluesky");
        metrics.shareRefused(404);
        assertEquals(2, registry.get("herald.share.redirects").tag("network", "bluesky").counter().count());
        assertEquals(1, registry.get("herald.share.refusals").tag("status", "404").counter().count());
    }

    @Test
    void tagsDeliveryByNetworkAndOutcome() {
        metrics.deliveryAttempt("mastodon", "posted");
        metrics.deliveryAttempt("mastodon", "rate_limited");
        metrics.deliveryLag("mastodon", Duration.ofSeconds(2));
        metrics.deliveryLag("mastodon", Duration.ofSeconds(-1)); // a clock step back is no negative lag
        metrics.quotaDeferred("bluesky");
        assertEquals(1, registry.get("herald.delivery.attempts").tags("network", "mastodon", "outcome", "posted").counter().count());
        assertEquals(1, registry.get("herald.delivery.attempts").tags("network", "mastodon", "outcome", "rate_limited").counter().count());
        assertEquals(2, registry.get("herald.delivery.lag").tag("network", "mastodon").timer().count());
        assertEquals(2.0, registry.get("herald.delivery.lag").tag("network", "mastodon").timer().max(java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(1, registry.get("herald.delivery.quota.deferrals").tag("network", "bluesky").counter().count());
    }

    @Test
    void shareStateGaugesReadTheOutboxOnceForAllStates() {
        AtomicInteger reads = new AtomicInteger();
        metrics.shareStates(List.of("PENDING", "POSTED", "DEAD"), () -> {
            reads.incrementAndGet();
            return Map.of("PENDING", 4L, "POSTED", 9L);
        });
        System.gc(); // the gauges must survive: Micrometer holds a gauge's object weakly unless told otherwise
        assertEquals(4, registry.get("herald.delivery.shares").tag("state", "PENDING").gauge().value());
        assertEquals(9, registry.get("herald.delivery.shares").tag("state", "POSTED").gauge().value());
        assertEquals(0, registry.get("herald.delivery.shares").tag("state", "DEAD").gauge().value());
        assertEquals(1, reads.get());
    }

    @Test
    void aServletContextWithoutPublishedMetricsUsesTheGlobalRegistry() {
        assertSame(HeraldMetrics.global(), HeraldMetrics.of(null));
        assertEquals(MicrometerMetrics.class, HeraldMetrics.global().getClass());
    }
}
