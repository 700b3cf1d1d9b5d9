package dev.herald.syndication.internal;

import dev.herald.internal.Validate;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.HttpTransport;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.SampleModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A link card's thumbnail, ready for {@code com.atproto.repo.uploadBlob}: JPEG or PNG bytes of at
 * most {@link #MAX_BYTES}.
 *
 * @param bytes the image file
 * @param mimeType {@code image/jpeg} or {@code image/png}, read from the bytes, not the server's header
 * @param source where it was fetched from
 */
record Thumbnail(byte[] bytes, String mimeType, URI source) {
    /** The largest article image fetched for a thumbnail (15 MB: a camera original, not a web image). */
    static final int MAX_DOWNLOAD_BYTES = 15 * 1024 * 1024;
    /** {@code app.bsky.embed.external#external.thumb}: {@code maxSize: 1000000}. */
    static final int MAX_BYTES = 1_000_000;
    /** Wider images are scaled down: a card is shown at most about 600 CSS pixels wide, twice that on dense screens. */
    static final int MAX_SIDE = 1200;
    /** Refuse to decode more pixels than this: a small PNG can declare a huge canvas (a decompression bomb). */
    static final long MAX_PIXELS = 50_000_000L;
    /**
     * The most memory a decoded image may take (32 MB): larger images are read by subsampling. A
     * 7000×7000 16-bit RGBA PNG is under the pixel cap but needs 392 MB read whole.
     */
    static final long MAX_DECODED_BYTES = 32L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(Thumbnail.class);
    private static final float[] QUALITIES = {0.85f, 0.75f, 0.65f, 0.5f, 0.35f};

    Thumbnail {
        Validate.notNull(bytes, "bytes");
        Validate.notBlank(mimeType, "mimeType");
    }

    /**
     * Fetches the image at {@code url} and makes it fit: as it is when it is a JPEG or PNG within
     * {@link #MAX_BYTES}, otherwise decoded, scaled down to {@link #MAX_SIDE} pixels and written as
     * JPEG at falling quality until it fits. Empty, with a warning naming the URL, when it cannot be
     * fetched or decoded: a card without a picture beats no post.
     */
    static Optional<Thumbnail> fetch(URI url, HttpTransport http) {
        try {
            // Image URLs often redirect to a CDN; fetch follows them (the request carries no
            // credentials) and refuses any hop to a loopback, private or metadata address.
            HttpTransport.Fetched fetched = http.fetch(url, "image/jpeg, image/png, image/*;q=0.8", MAX_DOWNLOAD_BYTES);
            HttpReply reply = fetched.reply();
            if (!reply.ok()) return skip(url, "HTTP " + reply.status());
            Optional<Thumbnail> thumb = fromBytes(reply.body(), url);
            if (thumb.isEmpty()) return skip(url, "not an image Java can decode within the size caps (" + reply.header("Content-Type") + ")");
            return thumb;
        } catch (IOException | IllegalArgumentException e) {
            return skip(url, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The thumbnail for these image bytes, or empty when they are not a decodable image. */
    static Optional<Thumbnail> fromBytes(byte[] bytes, URI source) throws IOException {
        String sniffed = sniff(bytes);
        if (sniffed != null && bytes.length <= MAX_BYTES) return Optional.of(new Thumbnail(bytes, sniffed, source));
        BufferedImage image = decode(bytes);
        if (image == null) return Optional.empty();
        return shrink(image).map(jpeg -> new Thumbnail(jpeg, "image/jpeg", source));
    }


    /** {@code image/jpeg} or {@code image/png} by magic number, else {@code null}. */
    static String sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) return "image/jpeg";
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D && b[5] == 0x0A
                && b[6] == 0x1A && b[7] == 0x0A) return "image/png";
        return null;
    }

    /**
     * Decodes the first image in {@code bytes}, or {@code null}; sizes the raster before allocating
     * it and reads every n-th pixel of a large image, so memory stays under {@link #MAX_DECODED_BYTES}.
     */
    private static BufferedImage decode(byte[] bytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            if (in == null) return null;
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) return null;
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                long pixels = (long) width * height;
                if (pixels <= 0 || pixels > MAX_PIXELS) return null;
                Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
                // read() decodes into the first type offered; without one, assume the widest pixel.
                int bytesPerPixel = types.hasNext() ? bytesPerPixel(types.next()) : 16;
                int step = subsampling(width, height, bytesPerPixel);
                if (step < 0) return null;
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // ImageIO reports corrupt files with IIOException and sometimes with runtime exceptions
            // (ArrayIndexOutOfBounds in the PNG inflater, for one); either way it is not an image.
            LOG.debug("could not decode image", e);
            return null;
        }
    }

    /** The bytes one pixel of an image of {@code type} takes in memory (width × height × bands × depth, packed or not). */
    static int bytesPerPixel(ImageTypeSpecifier type) {
        SampleModel model = type.getSampleModel(1, 1);
        return Math.max(1, DataBuffer.getDataTypeSize(model.getTransferType()) / 8 * model.getNumDataElements());
    }

    /**
     * The source subsampling to decode a {@code width}×{@code height} image with: every pixel when
     * it is small; for a large one, every n-th pixel so the long side stays at least twice
     * {@link #MAX_SIDE} (the smoothing scale-down then has pixels to average) and the raster at most
     * {@link #MAX_DECODED_BYTES}; -1 when no subsampling brings it under the cap.
     */
    static int subsampling(int width, int height, int bytesPerPixel) {
        int step = Math.max(1, Math.max(width, height) / (2 * MAX_SIDE));
        while (decodedBytes(width, height, bytesPerPixel, step) > MAX_DECODED_BYTES) {
            if (step >= Math.max(width, height)) return -1;
            step++;
        }
        return step;
    }

    /** The raster bytes of a {@code width}×{@code height} image read at every {@code step}-th pixel. */
    static long decodedBytes(int width, int height, int bytesPerPixel, int step) {
        long w = (width + step - 1L) / step;
        long h = (height + step - 1L) / step;
        return w * h * bytesPerPixel;
    }

    /** The image as a JPEG of at most {@link #MAX_BYTES}, scaled down and re-compressed as far as needed. */
    static Optional<byte[]> shrink(BufferedImage image) throws IOException {
        double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(image.getWidth(), image.getHeight()));
        for (int attempt = 0; attempt < 4; attempt++) {
            int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
            int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
            BufferedImage rgb = scaled(image, w, h);
            for (float quality : QUALITIES) {
                byte[] jpeg = jpeg(rgb, quality);
                if (jpeg.length <= MAX_BYTES) return Optional.of(jpeg);
            }
            // Even the lowest quality is too big (a very noisy picture): halve the size and start over.
            scale /= 2;
        }
        return Optional.empty();
    }

    /**
     * {@code src} drawn at {@code w}×{@code h} on white (JPEG has no alpha; transparent PNG areas
     * would turn black), halving in steps so bilinear filtering does not skip pixels: a side more
     * than twice its target is halved, and only one at most twice its target goes to it.
     */
    private static BufferedImage scaled(BufferedImage src, int w, int h) {
        BufferedImage current = src;
        int cw = src.getWidth();
        int ch = src.getHeight();
        do {
            // Bilinear filtering reads 2×2 source pixels for each pixel drawn: a step of more than
            // 2:1 leaves pixels out (3000 to 1200 in one step reads 4 of every 6.25).
            cw = cw > 2 * w ? cw / 2 : w;
            ch = ch > 2 * h ? ch / 2 : h;
            BufferedImage next = new BufferedImage(cw, ch, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = next.createGraphics();
            try {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, cw, ch);
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(current, 0, 0, cw, ch, null);
            } finally {
                g.dispose();
            }
            current = next;
        } while (cw != w || ch != h);
        return current;
    }

    private static byte[] jpeg(BufferedImage rgb, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static Optional<Thumbnail> skip(URI url, String why) {
        LOG.warn("Bluesky link card without thumbnail: could not use image {}: {}", url, why);
        return Optional.empty();
    }
}
