package dev.herald.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {
    private static final String MIXED = "a’🚀é\u0301x";

    @Test
    void measuresLikeTheEncoder() {
        assertEquals(MIXED.getBytes(StandardCharsets.UTF_8).length, Utf8.length(MIXED));
    }

    @Test
    void mapsCharIndexesToByteOffsets() {
        assertEquals(0, Utf8.byteOffset(MIXED, 0));
        assertEquals(1, Utf8.byteOffset(MIXED, 1));
        assertEquals(4, Utf8.byteOffset(MIXED, 2));
        assertEquals(8, Utf8.byteOffset(MIXED, 4));
    }

    @Test
    void mapsByteOffsetsBackAndRejectsOnesInsideACharacter() {
        assertEquals(2, Utf8.charIndex(MIXED, 4));
        assertEquals(4, Utf8.charIndex(MIXED, 8));
        assertEquals(-1, Utf8.charIndex(MIXED, 2));
        assertEquals(-1, Utf8.charIndex(MIXED, 6));
        assertEquals(-1, Utf8.charIndex(MIXED, 99));
        assertEquals(-1, Utf8.charIndex(MIXED, -1));
        assertEquals(MIXED.length(), Utf8.charIndex(MIXED, Utf8.length(MIXED)));
    }
}
