package dev.herald.meta;

import dev.herald.internal.Validate;

/**
 * The pixel size and MIME type of an image file.
 *
 * @param width width in pixels, positive
 * @param height height in pixels, positive
 * @param mimeType the file's MIME type, such as {@code image/png}, or {@code null} when unknown
 */
public record ImageSize(int width, int height, String mimeType) {
    /** Requires positive dimensions. */
    public ImageSize {
        Validate.isTrue(width > 0, "width", "must be positive");
        Validate.isTrue(height > 0, "height", "must be positive");
        mimeType = ArticleMeta.blankToNull(mimeType);
    }

    /** {@code image} with this size, and this MIME type where the image has none. */
    public ImageMeta applyTo(ImageMeta image) {
        Validate.notNull(image, "image");
        ImageMeta sized = image.withSize(width, height);
        return sized.type() == null && mimeType != null ? sized.withType(mimeType) : sized;
    }
}
