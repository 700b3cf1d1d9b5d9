package dev.herald.syndication.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The first and last code point of every range twitter-text's configuration and its emoji pattern name, and their neighbours outside. */
class XTextRangesTest {
    @Test
    void eachLightRangeWeighsOneFromItsFirstToItsLastCodePoint() {
        int[][] light = {{0x0000, 0x10FF}, {0x2000, 0x200D}, {0x2010, 0x201F}, {0x2032, 0x2037}};
        for (int[] r : light) {
            assertEquals(1, XText.codePointWeight(r[0]), Integer.toHexString(r[0]));
            assertEquals(1, XText.codePointWeight(r[1]), Integer.toHexString(r[1]));
            assertEquals(2, XText.codePointWeight(r[1] + 1), Integer.toHexString(r[1] + 1));
            if (r[0] > 0) assertEquals(2, XText.codePointWeight(r[0] - 1), Integer.toHexString(r[0] - 1));
        }
    }

    @Test
    void eachEmojiBlockIsEmojiFromItsFirstToItsLastCodePointAndNotBeyond() {
        int[][] blocks = {{0x1F000, 0x1FAFF}, {0x2600, 0x27BF}, {0x2300, 0x23FF}, {0x2B00, 0x2BFF}};
        for (int[] b : blocks) {
            assertTrue(XText.isEmoji(Character.toString(b[0])), Integer.toHexString(b[0]));
            assertTrue(XText.isEmoji(Character.toString(b[1])), Integer.toHexString(b[1]));
            assertFalse(XText.isEmoji(Character.toString(b[0] - 1)), Integer.toHexString(b[0] - 1));
            assertFalse(XText.isEmoji(Character.toString(b[1] + 1)), Integer.toHexString(b[1] + 1));
        }
        assertTrue(XText.isEmoji("#\uFE0F"), "a character made emoji by U+FE0F");
        assertTrue(XText.isEmoji("#\u20E3"), "a keycap");
    }
}
