package dev.herald.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SendTimeTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    final Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void aTimeInTheSpringForwardGapMovesForwardByTheGap() {
        assertEquals(Instant.parse("2025-03-30T01:30:00Z"),
                SendTime.at(LocalDateTime.parse("2025-03-30T02:30"), BERLIN).resolve(clock));
    }

    @Test
    void aTimeInTheFallBackOverlapMeansItsFirstOccurrence() {
        assertEquals(Instant.parse("2025-11-02T05:30:00Z"),
                SendTime.at(LocalDateTime.parse("2025-11-02T01:30"), NEW_YORK).resolve(clock));
    }

    @Test
    void anOrdinaryLocalTimeUsesTheZonesOffsetOfThatDay() {
        assertEquals(Instant.parse("2025-07-01T07:00:00Z"), SendTime.at(LocalDateTime.parse("2025-07-01T09:00"), BERLIN).resolve(clock));
        assertEquals(Instant.parse("2025-01-15T08:00:00Z"), SendTime.at(LocalDateTime.parse("2025-01-15T09:00"), BERLIN).resolve(clock));
    }

    @Test
    void addingDaysToALocalTimeKeepsTheWallClockTime() {
        SendTime next = SendTime.at(LocalDateTime.parse("2025-03-29T09:00"), BERLIN).plus(Period.ofDays(1));
        assertEquals(Instant.parse("2025-03-30T07:00:00Z"), next.resolve(clock));
    }

    @Test
    void nowIsTheClocksInstant() {
        assertEquals(clock.instant(), SendTime.now().resolve(clock));
    }
}
