package dev.herald.syndication.slack;

import dev.herald.internal.TextFit;

/** Slack's mrkdwn: escaping of plain text and the section's 3,000-character limit. */
final class SlackText {
    /** A section block's {@code text} limit. */
    static final int SECTION = 3000;
    /** An image's {@code alt_text} limit. */
    static final int ALT = 2000;

    private SlackText() {}

    /**
     * {@code text} escaped for mrkdwn: only {@code &}, {@code <} and {@code >}, as Slack asks, so a
     * headline cannot open a link or a {@code <!channel>} mention. {@code *bold*} and the like stay
     * as written: inside the bold headline they are harmless, and Slack offers no escape for them.
     */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A URL inside {@code <url|label>}: escaped like text, and a {@code |} percent-encoded so it cannot end the URL. */
    static String url(String url) {
        return escape(url).replace("|", "%7C");
    }

    /** {@code plain} shortened until its escaped form is at most {@code budget} long, then escaped. */
    static String fitEscaped(String plain, int budget) {
        if (plain == null || plain.isBlank() || budget <= 0) return "";
        return escape(TextFit.fit(plain.strip(), budget, s -> escape(s).length()));
    }
}
