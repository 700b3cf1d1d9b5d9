package dev.herald.console;

import dev.herald.internal.Validate;
import dev.herald.meta.ArticleMeta;
import dev.herald.meta.ImageSize;

/**
 * What the console learnt by fetching an article page: its metadata, resolved as the filter
 * resolves it, and the facts a link card depends on.
 *
 * @param meta the article's metadata
 * @param status the HTTP status the page answered with
 * @param imageSize the card image's measured size, or {@code null} when there is no image or it could not be read
 */
public record PageFacts(ArticleMeta meta, int status, ImageSize imageSize) {
    /** Requires the metadata. */
    public PageFacts {
        Validate.notNull(meta, "meta");
    }
}
