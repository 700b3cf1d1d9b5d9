package dev.herald.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The throttle's limits exactly: per address four times the per-name limit, the longer wait wins, and memory stays bounded. */
class LoginThrottleLimitsTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(10), clock);

    @Test
    void anAddressIsLockedAtFourTimesTheNameLimitNotBefore() {
        for (int i = 0; i < 11; i++) throttle.failed("user" + i, "10.0.0.1");
        assertEquals(Duration.ZERO, throttle.wait("someone-new", "10.0.0.1"), "11 failures from one address: not yet");
        clock.advance(Duration.ofMinutes(4));
        throttle.failed("user11", "10.0.0.1");
        assertEquals(Duration.ofMinutes(6), throttle.wait("someone-new", "10.0.0.1"), "the twelfth locks it until the first is ten minutes old");
    }

    @Test
    void theLongerOfTheNamesAndTheAddressesWaitsApplies() {
        for (int i = 0; i < 12; i++) throttle.failed("user" + i, "10.0.0.1"); // address locked for 10 minutes
        clock.advance(Duration.ofMinutes(3));
        for (int i = 0; i < 3; i++) throttle.failed("edith", "10.0.0.2"); // edith locked for 10 minutes from now
        assertEquals(Duration.ofMinutes(10), throttle.wait("edith", "10.0.0.1"), "edith's wait is the longer");
        assertEquals(Duration.ofMinutes(7), throttle.wait("vera", "10.0.0.1"), "the address's wait alone");
        clock.advance(Duration.ofMinutes(8));
        assertEquals(Duration.ofMinutes(2), throttle.wait("edith", "10.0.0.1"), "the address is free again; edith is not");
    }

    @Test
    void aSuccessFromAnAddressWithNoFailuresGivesNothingBack() {
        throttle.failed("edith", "10.0.0.1");
        throttle.failed("edith", "10.0.0.1");
        throttle.succeeded("vera", "10.0.0.9");
        throttle.failed("edith", "10.0.0.1");
        assertTrue(throttle.wait("edith", "10.0.0.1").compareTo(Duration.ZERO) > 0, "edith's failures are untouched");
    }

    @Test
    void forgetsExpiredFailuresOnlyOnceMoreThanTenThousandNamesAndAddressesAreOnRecord() {
        for (int i = 0; i < 5_000; i++) throttle.failed("made-up-" + i, "10.0." + (i / 250) + "." + (i % 250));
        assertEquals(10_000, throttle.trackedKeys(), "each failure records its name and its address");
        clock.advance(Duration.ofMinutes(10));
        throttle.failed("recent", "10.9.9.8");
        assertEquals(10_002, throttle.trackedKeys(), "ten thousand is allowed; only more than that is pruned");
        clock.advance(Duration.ofMinutes(1));
        throttle.failed("edith", "10.9.9.9");
        assertEquals(4, throttle.trackedKeys(), "the expired ones went; the recent failure and the new one stay");
        assertEquals(Duration.ZERO, throttle.wait("made-up-1", "10.0.0.1"));
    }

    @Test
    void aFailureOlderThanTheWindowNoLongerCountsEvenLongAfter() {
        for (int i = 0; i < 3; i++) throttle.failed("edith", "10.0.0.1");
        clock.advance(Duration.ofMinutes(25));
        assertEquals(Duration.ZERO, throttle.wait("edith", "10.0.0.1"), "no wait, and never a negative one");
    }

    @Test
    void aSuccessAfterTheAddressesFailuresExpiredGivesNothingBackAndFailsNothing() {
        throttle.failed("edith", "10.0.0.1");
        clock.advance(Duration.ofMinutes(11));
        assertEquals(Duration.ZERO, throttle.wait("edith", "10.0.0.1"), "the expired failure is dropped, its list left empty");
        throttle.succeeded("edith", "10.0.0.1");
        assertEquals(Duration.ZERO, throttle.reserve("edith", "10.0.0.1"));
    }

    @Test
    void refusesALimitOrWindowThatCouldNeverLetAnyoneIn() {
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottle(0, Duration.ofMinutes(1), clock));
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottle(1, Duration.ZERO, clock));
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottle(1, Duration.ofMinutes(-1), clock));
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottle(1, null, clock));
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottle(1, Duration.ofMinutes(1), null));
        assertEquals(Duration.ZERO, new LoginThrottle(1, Duration.ofSeconds(1), clock).wait("a", "b"), "the smallest valid limits work");
    }
}
