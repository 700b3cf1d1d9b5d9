package dev.herald.syndication.telegram;

import dev.herald.syndication.ComposedText;
import dev.herald.syndication.TextRules;

/**
 * Telegram's HTML parse mode: escaping of plain text and the message with its headline in bold.
 *
 * <p>Telegram counts its 4,096-character limit after entity parsing, that is on the text readers
 * see, in UTF-16 code units; tags and entities do not count. Herald's composer counts grapheme
 * clusters, which are never more than UTF-16 units, so a composed text is checked again in UTF-16
 * units and composed to a tighter limit when emoji push it over.
 */
final class TelegramText {
    /** Telegram's limit on a message's text after entity parsing, in UTF-16 code units. */
    static final int MAX_LENGTH = 4096;
    /** The limit as Herald's composer counts it (graphemes), before the UTF-16 check. */
    static final TextRules RULES = new TextRules(MAX_LENGTH, Integer.MAX_VALUE, -1);

    private TelegramText() {}

    /**
     * {@code text} escaped for HTML parse mode: every {@code <}, {@code >} and {@code &} becomes an
     * entity (the only three Telegram requires; {@code "} is left as written, outside attributes it
     * needs none).
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The HTML of a composed text: escaped, with its first paragraph in {@code <b>} when it is the
     * headline (the template starts with {@code {headline}} and the text was composed, not written).
     */
    static String html(ComposedText text, boolean boldFirstParagraph) {
        String plain = text.text();
        if (!boldFirstParagraph) return escape(plain);
        int end = plain.indexOf('\n');
        String first = end < 0 ? plain : plain.substring(0, end);
        if (first.isBlank()) return escape(plain);
        return "<b>" + escape(first) + "</b>" + escape(plain.substring(first.length()));
    }

    /** The length Telegram compares with {@link #MAX_LENGTH}: UTF-16 code units of the visible text. */
    static int length(String plain) {
        return plain.length();
    }
}
