package dev.herald.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Telegram's HTML parse mode as the Bot API parses it: only its own tags, every {@code <},
 * {@code >} and {@code &} outside a tag written as an entity, only the named entities {@code &lt;}
 * {@code &gt;} {@code &amp;} {@code &quot;} and numeric ones, tags properly nested. Errors read as
 * Telegram's ({@code can't parse entities: …}).
 */
final class TelegramHtml {
    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a",
            "tg-emoji", "code", "pre", "blockquote");

    /** The parsed text and its bold parts. */
    record Parsed(String text, List<String> bold) {}

    /** Thrown with Telegram's description of the mistake. */
    static final class ParseError extends Exception {
        ParseError(String message) {
            super(message);
        }
    }

    private TelegramHtml() {}

    static Parsed parse(String html) throws ParseError {
        StringBuilder text = new StringBuilder();
        List<String> bold = new ArrayList<>();
        Deque<String> open = new ArrayDeque<>();
        Deque<Integer> boldStarts = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i);
                if (end < 0) throw new ParseError("Unclosed start tag at byte offset " + offset(html, i));
                String inside = html.substring(i + 1, end).strip();
                boolean closing = inside.startsWith("/");
                String name = (closing ? inside.substring(1) : inside).split("[\\s=]", 2)[0].toLowerCase(Locale.ROOT);
                if (!TAGS.contains(name)) {
                    throw new ParseError("Unsupported " + (closing ? "end" : "start") + " tag \"" + name + "\" at byte offset " + offset(html, i));
                }
                if (closing) {
                    if (open.isEmpty() || !open.peek().equals(name)) {
                        throw new ParseError("Unmatched end tag at byte offset " + offset(html, i) + ", expected \"</" + (open.isEmpty() ? "" : open.peek())
                                + ">\", found \"</" + name + ">\"");
                    }
                    open.pop();
                    if (name.equals("b") || name.equals("strong")) bold.add(text.substring(boldStarts.pop()));
                } else {
                    open.push(name);
                    if (name.equals("b") || name.equals("strong")) boldStarts.push(text.length());
                }
                i = end + 1;
            } else if (c == '&') {
                int semi = html.indexOf(';', i);
                String entity = semi < 0 ? "" : html.substring(i + 1, semi);
                String decoded = decode(entity);
                if (decoded == null) throw new ParseError("Character entity expected at byte offset " + offset(html, i));
                text.append(decoded);
                i = semi + 1;
            } else if (c == '>') {
                // Telegram tolerates a bare '>' in practice, but its documentation asks for &gt;; be strict.
                throw new ParseError("Unexpected end of tag at byte offset " + offset(html, i));
            } else {
                text.append(c);
                i++;
            }
        }
        if (!open.isEmpty()) throw new ParseError("Can't find end tag corresponding to start tag \"" + open.peek() + "\"");
        return new Parsed(text.toString(), bold);
    }

    private static String decode(String entity) {
        switch (entity) {
            case "lt": return "<";
            case "gt": return ">";
            case "amp": return "&";
            case "quot": return "\"";
            default:
                try {
                    if (entity.startsWith("#x") || entity.startsWith("#X")) return Character.toString(Integer.parseInt(entity.substring(2), 16));
                    if (entity.startsWith("#")) return Character.toString(Integer.parseInt(entity.substring(1)));
                } catch (IllegalArgumentException e) {
                    return null;
                }
                return null;
        }
    }

    private static int offset(String html, int charIndex) {
        return html.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
    }
}
