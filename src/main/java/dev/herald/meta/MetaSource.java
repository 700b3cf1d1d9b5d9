package dev.herald.meta;

/**
 * Where a metadata value came from, in precedence order: an earlier constant wins over a later one
 * when both supply the same field.
 */
public enum MetaSource {
    /** Set by application code on the request. */
    APPLICATION,
    /** Declared with the {@code <herald:meta>} tag. */
    TAGLIB,
    /** Tags the page already carries (Open Graph, X Card, JSON-LD, canonical link, meta description). */
    PAGE,
    /** Inferred from the page's content (headline, first paragraph, first large image, byline...). */
    INFERRED,
    /** Site-wide defaults from configuration. */
    SITE_DEFAULT
}
