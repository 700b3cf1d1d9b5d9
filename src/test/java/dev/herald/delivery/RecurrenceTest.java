package dev.herald.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Period;
import org.junit.jupiter.api.Test;

/** Re-shares are bounded: a positive period, and 1 to 100 of them, so a typo cannot fill the outbox. */
class RecurrenceTest {

    @Test
    void everyDaysIsThatManyDaysApart() {
        assertEquals(new Recurrence(Period.ofDays(7), 3), Recurrence.everyDays(7, 3));
    }

    @Test
    void acceptsOneToAHundredReShares() {
        assertEquals(1, Recurrence.everyDays(1, 1).times());
        assertEquals(100, Recurrence.everyDays(1, Recurrence.MAX_TIMES).times());
        assertEquals(100, Recurrence.MAX_TIMES);
    }

    @Test
    void refusesNoneOrMoreThanAHundred() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> Recurrence.everyDays(1, 0));
        assertTrue(none.getMessage().contains("times"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Recurrence.everyDays(1, 101));
        assertThrows(IllegalArgumentException.class, () -> Recurrence.everyDays(1, -1));
    }

    @Test
    void refusesAPeriodThatIsNotPositive() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> new Recurrence(Period.ZERO, 1));
        assertTrue(zero.getMessage().contains("every"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Recurrence.everyDays(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Recurrence(null, 1));
        assertEquals(Period.ofMonths(1), new Recurrence(Period.ofMonths(1), 2).every());
    }
}
