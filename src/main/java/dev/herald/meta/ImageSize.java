package dev.herald.meta;

import dev.herald.internal.Validate;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

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

    /**
     * The size of the image {@code in} holds (JPEG, PNG, GIF, BMP), read from its header only, never
     * its pixels; empty when it is no image these readers know or cannot be read. Never throws for
     * bad bytes; the caller closes {@code in}.
     */
    public static Optional<ImageSize> read(InputStream in) {
        Validate.notNull(in, "in");
        // MemoryCacheImageInputStream, not ImageIO.createImageInputStream: that may spill to temp files.
        try (ImageInputStream iis = new MemoryCacheImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) return Optional.empty();
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0) return Optional.empty();
                return Optional.of(new ImageSize(w, h, mimeType(reader)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String mimeType(ImageReader reader) {
        if (reader.getOriginatingProvider() != null) {
            String[] types = reader.getOriginatingProvider().getMIMETypes();
            if (types != null && types.length > 0) return types[0];
        }
        try {
            return "image/" + reader.getFormatName().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            return null;
        }
    }
}
