package dev.herald.syndication;

import dev.herald.internal.Graphemes;
import dev.herald.internal.Utf8;
import dev.herald.internal.Validate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a network measures a post: the length limit in grapheme clusters (what readers see as
 * characters), an optional UTF-8 byte limit, and what a URL counts (Mastodon and X count every link
 * as 23 whatever its length; Bluesky counts it as written).
 *
 * @param maxLength the most grapheme clusters a post may have
 * @param maxBytes the most UTF-8 bytes, or {@link Integer#MAX_VALUE}
 * @param urlLength what each http(s) URL counts, or {@code -1} to count it as written
 * @param weigher what each grapheme cluster outside a URL counts ({@link Weigher#ONE} for most
 *     networks; X counts CJK and emoji as 2, Threads counts an emoji as its UTF-8 bytes)
 */
public record TextRules(int maxLength, int maxBytes, int urlLength, Weigher weigher) {
    /** Bluesky's {@code app.bsky.feed.post} limits: 300 graphemes and 3000 bytes, URLs as written. */
    public static final TextRules BLUESKY = new TextRules(300, 3000, -1);
    /** No limit: webhooks carry the whole text. */
    public static final TextRules UNLIMITED = new TextRules(Integer.MAX_VALUE, Integer.MAX_VALUE, -1);

    // Scheme, then up to whitespace; trailing sentence punctuation is not part of the link.
    private static final Pattern URL = Pattern.compile("(?<![\\w/@])https?://[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);
    private static final String TRAILING = ".,;:!?'\")]}…";

    /** What one grapheme cluster counts towards a network's limit. */
    @FunctionalInterface
    public interface Weigher {
        /** Every cluster counts one: what readers see as a character. */
        Weigher ONE = cluster -> 1;

        /** The weight of {@code cluster}, one user-perceived character; at least zero. */
        int weight(String cluster);
    }

    /** Requires positive limits; a missing weigher counts every cluster as one. */
    public TextRules {
        Validate.isTrue(maxLength > 0, "maxLength", "must be positive");
        Validate.isTrue(maxBytes > 0, "maxBytes", "must be positive");
        Validate.isTrue(urlLength >= -1, "urlLength", "must be -1 or more");
        weigher = weigher == null ? Weigher.ONE : weigher;
    }

    /** Rules that count every grapheme cluster as one. */
    public TextRules(int maxLength, int maxBytes, int urlLength) {
        this(maxLength, maxBytes, urlLength, Weigher.ONE);
    }

    /** Mastodon's rules as an instance reports them ({@code max_characters}, {@code characters_reserved_per_url}). */
    public static TextRules mastodon(int maxCharacters, int charactersReservedPerUrl) {
        return new TextRules(maxCharacters, Integer.MAX_VALUE, charactersReservedPerUrl);
    }

    /** The length the network compares with {@link #maxLength()}. */
    public int length(String text) {
        if (weigher != Weigher.ONE) return weighed(text);
        if (urlLength < 0) return Graphemes.count(text);
        StringBuilder rest = new StringBuilder(text.length());
        int last = 0;
        List<Span> links = links(text);
        for (Span link : links) {
            rest.append(text, last, link.start());
            last = link.end();
        }
        rest.append(text, last, text.length());
        return Graphemes.count(rest) + links.size() * urlLength;
    }

    private int weighed(String text) {
        int total = 0;
        int last = 0;
        List<Span> links = urlLength < 0 ? List.of() : links(text);
        for (Span link : links) {
            total += weighAll(text.substring(last, link.start())) + urlLength;
            last = link.end();
        }
        return total + weighAll(text.substring(last));
    }

    private int weighAll(String part) {
        int sum = 0;
        for (String cluster : Graphemes.split(part)) sum += weigher.weight(cluster);
        return sum;
    }

    /** The char ranges of the http(s) links in {@code text}, as a link extractor sees them (trailing punctuation left out). */
    public static List<Span> links(String text) {
        List<Span> out = new ArrayList<>();
        Matcher m = URL.matcher(text);
        while (m.find()) out.add(new Span(m.start(), m.start() + trimUrl(m.group()).length()));
        return out;
    }

    /** A char range {@code [start, end)} of a text. */
    public record Span(int start, int end) {}

    /** Whether {@code text} is within both limits. */
    public boolean fits(String text) {
        return length(text) <= maxLength && (maxBytes == Integer.MAX_VALUE || Utf8.length(text) <= maxBytes);
    }

    /** {@code url} without the trailing punctuation a link extractor leaves out. */
    static String trimUrl(String url) {
        int end = url.length();
        while (end > 0 && TRAILING.indexOf(url.charAt(end - 1)) >= 0) {
            if (url.charAt(end - 1) == ')' && url.lastIndexOf('(', end - 1) > url.indexOf("://")) break;
            end--;
        }
        return url.substring(0, end);
    }
}
