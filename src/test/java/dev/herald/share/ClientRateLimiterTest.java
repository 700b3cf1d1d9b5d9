package dev.herald.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void aClientGetsItsLimitPerWindow() {
        ClientRateLimiter limiter = new ClientRateLimiter(3, Duration.ofMinutes(10), clock, 1 << 20);
        for (int i = 0; i < 3; i++) assertTrue(limiter.tryAcquire("192.0.2.1"));
        assertFalse(limiter.tryAcquire("192.0.2.1"));
        assertTrue(limiter.tryAcquire("192.0.2.2"));
        clock.advance(Duration.ofMinutes(10));
        assertTrue(limiter.tryAcquire("192.0.2.1"));
    }

    @Test
    void everyAddressInOneIpv6Slash64SharesOneBudget() {
        ClientRateLimiter limiter = new ClientRateLimiter(3, Duration.ofMinutes(10), clock, 1 << 20);
        assertTrue(limiter.tryAcquire("2001:db8:1:2::1"));
        assertTrue(limiter.tryAcquire("2001:db8:1:2:ffff:ffff:ffff:ffff"));
        assertTrue(limiter.tryAcquire("[2001:DB8:1:2::99]"));
        assertFalse(limiter.tryAcquire("2001:db8:1:2:abcd::"));
        assertTrue(limiter.tryAcquire("2001:db8:1:3::1"), "the next /64 is another subscriber");
    }

    @Test
    void keysAreShortWhateverTheHeaderSaid() {
        assertEquals("?", ClientRateLimiter.key("x".repeat(100_000)));
        assertEquals("192.0.2.1", ClientRateLimiter.key("192.0.2.1"));
        assertEquals("192.0.2.1", ClientRateLimiter.key("::ffff:192.0.2.1"));
        assertEquals("20010db800010002/64", ClientRateLimiter.key("2001:db8:1:2::1"));
        assertEquals("?", ClientRateLimiter.key("example.com"), "never a DNS lookup");
    }

    @Test
    void theTableStaysWithinItsByteBudgetUnderAFloodOfClients() {
        ClientRateLimiter limiter = new ClientRateLimiter(3, Duration.ofMinutes(10), clock, 100 * ClientRateLimiter.BYTES_PER_CLIENT);
        for (int i = 0; i < 10_000; i++) limiter.tryAcquire("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        assertEquals(100, limiter.capacity());
        assertEquals(100, limiter.size());
    }
}
