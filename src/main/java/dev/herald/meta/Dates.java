package dev.herald.meta;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Reads the date formats publishers put into tags and {@code datetime} attributes. */
final class Dates {
    private static final Pattern SPACE_SEPARATOR = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (\\d)");
    private static final Pattern OFFSET_NO_COLON = Pattern.compile("([+-]\\d{2})(\\d{2})$");
    private static final Pattern DIGITS = Pattern.compile("\\d{10}(\\d{3})?");

    private Dates() {}

    /**
     * {@code s} as a point in time, or null when it is not one Herald understands. ISO-8601 with or
     * without offset (UTC assumed without), a bare date (midnight UTC), RFC 1123, and Unix seconds or
     * milliseconds are accepted.
     */
    static OffsetDateTime parse(String s) {
        if (s == null) return null;
        String t = s.strip();
        if (t.isEmpty() || t.length() > 64) return null;
        try {
            if (DIGITS.matcher(t).matches()) {
                long v = Long.parseLong(t);
                return plausible(OffsetDateTime.ofInstant(t.length() == 13 ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v), ZoneOffset.UTC));
            }
            if (Character.isDigit(t.charAt(0))) {
                String iso = SPACE_SEPARATOR.matcher(t).replaceFirst("$1T$2").replace(" ", "");
                iso = OFFSET_NO_COLON.matcher(iso).replaceFirst("$1:$2");
                if (iso.endsWith("z")) iso = iso.substring(0, iso.length() - 1) + "Z";
                try {
                    return plausible(OffsetDateTime.parse(iso));
                } catch (DateTimeParseException e) {
                    // fall through to the offset-less forms
                }
                try {
                    return plausible(LocalDateTime.parse(iso).atOffset(ZoneOffset.UTC));
                } catch (DateTimeParseException e) {
                    // fall through
                }
                if (iso.length() >= 10) return plausible(LocalDate.parse(iso.substring(0, 10)).atStartOfDay().atOffset(ZoneOffset.UTC));
                return null;
            }
            return plausible(OffsetDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME));
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }

    private static OffsetDateTime plausible(OffsetDateTime t) {
        return t.getYear() >= 1900 && t.getYear() <= 2200 ? t : null;
    }
}
