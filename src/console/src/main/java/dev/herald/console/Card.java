package dev.herald.console;

import dev.herald.internal.Validate;
import java.util.List;

/**
 * One account's post as the console previews it: the text with its count by the network's rule,
 * and the link card drawn in that network's layout.
 *
 * @param account the account's name
 * @param network the account's network
 * @param layout how the network draws a link: {@code x}, {@code facebook}, {@code linkedin},
 *     {@code mastodon}, {@code bluesky}, {@code threads} or {@code plain}
 * @param text the post's text (the account's template, or the text a person wrote)
 * @param length the text's length as the network counts it
 * @param limit the network's limit, or {@link Integer#MAX_VALUE} when there is none
 * @param fits whether the text is within the limit
 * @param segments the text cut into plain runs and links (Bluesky's link facets)
 * @param title the card's title
 * @param description the card's description, or {@code ""}
 * @param image the card image's URL, or {@code null}
 * @param domain the article's host, as cards show it
 * @param edited whether the text was written by a person rather than composed
 */
public record Card(String account, String network, String layout, String text, int length, int limit, boolean fits,
        List<Segment> segments, String title, String description, String image, String domain, boolean edited) {

    /** A run of the text: a link (a facet on Bluesky) or plain text. */
    public record Segment(String text, boolean link) {}

    /** Requires the names and the text. */
    public Card {
        Validate.notBlank(account, "account");
        Validate.notBlank(network, "network");
        Validate.notNull(text, "text");
        segments = List.copyOf(segments);
    }

    /** Whether the network has a limit at all. */
    public boolean limited() {
        return limit != Integer.MAX_VALUE;
    }

    /** "123 / 300" or "123" without a limit. */
    public String count() {
        return limited() ? length + " / " + limit : String.valueOf(length);
    }
}
