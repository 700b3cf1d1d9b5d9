package dev.herald.syndication.internal;

import dev.herald.syndication.TextRules;
import java.text.Normalizer;

/**
 * X's weighted length, as twitter-text's v3 configuration defines it ({@code config/v3.json}):
 * the text is NFC-normalised; each code point in U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F and
 * U+2032–U+2037 weighs 1, every other code point 2 (CJK, most symbols); an emoji sequence (a ZWJ
 * family, a flag, a keycap, a skin tone) weighs 2 as a whole; every URL weighs 23 whatever its
 * length. A post may weigh 280.
 *
 * <p>The official {@code com.twitter.twittertext:twitter-text} library's last release on Maven
 * Central is 3.1.0 (2019), older than the emoji it would have to know, so the rules are applied
 * here from the published configuration.
 */
public final class XText {
    /** {@code maxWeightedTweetLength}. */
    public static final int MAX_WEIGHT = 280;
    /** {@code transformedURLLength}: every URL is a t.co link of this length. */
    public static final int URL_WEIGHT = 23;
    /** X's rules as {@link TextRules}: 280, URLs 23, clusters weighed by {@link #weight(String)}. */
    public static final TextRules RULES = new TextRules(MAX_WEIGHT, Integer.MAX_VALUE, URL_WEIGHT, XText::weight);

    // {start, end} of the ranges config/v3.json gives weight 100 (1 after scaling); the rest is 200.
    private static final int[][] LIGHT = {{0x0000, 0x10FF}, {0x2000, 0x200D}, {0x2010, 0x201F}, {0x2032, 0x2037}};

    private XText() {}

    /** The weighted length of {@code text}, URLs included. */
    public static int length(String text) {
        return RULES.length(text);
    }

    /** The weight of one grapheme cluster: 2 for an emoji sequence, else the sum of its NFC code points' weights. */
    public static int weight(String cluster) {
        String nfc = Normalizer.normalize(cluster, Normalizer.Form.NFC);
        if (isEmoji(nfc)) return 2;
        return nfc.codePoints().map(XText::codePointWeight).sum();
    }

    static int codePointWeight(int cp) {
        for (int[] r : LIGHT) if (cp >= r[0] && cp <= r[1]) return 1;
        return 2;
    }

    /**
     * Whether a cluster is an emoji as twitter-text's emoji pattern sees it (Threads counts the same clusters by their bytes): a pictograph, a regional
     * indicator pair, or any character turned into emoji by U+FE0F or a keycap (U+20E3). Java 17 has
     * no {@code Character.isEmoji}, hence the blocks.
     */
    public static boolean isEmoji(String cluster) {
        return cluster.codePoints().anyMatch(cp -> cp == 0xFE0F || cp == 0x20E3
                || (cp >= 0x1F000 && cp <= 0x1FAFF)
                || (cp >= 0x2600 && cp <= 0x27BF)
                || (cp >= 0x2300 && cp <= 0x23FF)
                || (cp >= 0x2B00 && cp <= 0x2BFF));
    }
}
