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

    @Test
    void aCutNeverSplitsAPrependedMarkFromWhatFollowsIt() {
        // U+0600 (Arabic number sign) is a Prepend character: with the space after it, one cluster.
        String text = "abcdefghij\u0600 klmnopqrstuvwxyz";
        for (int budget = 2; budget < Graphemes.count(text); budget++) {
            String fitted = TextFit.fit(text, budget, Graphemes::count);
            String kept = fitted.substring(0, fitted.length() - 1);
            assertEquals(kept.length(), Graphemes.boundaryAtOrBefore(text, kept.length()), "budget " + budget + ": " + fitted);
        }
    }

    @Test
    void aFamilyIsKeptWholeOrLeftOut() {
        String family = "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66";
        assertEquals("Tonight\u2026", TextFit.fit("Tonight" + family + family, 8, Graphemes::count));
        assertEquals("Tonight" + family + "\u2026", TextFit.fit("Tonight" + family + family + "!", 9, Graphemes::count));
    }
}
