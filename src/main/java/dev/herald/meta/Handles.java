package dev.herald.meta;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads X handles as pages write them: {@code @name}, {@code name}, or a profile URL. */
final class Handles {
    private static final Pattern URL = Pattern.compile("^https?://(?:www\\.|mobile\\.)?(?:twitter|x)\\.com/@?([A-Za-z0-9_]{1,15})/?(?:[?#].*)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLE = Pattern.compile("@?([A-Za-z0-9_]{1,15})");

    private Handles() {}

    /** The handle with its leading {@code @}, or null when {@code s} is not one. */
    static String parse(String s) {
        if (s == null) return null;
        String t = s.strip();
        Matcher u = URL.matcher(t);
        if (u.matches()) return "@" + u.group(1);
        Matcher h = HANDLE.matcher(t);
        return h.matches() ? "@" + h.group(1) : null;
    }
}
