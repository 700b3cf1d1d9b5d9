package dev.herald.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.internal.Graphemes;
import org.junit.jupiter.api.Test;

class TextsTest {
    private static final String FAMILY = "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66";
    private static final String SCOTLAND = "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F";

    @Test
    void cleaningKeepsJoinersVariationSelectorsAndTagCharacters() {
        String text = FAMILY + " \uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08 " + SCOTLAND + " \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 1\uFE0F\u20E3";
        assertEquals(text, Texts.clean(text));
        assertEquals(text, Texts.clean("  " + text.replace(" ", " \u00A0\t ") + "\n"), "whitespace is still folded around them");
    }

    @Test
    void cleaningStillDropsZeroWidthSpacesSoftHyphensAndStrayByteOrderMarks() {
        assertEquals("Wonderful news", Texts.clean("\uFEFFWon\u00ADder\u200Bful  news"));
    }

    @Test
    void truncatingALongWordNeverCutsAGraphemeCluster() {
        String families = FAMILY.repeat(40); // one "word" of 40 clusters, 11 chars each
        for (int max = 20; max < 200; max += 7) {
            String cut = Texts.truncate(families, max);
            assertTrue(cut.endsWith("\u2026"), cut);
            String kept = cut.substring(0, cut.length() - 1);
            assertEquals(FAMILY.repeat(kept.length() / FAMILY.length()), kept, "cut at " + max);
            assertTrue(cut.length() <= max, "within " + max + ": " + cut.length());
        }
    }

    @Test
    void aBoundaryIsTheStartOfTheClusterAnIndexFallsIn() {
        String s = "a" + FAMILY + "e\u0301b";
        assertEquals(1, Graphemes.boundaryAtOrBefore(s, 1));
        assertEquals(1, Graphemes.boundaryAtOrBefore(s, 5));
        assertEquals(12, Graphemes.boundaryAtOrBefore(s, 12));
        assertEquals(12, Graphemes.boundaryAtOrBefore(s, 13), "not between e and its accent");
        assertEquals(14, Graphemes.boundaryAtOrBefore(s, 14));
        assertEquals(0, Graphemes.boundaryAtOrBefore(s, -3));
        assertEquals(s.length(), Graphemes.boundaryAtOrBefore(s, 99));
    }
}
