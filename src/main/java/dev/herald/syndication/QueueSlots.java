package dev.herald.syndication;

import dev.herald.internal.Validate;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An account's posting schedule in the manner of Buffer: the days and wall-clock times at which it
 * posts, in its time zone. "Share next" puts a share into the first of these slots that is still free.
 * Slot times follow the daylight-saving rule of every send time (a gap shifts forward, an overlap
 * takes the earlier offset), so each slot happens exactly once.
 *
 * @param days the days of the week with slots
 * @param times the wall-clock times of the slots on each of those days
 * @param zone the account's time zone
 */
public record QueueSlots(Set<DayOfWeek> days, List<LocalTime> times, ZoneId zone) {
    /** How far ahead "share next" looks for a free slot. */
    public static final int HORIZON_DAYS = 366;

    private static final Map<String, DayOfWeek> DAY_NAMES = Map.of(
            "mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY, "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY,
            "fri", DayOfWeek.FRIDAY, "sat", DayOfWeek.SATURDAY, "sun", DayOfWeek.SUNDAY);

    /** Requires at least one day and one time; sorts the times and drops repeats. */
    public QueueSlots {
        Validate.notNull(days, "days");
        Validate.isTrue(!days.isEmpty(), "days", "must name at least one day");
        days = Set.copyOf(EnumSet.copyOf(days));
        Validate.notNull(times, "times");
        Validate.isTrue(!times.isEmpty(), "times", "must name at least one time");
        times = List.copyOf(new TreeSet<>(times));
        Validate.notNull(zone, "zone");
    }

    /**
     * Parses a schedule such as {@code "Mon-Fri 09:00,13:00 Europe/Berlin"} or
     * {@code "Sat,Sun 10:30 UTC"}: days (ranges or lists of three-letter English names), times
     * (24-hour, comma-separated) and a time-zone id, separated by spaces.
     */
    public static QueueSlots parse(String spec) {
        Validate.notBlank(spec, "slots");
        String[] parts = spec.trim().split("\\s+");
        if (parts.length != 3) {
            throw new IllegalArgumentException("slots must look like \"Mon-Fri 09:00,13:00 Europe/Berlin\": " + Validate.abbreviate(spec));
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String item : parts[0].split(",")) {
            String[] range = item.split("-", -1);
            DayOfWeek from = day(range[0], spec);
            DayOfWeek to = range.length == 2 ? day(range[1], spec) : from;
            if (range.length > 2) throw new IllegalArgumentException("slots has a bad day range '" + item + "': " + Validate.abbreviate(spec));
            for (DayOfWeek d = from; ; d = d.plus(1)) {
                days.add(d);
                if (d == to) break;
            }
        }
        List<LocalTime> times = new ArrayList<>();
        for (String t : parts[1].split(",")) {
            try {
                times.add(LocalTime.parse(t));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("slots has a bad time '" + t + "' (use HH:mm): " + Validate.abbreviate(spec), e);
            }
        }
        try {
            return new QueueSlots(days, times, ZoneId.of(parts[2]));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("slots has an unknown time zone '" + parts[2] + "': " + Validate.abbreviate(spec), e);
        }
    }

    private static DayOfWeek day(String name, String spec) {
        DayOfWeek d = DAY_NAMES.get(name.toLowerCase(Locale.ROOT));
        if (d == null) throw new IllegalArgumentException("slots has an unknown day '" + name + "' (use Mon..Sun): " + Validate.abbreviate(spec));
        return d;
    }

    /** The slot instants strictly after {@code after}, in order, up to {@link #HORIZON_DAYS} days ahead. */
    public List<Instant> after(Instant after) {
        Validate.notNull(after, "after");
        List<Instant> out = new ArrayList<>();
        LocalDate day = after.atZone(zone).toLocalDate();
        for (int i = 0; i <= HORIZON_DAYS; i++, day = day.plusDays(1)) {
            if (!days.contains(day.getDayOfWeek())) continue;
            for (LocalTime t : times) {
                // The rule every send time follows: a gap shifts forward by its length, an overlap takes the earlier offset.
                Instant slot = java.time.ZonedDateTime.ofLocal(day.atTime(t), zone, null).toInstant();
                if (slot.isAfter(after) && (out.isEmpty() || slot.isAfter(out.get(out.size() - 1)))) out.add(slot);
            }
        }
        return out;
    }
}
