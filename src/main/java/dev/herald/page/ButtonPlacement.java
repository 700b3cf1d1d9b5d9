package dev.herald.page;

/**
 * Where the filter puts the share buttons when the page has no {@code <div data-herald-share>}
 * placeholder (a placeholder always wins).
 */
public enum ButtonPlacement {
    /** Right after the article's headline. */
    AFTER_HEADLINE,
    /** At the end of the {@code <article>} element. */
    END_OF_ARTICLE,
    /** Only at a placeholder; never guessed. */
    PLACEHOLDER_ONLY,
    /** No buttons at all. */
    NONE
}
