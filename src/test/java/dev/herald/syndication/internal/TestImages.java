package dev.herald.syndication.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/** A second web server that plays the publisher's site, serving article images; and images to serve. */
public final class TestImages implements AutoCloseable {
    private final MockWebServer server = new MockWebServer();
    private final Map<String, MockResponse> responses = new ConcurrentHashMap<>();

    public TestImages() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                MockResponse r = responses.get(request.getUrl().encodedPath());
                return r != null ? r : new MockResponse.Builder().code(404).body("not found").build();
            }
        });
        try {
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves {@code bytes} at {@code path} with {@code contentType}; returns its URL. */
    public URI serve(String path, String contentType, byte[] bytes) {
        responses.put(path, new MockResponse.Builder().code(200).setHeader("Content-Type", contentType).body(new Buffer().write(bytes)).build());
        return url(path);
    }

    /** Answers {@code path} with a redirect to {@code target}; returns its URL. */
    public URI redirect(String path, URI target) {
        responses.put(path, new MockResponse.Builder().code(302).setHeader("Location", target.toString()).build());
        return url(path);
    }

    public URI url(String path) {
        return server.url(path).uri();
    }

    public int requestCount() {
        return server.getRequestCount();
    }

    @Override
    public void close() {
        server.close();
    }

    /** A small, smooth picture: a few kilobytes as PNG. */
    public static BufferedImage gradient(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) img.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | 0x80);
        }
        return img;
    }

    /** Random pixels: incompressible, so a PNG of it is about 3 bytes a pixel. */
    public static BufferedImage noise(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) img.setRGB(x, y, random.nextInt(0x1000000));
        }
        return img;
    }

    public static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(img, format, out)) throw new IllegalStateException("no writer for " + format);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
