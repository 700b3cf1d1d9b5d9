package dev.herald.meta.lint;

import dev.herald.internal.Validate;
import dev.herald.meta.ImageSize;

/**
 * What was measured about a page besides its metadata, for {@link MetaLint}; either part may be
 * unknown ({@code null}), and then the lint says nothing about it.
 *
 * @param status the HTTP status the page's URL answered, or {@code null} when it was not asked
 * @param imageSize the preview image's size as read from the image itself, or {@code null}; it
 *     overrides the size the page declares ({@code og:image:width}/{@code height})
 */
public record PageFacts(Integer status, ImageSize imageSize) {
    /** Nothing measured. */
    public static final PageFacts UNKNOWN = new PageFacts(null, null);

    /** Requires a status, when given, to be an HTTP status code (100 to 599). */
    public PageFacts {
        Validate.isTrue(status == null || (status >= 100 && status <= 599), "status", "must be an HTTP status code (100 to 599)");
    }

    /** These facts with the page's status. */
    public PageFacts withStatus(int status) {
        return new PageFacts(status, imageSize);
    }

    /** These facts with the measured image size ({@code null}: unknown). */
    public PageFacts withImageSize(ImageSize size) {
        return new PageFacts(status, size);
    }
}
