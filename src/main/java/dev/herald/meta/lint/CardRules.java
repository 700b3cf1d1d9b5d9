package dev.herald.meta.lint;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one network does with a link card, as far as the lint needs it. A zero means the network
 * has no such rule (or none we could confirm).
 *
 * <p>Sources: X's Cards markup reference (title 70, description 200; {@code summary_large_image}
 * at least 300x157, 2:1); Meta's "Images in link shares" (at least 600x315 for a large image,
 * 1200x630 recommended, 1.91:1); LinkedIn's API limits (article title under 400, description under
 * 4086: Herald cuts there) and its 1200x627 recommendation; Discord's embed limits (title 256,
 * description 4096). Facebook's title and description cuts (88, 300) and LinkedIn's small-thumbnail
 * width (under 401) are observed, not documented.
 *
 * @param id the network's id, as Herald's network registry names it
 * @param name the network's name for messages
 * @param title grapheme clusters of the title the card shows before cutting it
 * @param description grapheme clusters of the description the card shows before cutting it
 * @param largeWidth the narrowest image shown as a large card
 * @param largeHeight the lowest image shown as a large card
 * @param goodWidth the recommended image width
 * @param goodHeight the recommended image height
 * @param ratio the large card's width / height; images of another shape are cropped to it
 */
record CardRules(String id, String name, int title, int description, int largeWidth, int largeHeight,
        int goodWidth, int goodHeight, double ratio) {
    static final CardRules X = new CardRules("x", "X", 70, 200, 300, 157, 0, 0, 2.0);
    static final CardRules FACEBOOK = new CardRules("facebook", "Facebook", 88, 300, 600, 315, 1200, 630, 1.91);
    static final CardRules LINKEDIN = new CardRules("linkedin", "LinkedIn", 399, 4085, 401, 0, 1200, 627, 1.91);
    static final CardRules DISCORD = new CardRules("discord", "Discord", 256, 4096, 0, 0, 0, 0, 0);

    /** The networks with card rules, in the order messages name them. */
    static final List<CardRules> ALL = List.of(X, FACEBOOK, LINKEDIN, DISCORD);

    /**
     * The networks that show a link card (picture, title, summary) for a shared URL or a post's
     * link; webhooks and WebSub hubs show nothing.
     */
    static final Set<String> CARD_NETWORKS = orderedSet("x", "facebook", "linkedin", "mastodon", "bluesky", "threads",
            "telegram", "discord", "slack");

    /** A set that keeps the order the ids are given in, which is the order messages name them. */
    static Set<String> orderedSet(String... ids) {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(List.of(ids)));
    }
}
