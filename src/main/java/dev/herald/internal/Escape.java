package dev.herald.internal;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Escaping for the contexts Herald writes into: HTML attribute values and text, and JSON inside a
 * {@code <script>} element. Characters the page's charset cannot hold become numeric character
 * references in HTML and {@code \\uXXXX} escapes in JSON, so inserted bytes never need a different
 * charset than the page's own.
 */
public final class Escape {
    private static final java.util.regex.Pattern LONE_SURROGATE =
            java.util.regex.Pattern.compile("[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]");
    private Escape() {}

    /**
     * Escapes {@code value} for an HTML attribute value (quoted with either quote) or text:
     * {@code & < > " '} become references, line breaks and tabs become spaces, other control characters
     * are dropped, and characters {@code charset} cannot encode become {@code &#x...;}.
     */
    public static String html(String value, Charset charset) {
        StringBuilder sb = new StringBuilder(value.length() + 16);
        appendHtml(sb, value, charset);
        return sb.toString();
    }

    /**
     * Escapes {@code value} for UTF-8 HTML text inside {@code <pre>}: like {@link #html(String, Charset)},
     * but line breaks are kept.
     */
    public static String preformatted(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 16);
        String[] lines = value.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) sb.append('\n');
            appendHtml(sb, lines[i], java.nio.charset.StandardCharsets.UTF_8);
        }
        return sb.toString();
    }

    /** Appends {@link #html(String, Charset)} of {@code value} to {@code sb}. */
    public static void appendHtml(StringBuilder sb, String value, Charset charset) {
        CharsetEncoder enc = needsEncoderCheck(charset) ? charset.newEncoder() : null;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            int n = Character.charCount(cp);
            switch (cp) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case '\t', '\n', '\r', '\f' -> sb.append(' ');
                default -> {
                    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) break;
                    appendEncodable(sb, value, i, cp, enc);
                }
            }
            i += n;
        }
    }

    /**
     * Makes serialised JSON safe inside {@code <script>}: {@code < > &}, U+2028 and U+2029, and every
     * character {@code charset} cannot encode become {@code \\uXXXX}. Outside strings JSON holds none
     * of these characters, so the result is the same JSON value.
     */
    public static String jsonInScript(String json, Charset charset) {
        CharsetEncoder enc = needsEncoderCheck(charset) ? charset.newEncoder() : null;
        StringBuilder sb = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            boolean escape = c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029'
                    || (c >= 0x80 && (Character.isSurrogate(c) ? enc != null || !validPair(json, i) : enc != null && !enc.canEncode(c)));
            if (escape) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.toString();
    }

    /**
     * Replaces characters {@code charset} cannot encode in an HTML fragment with numeric character
     * references; the fragment's markup is otherwise kept as it is.
     */
    public static String fragment(String html, Charset charset) {
        if (!needsEncoderCheck(charset)) return LONE_SURROGATE.matcher(html).replaceAll("\uFFFD");
        CharsetEncoder enc = charset.newEncoder();
        StringBuilder sb = new StringBuilder(html.length() + 16);
        for (int i = 0; i < html.length(); ) {
            int cp = html.codePointAt(i);
            int n = Character.charCount(cp);
            appendEncodable(sb, html, i, cp, enc);
            i += n;
        }
        return sb.toString();
    }

    /**
     * The character {@code cp} at {@code s[i]} as itself when {@code enc} can write it ({@code null}:
     * no check needed), else as a character reference; a lone surrogate, which no charset can write,
     * as U+FFFD by the same rule (ISO-8859-1 and windows-1252 have no U+FFFD: they get its reference).
     */
    private static void appendEncodable(StringBuilder sb, String s, int i, int cp, CharsetEncoder enc) {
        boolean lone = cp >= 0xD800 && cp <= 0xDFFF;
        int out = lone ? 0xFFFD : cp;
        boolean writable = out < 0x80 || enc == null || (lone ? enc.canEncode('\uFFFD') : enc.canEncode(s.substring(i, i + Character.charCount(cp))));
        if (writable) sb.appendCodePoint(out);
        else sb.append("&#x").append(Integer.toHexString(out).toUpperCase(java.util.Locale.ROOT)).append(';');
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private static boolean needsEncoderCheck(Charset charset) {
        String n = charset.name();
        return !(charset.equals(StandardCharsets.UTF_8) || n.startsWith("UTF-16") || n.startsWith("UTF-32") || n.equals("GB18030"));
    }
}
