package dev.herald.syndication.bluesky;

import dev.herald.syndication.HttpReply;
import dev.herald.syndication.HttpTransport;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.hc.client5.http.classic.methods.HttpGet;

/**
 * The link card's thumbnail: the article's image, fetched and, when it is over Bluesky's
 * 1,000,000-byte limit for a thumb or in a format Bluesky does not take, scaled down and re-encoded
 * as JPEG until it fits.
 */
final class Thumbnails {
    /** Bluesky's limit for an external embed's thumb. */
    static final int MAX_BYTES = 1_000_000;
    static final int MAX_DOWNLOAD_BYTES = 15 * 1024 * 1024;
    static final int MAX_WIDTH = 1200;
    // A decompression bomb stops here: 40 megapixels is far beyond any article image.
    private static final long MAX_PIXELS = 40_000_000L;
    private static final Set<String> TAKEN_AS_IS = Set.of("image/jpeg", "image/png", "image/webp", "image/gif");
    private static final float[] QUALITIES = {0.85f, 0.75f, 0.6f, 0.45f};

    /** An image ready to upload. */
    record Image(byte[] bytes, String mimeType) {}

    private Thumbnails() {}

    /**
     * Fetches {@code url} and makes it fit.
     *
     * @throws IOException when it cannot be fetched or decoded; the caller posts without a thumb
     */
    static Image fetch(HttpTransport http, URI url) throws IOException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) throw new IOException("not an http(s) image URL");
        HttpGet get = new HttpGet(url);
        get.setHeader("Accept", "image/jpeg,image/png,image/webp,image/gif,image/*;q=0.8");
        HttpReply reply = http.execute(get, MAX_DOWNLOAD_BYTES);
        if (!reply.ok()) throw new IOException("HTTP " + reply.status());
        String type = reply.header("Content-Type");
        String mime = type == null ? sniff(reply.body()) : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return fit(reply.body(), mime);
    }

    /** {@code bytes} as they are when Bluesky takes them, else scaled and re-encoded as JPEG under the limit. */
    static Image fit(byte[] bytes, String mime) throws IOException {
        if (bytes.length <= MAX_BYTES && TAKEN_AS_IS.contains(mime)) return new Image(bytes, mime);
        BufferedImage source = decode(bytes);
        int width = Math.min(source.getWidth(), MAX_WIDTH);
        for (int round = 0; round < 4; round++) {
            BufferedImage rgb = scaled(source, width);
            for (float q : QUALITIES) {
                byte[] jpeg = jpeg(rgb, q);
                if (jpeg.length <= MAX_BYTES) return new Image(jpeg, "image/jpeg");
            }
            width = Math.max(1, width * 2 / 3);
        }
        throw new IOException("could not bring the image under " + MAX_BYTES + " bytes");
    }

    private static BufferedImage decode(byte[] bytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new IOException("not an image format Java can read");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) throw new IOException("image too large to decode: " + pixels + " pixels");
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }

    private static BufferedImage scaled(BufferedImage source, int width) {
        int height = Math.max(1, (int) Math.round((double) source.getHeight() * width / source.getWidth()));
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            // JPEG has no transparency: composite onto white, as a card's background would show it.
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static String sniff(byte[] b) {
        if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8) return "image/jpeg";
        if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') return "image/png";
        if (b.length > 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F') return "image/gif";
        if (b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[8] == 'W' && b[9] == 'E') return "image/webp";
        return "application/octet-stream";
    }
}
