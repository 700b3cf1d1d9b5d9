package dev.herald.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts and splits text into user-perceived characters (extended grapheme clusters), the unit
 * Bluesky's 300-character limit and Mastodon's 500-character limit are measured in.
 *
 * <p>Uses the regex {@code \X}, which in Java 17 follows Unicode's extended grapheme cluster rules
 * including emoji: a ZWJ family (👨‍👩‍👧‍👦), a flag (🇺🇸), a skin-tone modifier (👍🏽), a tag
 * sequence (🏴󠁧󠁢󠁳󠁣󠁴󠁿) and a combining mark (é as e + U+0301) each count as one. Java 17's
 * {@code BreakIterator.getCharacterInstance()} does not (it counts the ZWJ family as 7), which is
 * why this class does not use it. Known difference from JavaScript's {@code Intl.Segmenter} on ICU
 * 74+ (Unicode 15.1): Indic conjuncts such as क्षि are two clusters here and one there.
 */
public final class Graphemes {
    private static final Pattern CLUSTER = Pattern.compile("\\X");

    private Graphemes() {}

    /** Returns the number of grapheme clusters in {@code text}. */
    public static int count(CharSequence text) {
        Validate.notNull(text, "text");
        int n = text.length();
        boolean ascii = true;
        int crlf = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                ascii = false;
                break;
            }
            if (c == '\n' && i > 0 && text.charAt(i - 1) == '\r') crlf++;
        }
        // ASCII is one cluster per char except CR LF, which Unicode keeps together.
        if (ascii) return n - crlf;
        Matcher m = CLUSTER.matcher(text);
        int count = 0;
        while (m.find()) count++;
        return count;
    }

    /** Returns {@code text} split into grapheme clusters, in order. */
    public static List<String> split(CharSequence text) {
        Validate.notNull(text, "text");
        List<String> out = new ArrayList<>();
        Matcher m = CLUSTER.matcher(text);
        while (m.find()) out.add(m.group());
        return out;
    }

    /**
     * Returns the largest grapheme cluster boundary at or before char index {@code index} of
     * {@code text}: {@code index} itself when a cluster starts there, else the start of the cluster
     * it falls in (0 at the least, {@code text.length()} at the most).
     */
    public static int boundaryAtOrBefore(CharSequence text, int index) {
        Validate.notNull(text, "text");
        if (index <= 0) return 0;
        if (index >= text.length()) return text.length();
        Matcher m = CLUSTER.matcher(text);
        int boundary = 0;
        while (m.find() && m.end() <= index) boundary = m.end();
        return boundary;
    }
}
