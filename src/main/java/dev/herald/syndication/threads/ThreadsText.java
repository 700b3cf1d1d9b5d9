package dev.herald.syndication.threads;

import dev.herald.internal.Utf8;
import dev.herald.syndication.TextRules;
import dev.herald.syndication.internal.XText;

/**
 * How Threads counts a post: 500 characters, each emoji counting as its UTF-8 bytes (a 😀 is 4, a
 * ZWJ family 25), every other character one; links as written. Meta's text-post docs state the
 * emoji rule; the limit applies to {@code text} alone.
 */
final class ThreadsText {
    /** The most a post's text may count. */
    public static final int MAX = 500;
    /** Threads' rules as {@link TextRules}. */
    public static final TextRules RULES = new TextRules(MAX, Integer.MAX_VALUE, -1, ThreadsText::weight);

    private ThreadsText() {}

    /** What {@code text} counts. */
    public static int length(String text) {
        return RULES.length(text);
    }

    /** An emoji cluster's UTF-8 byte length; 1 for any other cluster. */
    public static int weight(String cluster) {
        return XText.isEmoji(cluster) ? Utf8.length(cluster) : 1;
    }
}
