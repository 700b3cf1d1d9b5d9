package dev.herald.buttons;

import dev.herald.meta.ArticleMeta;

/**
 * Renders the share-button bar for an article as an HTML fragment.
 *
 * <p>The fragment's root element carries the attribute {@code data-herald-buttons}, which is how the
 * page transformer recognises a bar that is already on the page (rendered by the taglib, say) and
 * never adds a second one.
 */
@FunctionalInterface
public interface ButtonRenderer {
    /** The attribute on the root element of every rendered bar. */
    String MARKER_ATTRIBUTE = "data-herald-buttons";

    /** Returns the bar's HTML for {@code meta}, every value escaped; empty when nothing can be shared. */
    String render(ArticleMeta meta);
}
