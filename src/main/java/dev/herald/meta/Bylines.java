package dev.herald.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns byline text ("By Jane Doe and John Roe | Updated 5 March") into author names. */
final class Bylines {
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\s:,–—-]+|[\\s:,–—-]+$");
    private static final Pattern NOT_A_NAME = Pattern.compile("\\b(updated|published|posted|minutes?|hours?|ago|read|share|comments?|follow|email|min)\\b");
    private static final Pattern PREFIX = Pattern.compile(
            "^(?i)(written\\s+by|posted\\s+by|reported\\s+by|story\\s+by|words\\s+by|text\\s+by|author:?|authors:?|by:?|von|par|por|di|door|av|af)\\s+");
    private static final Pattern SEPARATOR = Pattern.compile("\\s*(?:,|;|&|\\band\\b|\\bund\\b|\\bet\\b|\\by\\b|\\be\\b|\\ben\\b|\\boch\\b)\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern ROLE_SUFFIX = Pattern.compile("(?i)\\s*[,–—-]\\s*(staff|senior|chief|political|foreign|business|special|investigative)?\\s*(writer|reporter|correspondent|editor|contributor|columnist)\\b.*$");

    private Bylines() {}

    /** The names in {@code text}, in order, or an empty list when it does not look like a byline. */
    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        String t = Texts.clean(text);
        if (t == null || t.length() > 200) return out;
        int bar = indexOfAny(t, '|', '•', '·', '\n');
        if (bar > 0) t = t.substring(0, bar).strip();
        t = ROLE_SUFFIX.matcher(t).replaceFirst("");
        t = PREFIX.matcher(t).replaceFirst("");
        for (String part : SEPARATOR.split(t)) {
            String name = cleanName(part);
            if (name != null && !out.contains(name)) out.add(name);
        }
        return out;
    }

    /** {@code s} as a person's name, or null when it looks like something else (a date, a sentence, a handle). */
    static String cleanName(String s) {
        String n = Texts.clean(s);
        if (n == null) return null;
        n = PREFIX.matcher(n).replaceFirst("");
        n = EDGE_PUNCTUATION.matcher(n).replaceAll("");
        if (n.length() < 3 || n.length() > 60) return null;
        int words = Texts.words(n);
        if (words > 5) return null;
        String lower = n.toLowerCase(Locale.ROOT);
        for (int i = 0; i < n.length(); i++) if (Character.isDigit(n.charAt(i))) return null;
        if (n.indexOf('@') >= 0 || n.indexOf('/') >= 0 || n.indexOf('?') >= 0 || n.indexOf('!') >= 0) return null;
        if (NOT_A_NAME.matcher(lower).find()) return null;
        if (!Character.isLetter(n.codePointAt(0))) return null;
        return n;
    }

    private static int indexOfAny(String s, char... cs) {
        int best = -1;
        for (char c : cs) {
            int i = s.indexOf(c);
            if (i >= 0 && (best < 0 || i < best)) best = i;
        }
        return best;
    }
}
