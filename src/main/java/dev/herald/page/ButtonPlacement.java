package dev.herald.page;

/**
 * Where the filter puts the share buttons when the page has no {@code <div data-herald-share>}
 * placeholder (a placeholder always wins). The first three combine: a long story may carry a bar
 * after its headline and another at its end.
 */
public enum ButtonPlacement {
    /** Right after the article's headline. */
    AFTER_HEADLINE,
    /**
     * After the story's opening: the standfirst, byline and dateline that follow the headline (right
     * after the headline when none does).
     */
    AFTER_STANDFIRST,
    /** At the end of the {@code <article>} element. */
    END_OF_ARTICLE,
    /** Only at a placeholder; never guessed. */
    PLACEHOLDER_ONLY,
    /** No buttons at all. */
    NONE
}
