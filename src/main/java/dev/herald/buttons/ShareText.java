package dev.herald.buttons;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * Measures and shortens the text of a share so that it fits each network's own counting rules,
 * cutting at a word boundary (or at least between user-perceived characters) and ending with an
 * ellipsis.
 */
final class ShareText {
    /** What X counts any link as, whatever its length. */
    static final int X_URL_WEIGHT = 23;
    /** What Mastodon counts any link as. */
    static final int MASTODON_URL_WEIGHT = 23;

    private static final String ELLIPSIS = "…";

    private ShareText() {}

    /** Splits {@code s} into user-perceived characters (grapheme clusters), keeping emoji sequences whole. */
    static List<String> graphemes(String s) {
        List<String> out = new ArrayList<>();
        if (s.isEmpty()) return out;
        BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
        it.setText(s);
        int start = 0;
        for (int end = it.next(); end != BreakIterator.DONE; end = it.next()) {
            if (end < s.length() && joinsPrevious(s, end)) continue;
            out.add(s.substring(start, end));
            start = end;
        }
        return out;
    }

    /**
     * Whether the code point at {@code i} belongs to the cluster before it even though Java 17's
     * BreakIterator (which predates the extended emoji rules) puts a boundary there: zero-width
     * joiners and what follows them, variation selectors, skin-tone modifiers, emoji tag characters
     * and the second of a pair of regional indicators (a flag).
     */
    private static boolean joinsPrevious(String s, int i) {
        int cp = s.codePointAt(i);
        int prev = s.codePointBefore(i);
        if (cp == 0x200D || prev == 0x200D) return true;
        if (cp >= 0xFE00 && cp <= 0xFE0F) return true;
        if (cp >= 0x1F3FB && cp <= 0x1F3FF) return true;
        if (cp >= 0xE0020 && cp <= 0xE007F) return true;
        if (isRegionalIndicator(cp) && isRegionalIndicator(prev)) {
            // Pairs of indicators make flags: join only the second of each pair.
            int count = 0;
            for (int j = i; j > 0 && isRegionalIndicator(s.codePointBefore(j)); j -= Character.charCount(s.codePointBefore(j))) {
                count++;
            }
            return count % 2 == 1;
        }
        return false;
    }

    private static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    /** The number of grapheme clusters, which is how Bluesky counts its 300-character limit. */
    static int graphemeCount(String s) {
        // Fast path for the common case: below U+0300 there are no combining marks or surrogates,
        // so every char is its own grapheme (CR LF aside, which no headline or URL contains).
        if (allBelow(s, 0x0300)) return s.length();
        return graphemes(s).size();
    }

    private static boolean allBelow(String s, int limit) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= limit) return false;
        return true;
    }

    /**
     * The weighted length X applies to its 280 limit: most Latin, Greek, Cyrillic and general
     * punctuation count 1, other characters (CJK, most symbols) 2, and an emoji sequence 2 however
     * many code points it has.
     */
    static int xWeight(String s) {
        if (allBelow(s, 0x1100)) return s.length(); // all weigh one, and none is part of an emoji
        int total = 0;
        for (String g : graphemes(s)) total += xGraphemeWeight(g);
        return total;
    }

    private static int xGraphemeWeight(String g) {
        int cp0 = g.codePointAt(0);
        if (isEmoji(g, cp0)) return 2;
        int w = 0;
        for (int i = 0; i < g.length(); ) {
            int cp = g.codePointAt(i);
            w += isLight(cp) ? 1 : 2;
            i += Character.charCount(cp);
        }
        return w;
    }

    private static boolean isEmoji(String g, int cp0) {
        return cp0 >= 0x1F000 || g.indexOf('\u200D') >= 0 || g.indexOf('\uFE0F') >= 0;
    }

    // twitter-text v3: code points in these ranges weigh 100 of 200 (i.e. count as one character).
    private static boolean isLight(int cp) {
        return cp <= 0x10FF || (cp >= 0x2000 && cp <= 0x200D) || (cp >= 0x2010 && cp <= 0x201F)
                || (cp >= 0x2032 && cp <= 0x2037);
    }

    /**
     * Returns {@code text} unchanged if {@code measure} says it fits {@code budget}; otherwise the
     * longest prefix that, with an ellipsis, fits — cut after a whole word when a word boundary lies
     * in the last third, else between grapheme clusters. Returns the empty string when not even an
     * ellipsis fits.
     */
    static String fit(String text, int budget, ToIntFunction<String> measure) {
        if (measure.applyAsInt(text) <= budget) return text;
        int ellipsis = measure.applyAsInt(ELLIPSIS);
        if (budget < ellipsis) return "";
        List<String> gs = graphemes(text);
        StringBuilder prefix = new StringBuilder();
        int used = 0;
        int lastSpace = -1;
        for (String g : gs) {
            int w = measure.applyAsInt(g);
            if (used + w + ellipsis > budget) break;
            if (g.isBlank()) lastSpace = prefix.length();
            prefix.append(g);
            used += w;
        }
        String cut = prefix.toString();
        if (lastSpace > 0 && lastSpace >= cut.length() * 2 / 3) cut = cut.substring(0, lastSpace);
        cut = cut.stripTrailing();
        // Do not leave dangling punctuation before the ellipsis ("Iran says, …").
        while (!cut.isEmpty() && ",;:-–—".indexOf(cut.charAt(cut.length() - 1)) >= 0) {
            cut = cut.substring(0, cut.length() - 1).stripTrailing();
        }
        return cut + ELLIPSIS;
    }
}
