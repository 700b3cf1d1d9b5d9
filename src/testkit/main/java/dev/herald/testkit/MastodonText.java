package dev.herald.testkit;

import dev.herald.internal.Graphemes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mastodon's text rules as the fake applies them: length as {@code StatusLengthValidator} counts it
 * (grapheme clusters; every http(s) URL counts {@code characters_reserved_per_url}; a remote mention
 * {@code @user@domain} counts as {@code @user}; the content warning counts too), and the HTML
 * {@code content} the server renders (paragraphs, line breaks, linked URLs and hashtags).
 *
 * <p>URL detection approximates twitter-text's extractor, which Mastodon uses: a scheme, then
 * everything up to whitespace, minus trailing punctuation (and a closing parenthesis with no opening
 * one inside the URL).
 */
final class MastodonText {
    private static final Pattern URL = Pattern.compile("(?<![\\w/@])https?://[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern REMOTE_MENTION = Pattern.compile("(?<![\\w/])@(\\w+)@[\\w.-]+\\w");
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\w/&])#(\\w*[\\p{L}_]\\w*)", Pattern.UNICODE_CHARACTER_CLASS);

    private MastodonText() {}

    /** The length Mastodon compares with {@code max_characters}. */
    static int length(String text, String spoilerText, int urlWeight) {
        String countable = REMOTE_MENTION.matcher(text).replaceAll("@$1");
        Matcher m = URL.matcher(countable);
        StringBuilder out = new StringBuilder();
        int last = 0;
        int urls = 0;
        while (m.find()) {
            int end = m.start() + trimmedUrl(m.group()).length();
            out.append(countable, last, m.start());
            urls++;
            last = end;
        }
        out.append(countable, last, countable.length());
        return Graphemes.count(out) + urls * urlWeight + Graphemes.count(spoilerText);
    }

    /** The hashtags in {@code text}, lower-cased, in order, without repeats. */
    static List<String> hashtags(String text) {
        List<String> tags = new ArrayList<>();
        Matcher m = HASHTAG.matcher(text);
        while (m.find()) {
            String tag = m.group(1).toLowerCase(Locale.ROOT);
            if (!tags.contains(tag)) tags.add(tag);
        }
        return tags;
    }

    /** The HTML Mastodon would store as {@code content}: escaped, paragraphs, {@code <br />}, links. */
    static String html(String text, String base) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.strip().split("\\n{2,}")) {
            if (paragraph.isBlank()) continue;
            out.append("<p>");
            String[] lines = paragraph.split("\\n");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) out.append("<br />");
                line(lines[i], base, out);
            }
            out.append("</p>");
        }
        return out.toString();
    }

    private static void line(String line, String base, StringBuilder out) {
        Matcher m = URL.matcher(line);
        int last = 0;
        while (m.find()) {
            String url = trimmedUrl(m.group());
            plain(line.substring(last, m.start()), base, out);
            link(url, out);
            last = m.start() + url.length();
        }
        plain(line.substring(last), base, out);
    }

    private static void link(String url, StringBuilder out) {
        int schemeEnd = url.indexOf("://") + 3;
        String scheme = url.substring(0, schemeEnd);
        String rest = url.substring(schemeEnd);
        String visible = rest.length() > 30 ? rest.substring(0, 30) : rest;
        String hidden = rest.substring(visible.length());
        out.append("<a href=\"").append(escape(url)).append("\" target=\"_blank\" rel=\"nofollow noopener\" translate=\"no\">")
                .append("<span class=\"invisible\">").append(escape(scheme)).append("</span>")
                .append("<span class=\"").append(hidden.isEmpty() ? "" : "ellipsis").append("\">").append(escape(visible)).append("</span>")
                .append("<span class=\"invisible\">").append(escape(hidden)).append("</span></a>");
    }

    private static void plain(String segment, String base, StringBuilder out) {
        Matcher m = HASHTAG.matcher(segment);
        int last = 0;
        while (m.find()) {
            out.append(escape(segment.substring(last, m.start())));
            String tag = m.group(1);
            out.append("<a href=\"").append(escape(base)).append("tags/").append(escape(tag.toLowerCase(Locale.ROOT)))
                    .append("\" class=\"mention hashtag\" rel=\"tag\">#<span>").append(escape(tag)).append("</span></a>");
            last = m.end();
        }
        out.append(escape(segment.substring(last)));
    }

    static String trimmedUrl(String url) {
        int end = url.length();
        while (end > 0) {
            char c = url.charAt(end - 1);
            if (".,:;!?'\"".indexOf(c) >= 0) {
                end--;
            } else if (c == ')' && url.lastIndexOf('(', end - 1) < 0) {
                end--;
            } else {
                break;
            }
        }
        return url.substring(0, end);
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': b.append("&amp;"); break;
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '"': b.append("&quot;"); break;
                case '\'': b.append("&#39;"); break;
                default: b.append(c);
            }
        }
        return b.toString();
    }
}
