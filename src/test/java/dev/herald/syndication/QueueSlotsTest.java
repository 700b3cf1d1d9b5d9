package dev.herald.syndication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueSlotsTest {
    @Test
    void parsesDayRangesTimesAndZone() {
        QueueSlots slots = QueueSlots.parse("Mon-Fri 13:00,09:00 Europe/Berlin");
        assertEquals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), EnumSet.copyOf(slots.days()));
        assertEquals(List.of(LocalTime.of(9, 0), LocalTime.of(13, 0)), slots.times());
        assertEquals(ZoneId.of("Europe/Berlin"), slots.zone());
    }

    @Test
    void aRangeMayWrapAroundTheWeekend() {
        assertEquals(EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY),
                EnumSet.copyOf(QueueSlots.parse("Fri-Mon 10:00 UTC").days()));
    }

    @Test
    void listsTheSlotsAfterAnInstantInOrder() {
        List<Instant> next = QueueSlots.parse("Sat,Sun 10:30 UTC").after(Instant.parse("2025-03-15T10:30:00Z"));
        assertEquals(Instant.parse("2025-03-16T10:30:00Z"), next.get(0));
        assertEquals(Instant.parse("2025-03-22T10:30:00Z"), next.get(1));
    }

    @Test
    void aSlotInTheSpringForwardGapHappensOnceAnHourLater() {
        List<Instant> next = QueueSlots.parse("Sun 02:30,03:30 Europe/Berlin").after(Instant.parse("2025-03-29T00:00:00Z"));
        // Both 02:30 (moved to 03:30 CEST) and 03:30 mean 01:30Z that day: one slot, not two.
        assertEquals(Instant.parse("2025-03-30T01:30:00Z"), next.get(0));
        assertEquals(Instant.parse("2025-04-06T00:30:00Z"), next.get(1));
    }

    @Test
    void badSpecsAreRefusedNamingTheProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QueueSlots.parse("Mon-Fry 09:00 UTC"));
        assertTrue(e.getMessage().contains("Fry"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> QueueSlots.parse("Mon 9am UTC")).getMessage().contains("9am"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> QueueSlots.parse("Mon 09:00 Mars/Base")).getMessage().contains("Mars/Base"));
    }
}
