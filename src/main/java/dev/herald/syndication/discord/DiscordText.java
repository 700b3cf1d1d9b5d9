package dev.herald.syndication.discord;

import dev.herald.internal.TextFit;
import dev.herald.syndication.TextRules;
import java.util.List;

/**
 * Discord's markdown and limits. Plain text is escaped with a backslash before every character
 * Discord's markdown gives meaning to, except inside links (a backslash would break them); every
 * limit is counted on the escaped text, in UTF-16 units (never fewer than Discord's characters),
 * and cuts fall between grapheme clusters.
 */
final class DiscordText {
    static final int CONTENT = 2000;
    static final int TITLE = 256;
    static final int DESCRIPTION = 4096;
    static final int AUTHOR = 256;
    static final int TOTAL = 6000;

    private static final String SPECIAL = "\\*_~`|>#-[]()<";

    private DiscordText() {}

    /** {@code text} with Discord's markdown characters escaped, links left as they are. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        int last = 0;
        for (TextRules.Span link : TextRules.links(text)) {
            escapeInto(out, text, last, link.start());
            out.append(text, link.start(), link.end());
            last = link.end();
        }
        escapeInto(out, text, last, text.length());
        return out.toString();
    }

    /** Like {@link #escape}, with every link in {@code <…>} so Discord shows no second preview of its own. */
    static String escapeQuietLinks(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        int last = 0;
        List<TextRules.Span> links = TextRules.links(text);
        for (TextRules.Span link : links) {
            escapeInto(out, text, last, link.start());
            out.append('<').append(text, link.start(), link.end()).append('>');
            last = link.end();
        }
        escapeInto(out, text, last, text.length());
        return out.toString();
    }

    private static void escapeInto(StringBuilder out, String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) out.append('\\');
            out.append(c);
        }
    }

    /** {@code plain} shortened (with an ellipsis) until its escaped form is at most {@code budget} long, then escaped. */
    static String fitEscaped(String plain, int budget) {
        if (plain == null || plain.isBlank() || budget <= 0) return "";
        // TextFit measures cluster by cluster, escaped: an upper bound, since a link in the whole cut is
        // left unescaped, so the escaped cut never exceeds the budget.
        return escape(TextFit.fit(plain, budget, s -> escape(s).length()));
    }
}
