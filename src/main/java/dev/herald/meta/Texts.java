package dev.herald.meta;

import dev.herald.internal.Graphemes;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/** Text clean-up shared by the page readers: whitespace, stray entities, length limits. */
final class Texts {
    private static final Pattern ENTITY = Pattern.compile("&(#\\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});");

    private Texts() {}

    /**
     * Normalises {@code s} for use as a value: entities a publisher escaped twice are unescaped,
     * every run of whitespace (including no-break spaces and control characters) becomes one space,
     * invisible break hints (zero-width space, soft hyphen, a stray byte-order mark) are dropped, and
     * the result is stripped; blank becomes null. Joiners (U+200D, which makes 👩‍👩‍👧‍👦 one
     * family, and U+200C, which Persian spelling needs), variation selectors and emoji tag
     * characters are kept: they are part of what the text says.
     */
    static String clean(String s) {
        if (s == null) return null;
        if (isClean(s)) return s;
        if (s.indexOf('&') >= 0 && ENTITY.matcher(s).find()) s = Parser.unescapeEntities(s, false);
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u200B' || c == '\uFEFF' || c == '\u00AD') continue;
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                space = sb.length() > 0;
                continue;
            }
            if (space) { sb.append(' '); space = false; }
            sb.append(c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** Whether {@code s} is already clean: no entity, no odd space, no control character, single spaces inside. */
    private static boolean isClean(String s) {
        int n = s.length();
        if (n == 0 || s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') return false;
        char prev = 'x';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '&' || (c == ' ' && prev == ' ') || (c >= 0x7F && (c <= 0xA0 || c == '\u00AD' || Character.isSpaceChar(c)
                    || c == '\u200B' || c == '\uFEFF'))) return false;
            prev = c;
        }
        return true;
    }

    /**
     * Shortens {@code s} to at most {@code max} characters: at the end of a sentence when one ends in
     * the last part of the allowance, else at a word boundary (or, in a long word, a grapheme cluster
     * boundary: never inside an emoji or before a combining mark) followed by an ellipsis.
     */
    static String truncate(String s, int max) {
        if (s == null || s.length() <= max) return s;
        int sentence = -1;
        for (int i = max - 1; i >= max * 3 / 5; i--) {
            char c = s.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && i + 1 < s.length() && s.charAt(i + 1) == ' ') { sentence = i + 1; break; }
        }
        if (sentence > 0) return s.substring(0, sentence);
        int cut = max - 1;
        while (cut > max / 2 && !Character.isWhitespace(s.charAt(cut))) cut--;
        if (cut <= max / 2) cut = Graphemes.boundaryAtOrBefore(s, max - 1);
        String head = s.substring(0, cut).stripTrailing();
        while (!head.isEmpty() && ",;:-–—(".indexOf(head.charAt(head.length() - 1)) >= 0) head = head.substring(0, head.length() - 1).stripTrailing();
        return head + "…";
    }

    /** Number of words (runs of non-space) in {@code s}. */
    static int words(String s) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean ws = s.charAt(i) == ' ';
            if (!ws && !in) n++;
            in = !ws;
        }
        return n;
    }
}
