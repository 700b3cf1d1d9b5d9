package dev.herald.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** UTF-8 lengths and offsets at each encoded-length boundary, and for unpaired surrogates. */
class Utf8EdgesTest {

    @ParameterizedTest
    @ValueSource(strings = {"\u007F", "\u0080", "\u07FF", "\u0800", "\uFFFF", "\uD800\uDC00", "\uDBFF\uDFFF", "a\u00E9\u20AC\uD83D\uDCF0"})
    void measuresEachBoundaryAsTheEncoderDoes(String text) {
        assertEquals(text.getBytes(StandardCharsets.UTF_8).length, Utf8.length(text), text);
    }

    @Test
    void anUnpairedSurrogateCountsThreeBytes() {
        assertEquals(3, Utf8.length("\uD800"), "a high half at the end");
        assertEquals(4, Utf8.length("\uD800a"), "a high half before a letter");
        assertEquals(3, Utf8.length("\uDC00"), "a low half alone");
        assertEquals(6, Utf8.length("\uDC00\uD800"), "halves in the wrong order");
    }

    @Test
    void theOffsetOfTheEndIsTheLength() {
        String text = "a\u00E9\u20AC\uD83D\uDCF0";

        assertEquals(10, Utf8.byteOffset(text, text.length()));
        assertEquals(0, Utf8.byteOffset("", 0));
    }

    @Test
    void refusesACharIndexOutsideTheText() {
        assertThrows(IllegalArgumentException.class, () -> Utf8.byteOffset("ab", 3));
        assertThrows(IllegalArgumentException.class, () -> Utf8.byteOffset("ab", -1));
    }

    @Test
    void mapsByteOffsetsBackAtEachLengthBoundary() {
        String text = "\u007F\u0080\u07FF\u0800\uD83D\uDCF0x";

        assertEquals(0, Utf8.charIndex(text, 0));
        assertEquals(1, Utf8.charIndex(text, 1));
        assertEquals(2, Utf8.charIndex(text, 3));
        assertEquals(3, Utf8.charIndex(text, 5));
        assertEquals(4, Utf8.charIndex(text, 8));
        assertEquals(6, Utf8.charIndex(text, 12));
        assertEquals(7, Utf8.charIndex(text, 13));
        assertEquals(-1, Utf8.charIndex(text, 14));
        assertEquals(-1, Utf8.charIndex(text, 2));
        assertEquals(-1, Utf8.charIndex(text, 10));
    }

    @Test
    void mapsByteOffsetsBackPastUnpairedSurrogates() {
        assertEquals(1, Utf8.charIndex("\uD800a", 3));
        assertEquals(2, Utf8.charIndex("\uD800a", 4));
        assertEquals(1, Utf8.charIndex("\uDC00a", 3));
        assertEquals(2, Utf8.charIndex("a\uD800", 4), "a high half ending the text");
        assertEquals(-1, Utf8.charIndex("a\uD800", 5));
    }
}
