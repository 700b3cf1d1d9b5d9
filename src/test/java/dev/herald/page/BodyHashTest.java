package dev.herald.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyHashTest {
    private static long xxh64(String s, long seed) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return BodyHash.xxh64(b, b.length, seed);
    }

    @Test
    void matchesTheReferenceValueForEmptyInput() {
        assertEquals(0xEF46DB3751D8E999L, xxh64("", 0));
    }

    @Test
    void matchesTheReferenceValueForShortInput() {
        assertEquals(0x44BC2CF5AD770999L, xxh64("abc", 0));
    }

    @Test
    void matchesTheReferenceValueForInputLongerThanOneStripe() {
        assertEquals(0xFBCEA83C8A378BF1L, xxh64("Nobody inspects the spammish repetition", 0));
    }

    @Test
    void hashesOnlyTheGivenPrefix() {
        byte[] b = "abcXYZ".getBytes(StandardCharsets.US_ASCII);
        assertEquals(xxh64("abc", 7), BodyHash.xxh64(b, 3, 7));
    }

    @Test
    void dependsOnTheSeed() {
        assertNotEquals(xxh64("<html>same page</html>", 1), xxh64("<html>same page</html>", 2));
    }

    @Test
    void changesWhenOneByteOfALongBodyChanges() {
        String page = "<p>" + "lorem ipsum ".repeat(2000) + "</p>";
        String edited = page.substring(0, 12_001) + "L" + page.substring(12_002);
        assertNotEquals(xxh64(page, 0), xxh64(edited, 0));
    }
}
