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
            OffsetDateTime fast = fastIso(t);
            if (fast != null) return plausible(fast);
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

    /**
     * The common shapes, {@code yyyy-MM-ddTHH:mm[:ss[.fraction]](Z|±HH:MM|±HHMM)}, read without a
     * formatter (DateTimeFormatter parsing costs microseconds); null for anything else.
     */
    static OffsetDateTime fastIso(String t) {
        int n = t.length();
        if (n < 17 || t.charAt(4) != '-' || t.charAt(7) != '-' || (t.charAt(10) != 'T' && t.charAt(10) != ' ') || t.charAt(13) != ':') return null;
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        if ((year | month | day | hour | minute) < 0) return null;
        int p = 16;
        int second = 0;
        int nanos = 0;
        if (p < n && t.charAt(p) == ':') {
            second = digits(t, p + 1, 2);
            if (second < 0) return null;
            p += 3;
            if (p < n && (t.charAt(p) == '.' || t.charAt(p) == ',')) {
                int fs = ++p;
                while (p < n && Character.isDigit(t.charAt(p))) p++;
                if (p == fs || p - fs > 9) return null;
                nanos = Integer.parseInt(t.substring(fs, p)) * (int) Math.pow(10, 9 - (p - fs));
            }
        }
        if (p >= n) return null;
        ZoneOffset offset;
        char z = t.charAt(p);
        if ((z == 'Z' || z == 'z') && p + 1 == n) {
            offset = ZoneOffset.UTC;
        } else if ((z == '+' || z == '-') && (n - p == 6 && t.charAt(p + 3) == ':' || n - p == 5)) {
            int oh = digits(t, p + 1, 2);
            int om = digits(t, n - 2, 2);
            if (oh < 0 || om < 0 || oh > 18 || om > 59) return null;
            int total = oh * 3600 + om * 60;
            offset = ZoneOffset.ofTotalSeconds(z == '-' ? -total : total);
        } else {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int digits(String t, int from, int count) {
        if (from + count > t.length()) return -1;
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static OffsetDateTime plausible(OffsetDateTime t) {
        return t.getYear() >= 1900 && t.getYear() <= 2200 ? t : null;
    }
}
