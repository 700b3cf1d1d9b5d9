package dev.herald.syndication.internal;

import dev.herald.internal.Validate;
import dev.herald.syndication.HttpTransport;
import java.net.URI;
import java.util.Optional;

/**
 * A link card's image, fetched and fitted to Bluesky's thumbnail limits (JPEG or PNG of at most
 * 1,000,000 bytes, through the transport's guarded fetch): Bluesky's thumbnail, and the image other
 * networks upload themselves (LinkedIn's Images API). One fetch path for every network's card image.
 *
 * @param bytes the image file
 * @param mimeType {@code image/jpeg} or {@code image/png}, read from the bytes
 * @param source where it was fetched from
 */
public record CardImage(byte[] bytes, String mimeType, URI source) {
    /** Requires every part. */
    public CardImage {
        Validate.notNull(bytes, "bytes");
        Validate.notBlank(mimeType, "mimeType");
        Validate.notNull(source, "source");
    }

    /**
     * The image at {@code url}, fetched and fitted; empty (with a warning naming the URL) when it
     * cannot be fetched or decoded: a card without a picture beats no post.
     */
    public static Optional<CardImage> fetch(URI url, HttpTransport http) {
        Validate.notNull(url, "url");
        Validate.notNull(http, "http");
        return Thumbnail.fetch(url, http).map(t -> new CardImage(t.bytes(), t.mimeType(), url));
    }
}
