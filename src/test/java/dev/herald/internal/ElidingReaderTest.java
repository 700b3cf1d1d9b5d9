package dev.herald.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.Reader;
import org.junit.jupiter.api.Test;

class ElidingReaderTest {
    @Test
    void readsTheTextWithoutItsGaps() throws IOException {
        assertEquals("ace", readAll(new ElidingReader("abcde", new int[] {1, 2, 3, 4}), 64));
        assertEquals("abcde", readAll(new ElidingReader("abcde", new int[0]), 64));
        assertEquals("", readAll(new ElidingReader("abcde", new int[] {0, 5}), 64));
        assertEquals("de", readAll(new ElidingReader("abcde", new int[] {0, 2, 2, 3}), 64), "adjacent gaps");
        assertEquals("abcde", readAll(new ElidingReader("abcde", new int[] {2, 2}), 64), "empty gap");
    }

    @Test
    void givesTheSameTextWhateverTheReadSize() throws IOException {
        String text = "0123456789".repeat(50);
        int[] gaps = {3, 17, 40, 41, 99, 250, 400, 500};
        String expected = text.substring(0, 3) + text.substring(17, 40) + text.substring(41, 99) + text.substring(250, 400);
        for (int size = 1; size < 40; size++) assertEquals(expected, readAll(new ElidingReader(text, gaps), size), "size " + size);
    }

    @Test
    void refusesGapsThatAreNotAscendingRangesInTheText() {
        assertThrows(IllegalArgumentException.class, () -> new ElidingReader("abc", new int[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new ElidingReader("abc", new int[] {2, 1}));
        assertThrows(IllegalArgumentException.class, () -> new ElidingReader("abc", new int[] {0, 2, 1, 3}));
        assertThrows(IllegalArgumentException.class, () -> new ElidingReader("abc", new int[] {0, 4}));
    }

    private static String readAll(Reader r, int chunk) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[chunk];
        for (int n; (n = r.read(buf, 0, chunk)) != -1; ) {
            assertEquals(true, n > 0, "a read returns -1 or some chars");
            sb.append(buf, 0, n);
        }
        assertEquals(-1, r.read(buf, 0, chunk), "stays at the end");
        return sb.toString();
    }
}
