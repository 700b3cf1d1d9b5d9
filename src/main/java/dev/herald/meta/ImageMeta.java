package dev.herald.meta;

import dev.herald.internal.Validate;
import java.net.URI;

/**
 * An image that represents an article in a link preview.
 *
 * @param url absolute http(s) URL of the image
 * @param width width in pixels, or {@code null} when unknown
 * @param height height in pixels, or {@code null} when unknown
 * @param alt text describing the image for readers who cannot see it, or {@code null}
 * @param type MIME type such as {@code image/jpeg}, or {@code null} when unknown
 */
public record ImageMeta(URI url, Integer width, Integer height, String alt, String type) {
    /** Validates the URL and that any dimension given is positive. */
    public ImageMeta {
        Validate.httpUrl(url, "image url");
        Validate.isTrue(width == null || width > 0, "image width", "must be positive");
        Validate.isTrue(height == null || height > 0, "image height", "must be positive");
        alt = ArticleMeta.blankToNull(alt);
        type = ArticleMeta.blankToNull(type);
    }

    /** An image known only by its URL. */
    public static ImageMeta of(URI url) {
        return new ImageMeta(url, null, null, null, null);
    }

    /** A copy with the given size. */
    public ImageMeta withSize(int width, int height) {
        return new ImageMeta(url, width, height, alt, type);
    }

    /** A copy with the given alt text. */
    public ImageMeta withAlt(String alt) {
        return new ImageMeta(url, width, height, alt, type);
    }

    /** A copy with the given MIME type. */
    public ImageMeta withType(String type) {
        return new ImageMeta(url, width, height, alt, type);
    }
}
