package dev.herald.meta;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads language tags as pages write them ({@code en-GB}, {@code en_GB}, {@code EN}). */
final class Locales {
    private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

    private Locales() {}

    /** The locale for {@code tag}, or null when it is not a well-formed language tag. */
    static Locale parse(String tag) {
        if (tag == null) return null;
        String t = tag.strip().replace('_', '-');
        int comma = t.indexOf(',');
        if (comma > 0) t = t.substring(0, comma).strip();
        // The common shapes ("en", "en-GB") without Locale.Builder, which is slow.
        if ((t.length() == 2 || t.length() == 5 && t.charAt(2) == '-') && letters(t, 0, 2) && (t.length() == 2 || letters(t, 3, 5))) {
            String language = t.substring(0, 2).toLowerCase(Locale.ROOT);
            return t.length() == 2 ? new Locale(language) : new Locale(language, t.substring(3).toUpperCase(Locale.ROOT));
        }
        if (t.isEmpty() || t.length() > 35 || !TAG.matcher(t).matches()) return null;
        try {
            Locale l = new Locale.Builder().setLanguageTag(t).build();
            return l.getLanguage().isEmpty() ? null : l;
        } catch (IllformedLocaleException e) {
            return null;
        }
    }

    private static boolean letters(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
        }
        return true;
    }
}
