package dev.herald.syndication.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

class ThumbnailTest {
    private static final URI SOURCE = URI.create("https://news.example/img/lead");

    @Test
    void aLargeNoisyPictureIsScaledTo1200PixelsAndFitsUnderOneMegabyte() throws IOException {
        BufferedImage big = TestImages.noise(3000, 2000, 7);

        byte[] jpeg = Thumbnail.shrink(big).orElseThrow();

        assertTrue(jpeg.length <= Thumbnail.MAX_BYTES, "size " + jpeg.length);
        BufferedImage out = TestImages.decode(jpeg);
        assertEquals(1200, out.getWidth());
        assertEquals(800, out.getHeight(), "aspect ratio kept");
    }

    @Test
    void aSmallJpegOrPngIsSentAsItIs() throws IOException {
        byte[] png = TestImages.encode(TestImages.gradient(200, 100), "png");
        byte[] jpg = TestImages.encode(TestImages.gradient(200, 100), "jpg");

        Thumbnail p = Thumbnail.fromBytes(png, SOURCE).orElseThrow();
        Thumbnail j = Thumbnail.fromBytes(jpg, SOURCE).orElseThrow();

        assertArrayEquals(png, p.bytes());
        assertEquals("image/png", p.mimeType());
        assertArrayEquals(jpg, j.bytes());
        assertEquals("image/jpeg", j.mimeType());
    }

    @Test
    void otherFormatsAreReencodedAsJpeg() throws IOException {
        byte[] gif = TestImages.encode(TestImages.gradient(200, 100), "gif");

        Thumbnail t = Thumbnail.fromBytes(gif, SOURCE).orElseThrow();

        assertEquals("image/jpeg", t.mimeType());
        assertEquals(200, TestImages.decode(t.bytes()).getWidth());
    }

    @Test
    void transparentAreasTurnWhiteNotBlack() throws IOException {
        BufferedImage clear = new BufferedImage(50, 50, BufferedImage.TYPE_INT_ARGB);
        byte[] jpeg = Thumbnail.shrink(clear).orElseThrow();
        int rgb = TestImages.decode(jpeg).getRGB(25, 25) & 0xFFFFFF;
        assertTrue((rgb & 0xFF) > 240 && (rgb >> 8 & 0xFF) > 240 && (rgb >> 16 & 0xFF) > 240, Integer.toHexString(rgb));
    }

    @Test
    void bytesThatAreNoImageGiveNoThumbnail() throws IOException {
        assertEquals(Optional.empty(), Thumbnail.fromBytes("<html></html>".getBytes(), SOURCE));
        assertEquals(Optional.empty(), Thumbnail.fromBytes(new byte[0], SOURCE));
    }

    @Test
    void aPngDeclaringAHugeCanvasGivesNoThumbnailAndNoCrash() throws IOException {
        // 100,000 × 100,000 pixels declared in a few hundred bytes: decoding would need 40 GB.
        byte[] bomb = pngHeaderOnly(100_000, 100_000);
        assertEquals(Optional.empty(), Thumbnail.fromBytes(padTo(bomb, Thumbnail.MAX_BYTES + 1), SOURCE));
    }

    @Test
    void aLargeSixteenBitPngUnderThePixelCapIsReadBySubsamplingWithinTheMemoryCap() throws IOException {
        // 7000 × 7000 RGBA at 16 bits a sample: 49 M pixels (under the cap), 392 MB as one raster.
        byte[] png = padTo(blankPng(7000, 7000, 16, 6), Thumbnail.MAX_BYTES + 1);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        Thumbnail t = Thumbnail.fromBytes(png, SOURCE).orElseThrow();
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals("image/jpeg", t.mimeType());
        assertTrue(allocated < 3 * Thumbnail.MAX_DECODED_BYTES, "allocated " + allocated / 1_000_000 + " MB while decoding");
        BufferedImage sent = TestImages.decode(t.bytes());
        assertEquals(Thumbnail.MAX_SIDE, Math.max(sent.getWidth(), sent.getHeight()));
    }

    @Test
    void subsamplingKeepsTheRasterUnderTheCapAndSmallImagesWhole() {
        assertEquals(1, Thumbnail.subsampling(1200, 630, 4));
        assertEquals(1, Thumbnail.subsampling(2400, 1600, 4), "twice the thumbnail side is read whole");
        int step = Thumbnail.subsampling(7000, 7000, 8);
        assertTrue(Thumbnail.decodedBytes(7000, 7000, 8, step) <= Thumbnail.MAX_DECODED_BYTES, "step " + step);
        assertTrue(Thumbnail.decodedBytes(7000, 7000, 8, step - 1) > Thumbnail.MAX_DECODED_BYTES, "the smallest step that fits: " + step);
        assertTrue(7000 / step >= Thumbnail.MAX_SIDE, "still enough pixels for the thumbnail");
    }

    /** A PNG of the given size whose pixels are all zero, streamed row by row so the test never holds the raster. */
    static byte[] blankPng(int width, int height, int bitDepth, int colorType) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        writeInt(ihdr, width);
        writeInt(ihdr, height);
        ihdr.write(new byte[] {(byte) bitDepth, (byte) colorType, 0, 0, 0});
        chunk(out, "IHDR", ihdr.toByteArray());
        int channels = colorType == 6 ? 4 : colorType == 2 ? 3 : 1;
        byte[] row = new byte[1 + width * channels * bitDepth / 8]; // filter byte 0, then zero samples
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_SPEED), 64 * 1024)) {
            for (int y = 0; y < height; y++) z.write(row);
        }
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** A PNG with a valid IHDR for the given size and a tiny IDAT (decoding would fail later, sizing first). */
    private static byte[] pngHeaderOnly(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        writeInt(ihdr, width);
        writeInt(ihdr, height);
        ihdr.write(new byte[] {8, 2, 0, 0, 0});
        chunk(out, "IHDR", ihdr.toByteArray());
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater())) {
            z.write(new byte[16]);
        }
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    static byte[] padTo(byte[] png, int size) {
        // Bytes after IEND are ignored by decoders; they push the file over the "send as it is" size.
        if (png.length >= size) return png;
        byte[] out = new byte[size];
        System.arraycopy(png, 0, out, 0, png.length);
        return out;
    }

    static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        writeInt(out, data.length);
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        writeInt(out, (int) crc.getValue());
    }

    static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
