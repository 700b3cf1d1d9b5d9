package dev.herald.meta;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
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

    private static final Map<String, Integer> MONTHS = months();
    private static final String MONTH = "([\\p{L}]{3,10})\\.?";
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(?<![\\d.])(\\d{1,2})(?:st|nd|rd|th|er|\\.)?\\s+(?:de\\s+)?" + MONTH + "\\s+(?:de\\s+)?(\\d{4})\\b");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
    private static final Pattern NUMERIC = Pattern.compile("(?<![\\d.:/])(\\d{1,2})([./])(\\d{1,2})\\2(\\d{4})\\b");
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");

    /**
     * The date printed in {@code text} ("9 March 2024", "Feb. 18, 2024", "23.01.2024", "6 mai 2024",
     * "03/12/2024"), as midnight UTC because printed dates rarely give a zone; null when there is none.
     * Month names are read in English, German, French, Spanish, Italian, Portuguese and Dutch;
     * {@code language} decides whether 03/12 is March (English) or December.
     */
    static OffsetDateTime parseText(String text, Locale language) {
        if (text == null || text.length() > 200) return null;
        String t = text.toLowerCase(Locale.ROOT);
        Matcher m = ISO_DATE.matcher(t);
        if (m.find()) return date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        m = DAY_MONTH_YEAR.matcher(t);
        while (m.find()) {
            Integer month = MONTHS.get(m.group(2));
            if (month != null) return date(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1)));
        }
        m = MONTH_DAY_YEAR.matcher(t);
        while (m.find()) {
            Integer month = MONTHS.get(m.group(1));
            if (month != null) return date(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(2)));
        }
        m = NUMERIC.matcher(t);
        if (m.find()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(3));
            int year = Integer.parseInt(m.group(4));
            boolean monthFirst = m.group(2).equals("/") && a <= 12
                    && (b > 12 || language == null || language.getLanguage().equals("en") && (language.getCountry().isEmpty() || language.getCountry().equals("US")));
            return monthFirst ? date(year, a, b) : date(year, b, a);
        }
        return null;
    }

    private static OffsetDateTime date(int year, int month, int day) {
        try {
            return plausible(LocalDate.of(year, month, day).atStartOfDay().atOffset(ZoneOffset.UTC));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static Map<String, Integer> months() {
        String[][] names = {
            {"january", "jan", "januar", "janvier", "janv", "enero", "gennaio", "janeiro", "januari", "jänner"},
            {"february", "feb", "februar", "février", "fevrier", "févr", "fevr", "febrero", "febbraio", "fevereiro", "februari"},
            {"march", "mar", "märz", "maerz", "mär", "mars", "marzo", "março", "marco", "maart", "mrt"},
            {"april", "apr", "avril", "avr", "abril", "aprile"},
            {"may", "mai", "mayo", "maggio", "maio", "mei"},
            {"june", "jun", "juni", "juin", "junio", "giugno", "junho"},
            {"july", "jul", "juli", "juillet", "juil", "julio", "luglio", "julho"},
            {"august", "aug", "août", "aout", "agosto", "augustus"},
            {"september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "setembro"},
            {"october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "outubro"},
            {"november", "nov", "novembre", "noviembre", "novembro"},
            {"december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dicembre", "dezembro"}};
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < names.length; i++) for (String n : names[i]) m.put(n, i + 1);
        return Map.copyOf(m);
    }

    private static OffsetDateTime plausible(OffsetDateTime t) {
        return t.getYear() >= 1900 && t.getYear() <= 2200 ? t : null;
    }
}
