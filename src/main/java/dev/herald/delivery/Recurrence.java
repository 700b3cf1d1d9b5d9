package dev.herald.delivery;

import dev.herald.internal.Validate;
import java.time.Period;

/**
 * Re-shares of an evergreen article: {@code times} more shares after the first, each
 * {@code every} after the one before (at the same wall-clock time when the first was given as a
 * local time). Each re-share is a share of its own, listed, cancellable and sent exactly once.
 */
public record Recurrence(Period every, int times) {
    /** At most this many re-shares per request, so a typo cannot fill the outbox. */
    public static final int MAX_TIMES = 100;

    /** Requires a positive period and 1 to {@link #MAX_TIMES} re-shares. */
    public Recurrence {
        Validate.notNull(every, "every");
        Validate.isTrue(!every.isNegative() && !every.isZero(), "every", "must be a positive period");
        Validate.isTrue(times >= 1 && times <= MAX_TIMES, "times", "must be between 1 and " + MAX_TIMES);
    }

    /** Every {@code days} days, {@code times} more times. */
    public static Recurrence everyDays(int days, int times) {
        return new Recurrence(Period.ofDays(days), times);
    }
}
