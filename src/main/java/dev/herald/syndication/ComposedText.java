package dev.herald.syndication;

import java.util.List;

/**
 * The text of one post as a network will count it.
 *
 * @param text what is sent
 * @param length its length by the network's rules
 * @param limit the network's limit ({@link Integer#MAX_VALUE} when it has none)
 * @param fits whether {@code text} is within the limits; {@code false} only when even the link and a
 *     one-character headline are too long
 * @param adjustments what was shortened or dropped to make it fit, in order ("summary shortened",
 *     "hashtag #Iran dropped"); empty when the full message fitted
 */
public record ComposedText(String text, int length, int limit, boolean fits, List<String> adjustments) {
    /** Copies the list. */
    public ComposedText {
        adjustments = List.copyOf(adjustments);
    }

    /** Whether anything was shortened or dropped. */
    public boolean shortened() {
        return !adjustments.isEmpty();
    }
}
