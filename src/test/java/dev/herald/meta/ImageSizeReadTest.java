package dev.herald.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading an image's size from its bytes, as the CLI does for an image it fetched. */
class ImageSizeReadTest {
    @Test
    void readsTheSizeAndTypeOfEachFormat() {
        assertEquals(Optional.of(new ImageSize(250, 130, "image/png")),
                ImageSize.read(new ByteArrayInputStream(ServedImageSizesTest.image("png", 250, 130))));
        assertEquals(Optional.of(new ImageSize(1200, 630, "image/jpeg")),
                ImageSize.read(new ByteArrayInputStream(ServedImageSizesTest.image("jpg", 1200, 630))));
        assertEquals(Optional.of(new ImageSize(3, 7, "image/gif")), ImageSize.read(new ByteArrayInputStream(ServedImageSizesTest.image("gif", 3, 7))));
    }

    @Test
    void bytesThatAreNoImageHaveNoSize() {
        assertEquals(Optional.empty(), ImageSize.read(new ByteArrayInputStream("<html>not found</html>".getBytes(StandardCharsets.UTF_8))));
        assertEquals(Optional.empty(), ImageSize.read(new ByteArrayInputStream(new byte[0])));
        byte[] png = ServedImageSizesTest.image("png", 40, 40);
        assertEquals(Optional.empty(), ImageSize.read(new ByteArrayInputStream(png, 0, 12)), "a header cut short");
    }

    @Test
    void aStreamThatFailsHasNoSize() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        assertEquals(Optional.empty(), ImageSize.read(failing));
        assertThrows(IllegalArgumentException.class, () -> ImageSize.read(null));
    }

    @Test
    void aSizeAppliesToAnImageKeepingItsOwnType() {
        ImageMeta image = ImageMeta.of(URI.create("https://news.example/a.png"));
        assertEquals(image.withSize(2, 3).withType("image/png"), new ImageSize(2, 3, "image/png").applyTo(image));
        assertEquals(image.withSize(2, 3).withType("image/webp"), new ImageSize(2, 3, "image/png").applyTo(image.withType("image/webp")));
        assertEquals(image.withSize(2, 3), new ImageSize(2, 3, null).applyTo(image));
    }
}
