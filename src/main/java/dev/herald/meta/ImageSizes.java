package dev.herald.meta;

import java.net.URI;
import java.util.Optional;

/**
 * Finds the size of an image a page refers to, so that {@code og:image:width} and
 * {@code og:image:height} can be emitted when the page does not give them.
 *
 * <p>Implementations never fetch over the network and never throw: an image they cannot read
 * locally has no known size.
 */
@FunctionalInterface
public interface ImageSizes {
    /** Knows no sizes at all. */
    ImageSizes NONE = url -> Optional.empty();

    /** The size of the image at {@code imageUrl}, or empty when it is not known. */
    Optional<ImageSize> sizeOf(URI imageUrl);
}
