package dev.herald.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Shortening text to a network's budget: whole words near the cut, whole grapheme clusters always, no dangling punctuation. */
class TextFitTest {

    @Test
    void leavesTextThatFitsAlone() {
        String text = "Flood barrier approved";
        assertSame(text, TextFit.fit(text, 22, String::length));
    }

    @Test
    void cutsAfterAWholeWordInTheLastThird() {
        assertEquals("Flood barrier…", TextFit.fit("Flood barrier approved", 21, String::length));
        assertEquals("Flood barrier…", TextFit.fit("Flood barrier approved", 20, String::length));
    }

    @Test
    void cutsBetweenClustersWhenNoWordEndsNearTheCut() {
        assertEquals("Floodbarrierappro…", TextFit.fit("Floodbarrierapproved now", 18, String::length));
        assertEquals("Flood barrierappr…", TextFit.fit("Flood barrierapproved", 18, String::length), "the space lies before the last third");
    }

    @Test
    void neverSplitsAGraphemeCluster() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        assertEquals("ab…", TextFit.fit("ab" + family + "cd", 3, Graphemes::count));
        assertEquals("ab" + family + "…", TextFit.fit("ab" + family + "cd", 4, Graphemes::count));
        assertEquals("cafe\u0301…", TextFit.fit("cafe\u0301 society", 6, Graphemes::count));
    }

    @Test
    void dropsPunctuationBeforeTheEllipsis() {
        assertEquals("Iran says…", TextFit.fit("Iran says, it will not seek escalation", 12, String::length));
        assertEquals("Gen…", TextFit.fit("Gen. Soleimani", 6, String::length));
        assertEquals("a…", TextFit.fit("a – b c d e f", 5, String::length));
    }

    @Test
    void measuresWithTheNetworksOwnMeasure() {
        // In bytes the ellipsis costs three, so less of the text fits.
        assertEquals("abcde…", TextFit.fit("abcdefghij", 8, s -> s.getBytes(StandardCharsets.UTF_8).length));
        assertEquals("abcdefg…", TextFit.fit("abcdefghij", 8, String::length));
    }

    @Test
    void returnsNothingWhenNotEvenTheEllipsisFits() {
        assertEquals("", TextFit.fit("abc", 2, s -> s.getBytes(StandardCharsets.UTF_8).length));
        assertEquals("…", TextFit.fit("abc", 1, String::length));
        assertEquals("", TextFit.fit("abc", 0, String::length));
        assertThrows(IllegalArgumentException.class, () -> TextFit.fit(null, 10, String::length));
    }
}
