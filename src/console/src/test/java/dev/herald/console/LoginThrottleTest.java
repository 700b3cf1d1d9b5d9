package dev.herald.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(10), clock);

    @Test
    void locksANameAfterTheLimitUntilItsOldestFailureLeavesTheWindow() {
        throttle.failed("edith", "10.0.0.1");
        clock.advance(Duration.ofMinutes(2));
        throttle.failed("edith", "10.0.0.2");
        throttle.failed("edith", "10.0.0.3");
        assertEquals(Duration.ofMinutes(8), throttle.wait("edith", "10.0.0.9"));
        assertEquals(Duration.ZERO, throttle.wait("vera", "10.0.0.9"), "other names are not locked");
        clock.advance(Duration.ofMinutes(8));
        assertEquals(Duration.ZERO, throttle.wait("edith", "10.0.0.9"));
    }

    @Test
    void locksAnAddressThatTriesManyNames() {
        for (int i = 0; i < 12; i++) throttle.failed("user" + i, "10.0.0.1");
        assertTrue(throttle.wait("someone-new", "10.0.0.1").compareTo(Duration.ZERO) > 0);
        assertEquals(Duration.ZERO, throttle.wait("someone-new", "10.0.0.2"));
    }

    @Test
    void forgetsANamesFailuresAfterItSignsIn() {
        throttle.failed("edith", "a");
        throttle.failed("edith", "a");
        throttle.succeeded("edith");
        throttle.failed("edith", "a");
        assertEquals(Duration.ZERO, throttle.wait("edith", "b"));
    }

    @Test
    void parallelAttemptsCannotAllSlipUnderTheLimitBecauseEachTakesItsSlotBeforeThePasswordIsChecked() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Duration>> tries = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) tries.add(pool.submit(() -> throttle.reserve("edith", "10.0.0.1")));
            int allowed = 0;
            for (var t : tries) if (t.get().isZero()) allowed++;
            assertEquals(3, allowed, "only as many password checks as the limit allows");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSuccessfulSignInGivesItsSlotBack() {
        assertEquals(Duration.ZERO, throttle.reserve("edith", "a"));
        assertEquals(Duration.ZERO, throttle.reserve("edith", "a"));
        throttle.succeeded("edith", "a");
        assertEquals(Duration.ZERO, throttle.reserve("edith", "a"));
        assertEquals(Duration.ZERO, throttle.reserve("edith", "a"));
        assertEquals(Duration.ZERO, throttle.reserve("edith", "a"));
        assertTrue(throttle.reserve("edith", "a").compareTo(Duration.ZERO) > 0, "three failures since the success");
    }
}
