package dev.herald.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    final RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(30), 2.0, Duration.ofMinutes(3), 0.2);

    @Test
    void waitsDoubleFromTheInitialDelayUpToTheCap() {
        assertEquals(Duration.ofSeconds(30), policy.delayAfter(1, 0.5));
        assertEquals(Duration.ofSeconds(60), policy.delayAfter(2, 0.5));
        assertEquals(Duration.ofSeconds(120), policy.delayAfter(3, 0.5));
        assertEquals(Duration.ofMinutes(3), policy.delayAfter(4, 0.5));
        assertEquals(Duration.ofMinutes(3), policy.delayAfter(40, 0.5));
    }

    @Test
    void jitterSpreadsAWaitByTheConfiguredFraction() {
        assertEquals(Duration.ofSeconds(24), policy.delayAfter(1, 0.0));
        assertEquals(Duration.ofSeconds(33), policy.delayAfter(1, 0.75));
        assertTrue(policy.delayAfter(1, 0.999_999).compareTo(Duration.ofSeconds(36)) <= 0);
    }

    @Test
    void theBudgetIsUsedUpAtMaxAttempts() {
        assertFalse(policy.exhausted(3));
        assertTrue(policy.exhausted(4));
    }

    @Test
    void refusesAJitterOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(3, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10), 1.5));
    }
}
