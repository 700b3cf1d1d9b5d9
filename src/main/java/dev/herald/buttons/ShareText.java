package dev.herald.buttons;

import dev.herald.internal.Graphemes;
import dev.herald.internal.TextFit;
import java.util.List;
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

    private ShareText() {}

    /** Splits {@code s} into user-perceived characters (grapheme clusters), keeping emoji sequences whole. */
    static List<String> graphemes(String s) {
        return Graphemes.split(s);
    }

    /** The number of grapheme clusters, which is how Bluesky counts its 300-character limit. */
    static int graphemeCount(String s) {
        // Fast path for the common case: below U+0300 there are no combining marks or surrogates,
        // so every char is its own grapheme (CR LF aside, which no headline or URL contains).
        if (allBelow(s, 0x0300)) return s.length();
        return Graphemes.count(s);
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

    /** Shortens {@code text} to {@code budget} as {@link TextFit#fit} does. */
    static String fit(String text, int budget, ToIntFunction<String> measure) {
        return TextFit.fit(text, budget, measure);
    }
}
