package dev.herald.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextFitTest {
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
