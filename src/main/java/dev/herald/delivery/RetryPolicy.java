package dev.herald.delivery;

import dev.herald.internal.Validate;
import java.time.Duration;

/**
 * How transient failures are retried: exponential backoff with jitter, up to a budget.
 *
 * <p>After the n-th transient failure in a row the share waits
 * {@code min(maxDelay, initialDelay × multiplier^(n-1))}, spread by ±{@code jitter} (a fraction)
 * so that shares failing together do not retry together; after {@code maxAttempts} transient
 * failures in a row the share is dead. Rate limits and auth failures are not transient failures:
 * they neither back off nor use up the budget.
 *
 * @param maxAttempts transient failures in a row after which the share is dead
 * @param initialDelay the wait after the first failure, before jitter
 * @param multiplier how much each further failure multiplies the wait
 * @param maxDelay the longest wait, before jitter
 * @param jitter the fraction (0 to 1) by which a wait is randomly lengthened or shortened
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay, double jitter) {
    /** 8 attempts, 30 s doubling to at most 1 h, ±20 %: a share gives up after about 2 hours of failures. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofSeconds(30), 2.0, Duration.ofHours(1), 0.2);

    /** Validates the ranges. */
    public RetryPolicy {
        Validate.isTrue(maxAttempts >= 1, "maxAttempts", "must be at least 1");
        Validate.notNull(initialDelay, "initialDelay");
        Validate.isTrue(!initialDelay.isNegative() && !initialDelay.isZero(), "initialDelay", "must be positive");
        Validate.isTrue(multiplier >= 1.0, "multiplier", "must be at least 1");
        Validate.notNull(maxDelay, "maxDelay");
        Validate.isTrue(maxDelay.compareTo(initialDelay) >= 0, "maxDelay", "must not be shorter than initialDelay");
        Validate.isTrue(jitter >= 0.0 && jitter <= 1.0, "jitter", "must be between 0 and 1");
    }

    /**
     * The wait after the {@code failures}-th transient failure in a row ({@code failures ≥ 1}),
     * given a uniformly random {@code random} in [0, 1): 0 gives the shortest, 0.5 the unjittered wait.
     */
    public Duration delayAfter(int failures, double random) {
        Validate.isTrue(failures >= 1, "failures", "must be at least 1");
        Validate.isTrue(random >= 0.0 && random < 1.0, "random", "must be in [0, 1)");
        double base = initialDelay.toMillis() * Math.pow(multiplier, failures - 1);
        double capped = Math.min(base, maxDelay.toMillis());
        double factor = 1.0 + jitter * (2.0 * random - 1.0);
        return Duration.ofMillis(Math.round(capped * factor));
    }

    /** Whether {@code failures} transient failures in a row use up the budget. */
    public boolean exhausted(int failures) {
        return failures >= maxAttempts;
    }
}
