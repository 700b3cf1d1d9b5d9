package dev.herald.meta;

import java.util.IllformedLocaleException;
import java.util.Locale;

/** Reads language tags as pages write them ({@code en-GB}, {@code en_GB}, {@code EN}). */
final class Locales {
    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");
    private Locales() {}

    /** The locale for {@code tag}, or null when it is not a well-formed language tag. */
    static Locale parse(String tag) {
        if (tag == null) return null;
        String t = tag.strip().replace('_', '-');
        int comma = t.indexOf(',');
        if (comma > 0) t = t.substring(0, comma).strip();
        if (t.isEmpty() || t.length() > 35 || !TAG.matcher(t).matches()) return null;
        try {
            Locale l = new Locale.Builder().setLanguageTag(t).build();
            return l.getLanguage().isEmpty() ? null : l;
        } catch (IllformedLocaleException e) {
            return null;
        }
    }
}
