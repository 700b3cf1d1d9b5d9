package dev.herald.meta.lint;

import java.util.Locale;

/**
 * What a {@link LintFinding} is about. The names and {@link #id()}s are stable: tools may match on
 * them, and {@code docs/lint.md} explains each.
 */
public enum LintCode {
    /** The page does not answer 200, so networks fetch no card (or the card of another page). */
    PAGE_NOT_OK,
    /** The page has no title a card or a post can show. */
    TITLE_MISSING,
    /** The title is longer than a network shows in its card. */
    TITLE_TOO_LONG,
    /** The page has no description, so cards show no summary and composed posts have none. */
    DESCRIPTION_MISSING,
    /** The description is longer than a network shows in its card. */
    DESCRIPTION_TOO_LONG,
    /** The page has no preview image. */
    IMAGE_MISSING,
    /** The image URL is plain http. */
    IMAGE_NOT_HTTPS,
    /** Neither the page nor a measurement gives the image's size. */
    IMAGE_SIZE_UNKNOWN,
    /** The image is below a network's minimum for a large card. */
    IMAGE_TOO_SMALL,
    /** The image is large enough for a large card, but below a network's recommended size. */
    IMAGE_LOW_RESOLUTION,
    /** The image's shape is far from the card's, so the network crops much of it away. */
    IMAGE_ASPECT_RATIO,
    /** An account's post text is over its network's limit even at its shortest. */
    TEXT_TOO_LONG,
    /** An account's post text had to be shortened to fit its network's limit. */
    TEXT_CUT;

    /** The code in lower case with hyphens, such as {@code image-too-small}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
