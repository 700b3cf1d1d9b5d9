package dev.herald.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServedImageSizesTest {
    static final URI SITE = URI.create("https://news.example/");

    @TempDir
    Path root;

    final List<String> opened = new ArrayList<>();

    Function<String, InputStream> opener() {
        return path -> {
            opened.add(path);
            Path file = root.resolve(path.substring(1));
            try {
                return Files.exists(file) ? Files.newInputStream(file) : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    static byte[] image(String format, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, format.equals("png") || format.equals("gif") ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    void put(String path, byte[] bytes) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    @Test
    void readsPngSizeAndType() throws IOException {
        put("img/lead.png", image("png", 1200, 630));
        assertEquals(Optional.of(new ImageSize(1200, 630, "image/png")),
                new ServedImageSizes(SITE, opener()).sizeOf(URI.create("https://news.example/img/lead.png")));
    }

    @Test
    void readsJpegSizeAndType() throws IOException {
        put("img/lead.jpg", image("jpg", 800, 450));
        assertEquals(Optional.of(new ImageSize(800, 450, "image/jpeg")),
                new ServedImageSizes(SITE, opener()).sizeOf(URI.create("https://news.example/img/lead.jpg?v=2")));
    }

    @Test
    void readsGifSizeAndType() throws IOException {
        put("img/anim.gif", image("gif", 320, 200));
        assertEquals(Optional.of(new ImageSize(320, 200, "image/gif")),
                new ServedImageSizes(SITE, opener()).sizeOf(URI.create("https://news.example/img/anim.gif")));
    }

    @Test
    void readsOnlyTheHeaderOfAnImage() {
        byte[] png = image("png", 4000, 3000);
        // Signature (8) + IHDR chunk (25): no pixel data at all, so decoding the image would fail.
        byte[] header = Arrays.copyOf(png, 33);
        ServedImageSizes sizes = new ServedImageSizes(SITE, path -> new ByteArrayInputStream(header));
        assertEquals(Optional.of(new ImageSize(4000, 3000, "image/png")), sizes.sizeOf(URI.create("https://news.example/big.png")));
    }

    @Test
    void decodesPercentEncodedPaths() throws IOException {
        put("img/café photo.png", image("png", 640, 480));
        assertEquals(640, new ServedImageSizes(SITE, opener()).sizeOf(URI.create("https://news.example/img/caf%C3%A9%20photo.png")).orElseThrow().width());
    }

    @Test
    void resolvesPathsUnderAContextPath() throws IOException {
        put("img/lead.png", image("png", 300, 200));
        ServedImageSizes sizes = new ServedImageSizes(URI.create("https://news.example/app/"), opener());
        assertEquals(300, sizes.sizeOf(URI.create("https://news.example/app/img/lead.png")).orElseThrow().width());
        assertEquals(List.of("/img/lead.png"), opened);
        assertTrue(sizes.sizeOf(URI.create("https://news.example/other/img/lead.png")).isEmpty());
    }

    @Test
    void neverOpensImagesOfOtherHostsOrPorts() {
        ServedImageSizes sizes = new ServedImageSizes(SITE, opener());
        assertTrue(sizes.sizeOf(URI.create("https://cdn.example/img/lead.png")).isEmpty());
        assertTrue(sizes.sizeOf(URI.create("https://news.example:8443/img/lead.png")).isEmpty());
        assertEquals(List.of(), opened);
    }

    @Test
    void refusesPathsThatClimbOutOfTheSite() {
        ServedImageSizes sizes = new ServedImageSizes(SITE, opener());
        assertTrue(sizes.sizeOf(URI.create("https://news.example/img/%2E%2E/%2E%2E/etc/passwd")).isEmpty());
        assertEquals(List.of(), opened);
    }

    @Test
    void cachesSizesAndMisses() throws IOException {
        put("img/lead.png", image("png", 100, 100));
        ServedImageSizes sizes = new ServedImageSizes(SITE, opener());
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.of(new ImageSize(100, 100, "image/png")), sizes.sizeOf(URI.create("https://news.example/img/lead.png")), "read " + i);
            assertEquals(Optional.empty(), sizes.sizeOf(URI.create("https://news.example/img/missing.png")), "read " + i);
        }
        assertEquals(List.of("/img/lead.png", "/img/missing.png"), opened);
    }

    @Test
    void knowsNoSizeForFilesThatAreNotImages() throws IOException {
        put("img/fake.jpg", "<html>not an image</html>".getBytes());
        assertTrue(new ServedImageSizes(SITE, opener()).sizeOf(URI.create("https://news.example/img/fake.jpg")).isEmpty());
    }

    @Test
    void knowsNoSizeWhenTheOpenerFails() {
        ServedImageSizes sizes = new ServedImageSizes(SITE, path -> { throw new IllegalStateException("container gone"); });
        assertTrue(sizes.sizeOf(URI.create("https://news.example/img/lead.png")).isEmpty());
    }

    @Test
    void theDefaultPortWrittenOutIsTheSamePortAndHostsMatchInAnyCase() throws IOException {
        put("img/lead.png", image("png", 10, 20));
        ServedImageSizes sizes = new ServedImageSizes(SITE, opener());
        assertEquals(Optional.of(new ImageSize(10, 20, "image/png")), sizes.sizeOf(URI.create("https://news.example:443/img/lead.png")));
        assertEquals(Optional.of(new ImageSize(10, 20, "image/png")), sizes.sizeOf(URI.create("https://NEWS.example/img/lead.png")));
        ServedImageSizes plain = new ServedImageSizes(URI.create("http://news.example/"), opener());
        assertEquals(Optional.of(new ImageSize(10, 20, "image/png")), plain.sizeOf(URI.create("http://news.example:80/img/lead.png")));
    }

    @Test
    void anotherSchemeIsAnotherOrigin() throws IOException {
        put("img/lead.png", image("png", 10, 20));
        ServedImageSizes sizes = new ServedImageSizes(SITE, opener());
        assertTrue(sizes.sizeOf(URI.create("http://news.example/img/lead.png")).isEmpty(), "port 80 is not the https site's 443");
        assertTrue(sizes.sizeOf(URI.create("ftp://news.example/img/lead.png")).isEmpty());
        assertTrue(sizes.sizeOf(URI.create("/img/lead.png")).isEmpty(), "no scheme, no host");
        assertTrue(sizes.sizeOf(URI.create("https://news.example")).isEmpty(), "no path");
        assertTrue(sizes.sizeOf(null).isEmpty());
        assertEquals(List.of(), opened);
    }

    @Test
    void onlyPathsUnderTheContextPathAreOpenedWithOrWithoutItsTrailingSlash() throws IOException {
        put("img/lead.png", image("png", 10, 20));
        for (String base : new String[] {"https://news.example/app/", "https://news.example/app"}) {
            ServedImageSizes sizes = new ServedImageSizes(URI.create(base), opener());
            assertTrue(sizes.sizeOf(URI.create("https://news.example/other/img/lead.png")).isEmpty(), base);
            assertTrue(sizes.sizeOf(URI.create("https://news.example/application/img/lead.png")).isEmpty(), base);
            assertEquals(Optional.of(new ImageSize(10, 20, "image/png")), sizes.sizeOf(URI.create("https://news.example/app/img/lead.png")), base);
        }
        assertEquals(List.of("/img/lead.png", "/img/lead.png"), opened);
    }

    @Test
    void theCacheForgetsEverythingOnceItHolds2048Paths() {
        ServedImageSizes sizes = new ServedImageSizes(SITE, opener());
        for (int i = 0; i < 2048; i++) sizes.sizeOf(URI.create("https://news.example/img/" + i + ".png"));
        sizes.sizeOf(URI.create("https://news.example/img/0.png"));
        assertEquals(2048, opened.size(), "all 2048 remembered");
        sizes.sizeOf(URI.create("https://news.example/img/2048.png"));
        sizes.sizeOf(URI.create("https://news.example/img/0.png"));
        assertEquals(2050, opened.size(), "the 2049th path cleared the cache, so the first is read again");
    }
}
