package dev.herald.syndication.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Scaling a picture down reads every source pixel. Measured on random grey noise: one bilinear step
 * reads 2×2 source pixels for each pixel it draws, which leaves about half the noise's standard
 * deviation (exactly half at 2:1, more when the pixels are weighted unevenly); a step larger than
 * 2:1 leaves pixels out and so keeps at least that much. Halving first averages more pixels and
 * leaves clearly less.
 */
class ThumbnailScalingTest {
    @ParameterizedTest(name = "{0}×{1} to {2}×{3}")
    @CsvSource({
        "3000, 2000, 1200, 800", // 2.5:1, one halving then 1.25:1
        "4700, 1000, 1200, 255", // nearly 4:1 wide, 3.9:1 high
        "4800, 2003, 1200, 501", // 4:1 wide; high, 2:1 would leave 1001.5
        "2003, 4800, 501, 1200",
    })
    void aPictureMoreThanTwiceTooLargeIsHalvedFirstSoEveryPixelCounts(int width, int height, int w, int h) throws IOException {
        BufferedImage noise = greyNoise(width, height);
        BufferedImage sent = TestImages.decode(Thumbnail.shrink(noise).orElseThrow());
        assertEquals(w, sent.getWidth());
        assertEquals(h, sent.getHeight());
        double before = deviation(noise);
        double after = deviation(sent);
        assertTrue(after < 0.45 * before, "noise left: " + after + " of " + before);
    }

    private static BufferedImage greyNoise(int width, int height) {
        Random random = new Random(7);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) img.setRGB(x, y, random.nextInt(256) * 0x010101);
        }
        return img;
    }

    /** The standard deviation of the green channel. */
    private static double deviation(BufferedImage img) {
        double sum = 0;
        double squares = 0;
        long n = (long) img.getWidth() * img.getHeight();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int v = img.getRGB(x, y) >> 8 & 0xFF;
                sum += v;
                squares += (double) v * v;
            }
        }
        double mean = sum / n;
        return Math.sqrt(squares / n - mean * mean);
    }
}
