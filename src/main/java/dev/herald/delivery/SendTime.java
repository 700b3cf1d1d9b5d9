package dev.herald.delivery;

import dev.herald.internal.Validate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * When to send a share: now, at an instant, or at a wall-clock time in a named time zone.
 *
 * <p><b>Daylight-saving rule.</b> A local time is turned into an instant once, when the share is
 * scheduled: a time that does not exist because clocks spring forward (02:30 on the last Sunday of
 * March in Europe/Berlin) is moved forward by the length of the gap (03:30 CEST, the time an
 * unadjusted clock would show); a time that occurs twice because clocks fall back (01:30 on the
 * first Sunday of November in America/New_York) means its first occurrence (01:30 EDT). Either way
 * the share is sent exactly once.
 */
public sealed interface SendTime {

    /** The instant this time means, given the current time from {@code clock}. */
    Instant resolve(Clock clock);

    /** The same time {@code period} later: a local time stays at the same wall-clock time across DST changes. */
    SendTime plus(Period period);

    /** As soon as possible. */
    static SendTime now() {
        return new Now();
    }

    /** At {@code instant}. */
    static SendTime at(Instant instant) {
        return new At(instant);
    }

    /** At wall-clock time {@code local} in {@code zone}, by the daylight-saving rule above. */
    static SendTime at(LocalDateTime local, ZoneId zone) {
        return new Local(local, zone);
    }

    /** The daylight-saving rule applied to one local time: the single instant it is sent at. */
    static Instant resolve(LocalDateTime local, ZoneId zone) {
        Validate.notNull(local, "local");
        Validate.notNull(zone, "zone");
        // ofLocal with no preferred offset: a gap shifts forward by its length, an overlap takes the earlier offset.
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }

    /** As soon as possible. */
    record Now() implements SendTime {
        @Override
        public Instant resolve(Clock clock) {
            return clock.instant();
        }

        @Override
        public SendTime plus(Period period) {
            throw new UnsupportedOperationException("resolve 'now' before adding a period");
        }
    }

    /** At an instant. */
    record At(Instant instant) implements SendTime {
        /** Requires the instant. */
        public At {
            Validate.notNull(instant, "instant");
        }

        @Override
        public Instant resolve(Clock clock) {
            return instant;
        }

        @Override
        public SendTime plus(Period period) {
            return new At(instant.atZone(ZoneOffset.UTC).plus(period).toInstant());
        }
    }

    /** At a wall-clock time in a time zone. */
    record Local(LocalDateTime local, ZoneId zone) implements SendTime {
        /** Requires both parts. */
        public Local {
            Validate.notNull(local, "local");
            Validate.notNull(zone, "zone");
        }

        @Override
        public Instant resolve(Clock clock) {
            return SendTime.resolve(local, zone);
        }

        @Override
        public SendTime plus(Period period) {
            return new Local(local.plus(period), zone);
        }
    }
}
