package dev.herald.cli;

import dev.herald.delivery.DeliveryClient;
import dev.herald.delivery.SendTime;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** How {@code schedule} and {@code queue reschedule} read {@code --at}, {@code --zone} and {@code --now}. */
final class SendTimes {
    private SendTimes() {}

    /**
     * The time {@code at} names: an instant with an offset, or with {@code zone} a local time there.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    static SendTime parse(String at, String zone) {
        if (zone == null) {
            try {
                return SendTime.at(OffsetDateTime.parse(at).toInstant());
            } catch (DateTimeParseException e) {
                try {
                    return SendTime.at(Instant.parse(at));
                } catch (DateTimeParseException e2) {
                    throw new IllegalArgumentException("--at '" + at + "' needs an offset (Z or +02:00), or give --zone for a local time");
                }
            }
        }
        ZoneId z = zone(zone);
        try {
            return SendTime.at(LocalDateTime.parse(at), z);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--at '" + at + "' is not a local time such as 2025-03-30T02:30");
        }
    }

    /** The time zone {@code zone} names. */
    static ZoneId zone(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--zone '" + zone + "' is not a time zone such as Europe/Berlin");
        }
    }

    /**
     * Refuses a time further in the past than the delivery API allows, pointing at {@code --now}.
     *
     * @throws IllegalArgumentException for a past time
     */
    static void notPast(SendTime when, Clock clock, ShareLines lines, String account) {
        Instant at = when.resolve(clock);
        Instant now = clock.instant();
        if (at.isBefore(now.minus(DeliveryClient.PAST_GRACE))) {
            throw new IllegalArgumentException("--at " + lines.time(at, account) + " is in the past (it is now "
                    + lines.time(now.truncatedTo(ChronoUnit.MINUTES), account) + "); give a later time, or --now to send at once");
        }
    }
}
