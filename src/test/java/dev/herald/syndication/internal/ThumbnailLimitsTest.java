package dev.herald.syndication.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each of the thumbnail's limits at its exact value and one past it. */
class ThumbnailLimitsTest {
    private static final URI SOURCE = URI.create("https://news.example/img/lead");

    @Test
    void theMagicNumbersAreReadFromTheShortestFilesThatHoldThem() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        assertEquals("image/jpeg", Thumbnail.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}));
        assertNull(Thumbnail.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8}));
        assertEquals("image/png", Thumbnail.sniff(png));
        assertNull(Thumbnail.sniff(Arrays.copyOf(png, 7)));
    }

    @Test
    void aJpegOrPngOfExactlyTheSizeLimitIsSentAsItIs() throws IOException {
        byte[] png = ThumbnailTest.padTo(ThumbnailTest.blankPng(100, 100, 8, 2), Thumbnail.MAX_BYTES);
        Thumbnail t = Thumbnail.fromBytes(png, SOURCE).orElseThrow();
        assertEquals("image/png", t.mimeType());
        assertArrayEquals(png, t.bytes());
    }

    @Test
    void theRasterOfASubsampledReadCountsEveryPartlyCoveredRowAndColumn() {
        assertEquals(9, Thumbnail.decodedBytes(9, 9, 1, 3), "3 × 3 pixels, exactly");
        assertEquals(16 * 4, Thumbnail.decodedBytes(10, 10, 4, 3), "4 × 4 pixels: the last of each row and column is read");
        assertEquals(3000L * 2000 * 8, Thumbnail.decodedBytes(3000, 2000, 8, 1));
    }

    @Test
    void aRasterOfExactlyTheMemoryCapIsReadWholeAndAPixelLargerThanTheCapCannotBeRead() {
        assertEquals(32L * 1024 * 1024, Thumbnail.decodedBytes(4096, 2048, 4, 1));
        assertEquals(1, Thumbnail.subsampling(4096, 2048, 4));
        assertEquals(2, Thumbnail.subsampling(4096, 2049, 4));
        assertEquals(-1, Thumbnail.subsampling(10, 10, Integer.MAX_VALUE), "no step brings one pixel under the cap");
    }

    @Test
    void anImageOfExactlyThePixelCapIsReadAndOneRowMoreIsRefused() throws IOException {
        // 10,000 × 5,000 one-bit grey: 50 M pixels, 6 MB of samples, a few kilobytes compressed.
        byte[] atCap = ThumbnailTest.padTo(ThumbnailTest.blankPng(10_000, 5_000, 1, 0), Thumbnail.MAX_BYTES + 1);
        Thumbnail t = Thumbnail.fromBytes(atCap, SOURCE).orElseThrow();
        assertEquals("image/jpeg", t.mimeType());
        assertEquals(Thumbnail.MAX_SIDE, TestImages.decode(t.bytes()).getWidth());
        byte[] over = ThumbnailTest.padTo(ThumbnailTest.blankPng(10_000, 5_001, 1, 0), Thumbnail.MAX_BYTES + 1);
        assertEquals(Optional.empty(), Thumbnail.fromBytes(over, SOURCE));
    }

    @Test
    void aOneBytePerPixelImageUnderTheMemoryCapIsReadWholeNotSubsampled() throws IOException {
        // 2,000 × 2,000 indexed GIF: 4 MB as read; counted at 16 bytes a pixel it would be subsampled to 1,000 wide.
        byte[] gif = TestImages.encode(TestImages.gradient(2000, 2000), "gif");
        Thumbnail t = Thumbnail.fromBytes(gif, SOURCE).orElseThrow();
        BufferedImage sent = TestImages.decode(t.bytes());
        assertEquals(Thumbnail.MAX_SIDE, sent.getWidth());
        assertEquals(Thumbnail.MAX_SIDE, sent.getHeight());
    }

    @Test
    void aPictureThatFitsAtTheBestQualityIsSentAtIt() throws IOException {
        byte[] jpeg = Thumbnail.shrink(TestImages.gradient(1500, 1000)).orElseThrow();
        // ImageIO scales the standard luminance table (DC 16) by 2 - 2 × 0.85 = 0.3: 5. At its default 0.75, 8.
        assertEquals(5, firstQuantizer(jpeg));
    }

    /** The first value (the DC quantizer) of the JPEG's first quantization table. */
    private static int firstQuantizer(byte[] jpeg) {
        int i = 2;
        while (i + 4 < jpeg.length) {
            if ((jpeg[i] & 0xFF) != 0xFF) throw new AssertionError("not at a marker: " + i);
            int marker = jpeg[i + 1] & 0xFF;
            int length = (jpeg[i + 2] & 0xFF) << 8 | jpeg[i + 3] & 0xFF;
            if (marker == 0xDB) {
                assertTrue((jpeg[i + 4] & 0xF0) == 0, "8-bit table");
                return jpeg[i + 5] & 0xFF;
            }
            i += 2 + length;
        }
        throw new AssertionError("no quantization table");
    }
}
