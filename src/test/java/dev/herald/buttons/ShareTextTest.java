package dev.herald.buttons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShareTextTest {
    @Test
    void keepsEmojiSequencesFlagsAndCombiningMarksWhole() {
        // family (ZWJ sequence), thumbs up with skin tone, two flags, e + combining acute
        assertEquals(List.of("👨‍👩‍👧", "👍🏽", "🇺🇸", "🇩🇪", "e\u0301"),
                ShareText.graphemes("👨‍👩‍👧👍🏽🇺🇸🇩🇪e\u0301"));
    }

    @Test
    void weighsLatinAsOneCjkAsTwoAndAnyEmojiSequenceAsTwo() {
        assertEquals(3, ShareText.xWeight("abc"));
        assertEquals(4, ShareText.xWeight("日本"));
        assertEquals(2, ShareText.xWeight("👨‍👩‍👧"));
        assertEquals(2, ShareText.xWeight("🇺🇸"));
        assertEquals(2, ShareText.xWeight("“”"));
    }

    @Test
    void leavesTextThatFitsUnchanged() {
        assertEquals("Iran says retaliation is complete", ShareText.fit("Iran says retaliation is complete", 33, String::length));
    }

    @Test
    void cutsAtAWordBoundaryAndAddsAnEllipsis() {
        assertEquals("Iran says retaliation…", ShareText.fit("Iran says retaliation is complete", 25, String::length));
    }

    @Test
    void dropsDanglingPunctuationBeforeTheEllipsis() {
        assertEquals("Iran says…", ShareText.fit("Iran says, retaliation is complete", 13, String::length));
    }

    @Test
    void cutsBetweenGraphemesWhenThereIsNoWordBoundaryNearTheEnd() {
        String cut = ShareText.fit("🇺🇸🇺🇸🇺🇸🇺🇸🇺🇸", 4, ShareText::graphemeCount);
        assertEquals("🇺🇸🇺🇸🇺🇸…", cut);
    }

    @Test
    void returnsEmptyWhenNotEvenTheEllipsisFits() {
        assertEquals("", ShareText.fit("complete", 0, String::length));
    }

    @Test
    void neverExceedsTheBudget() {
        String s = "Iran’s “escalation” & Trump’s response 🇺🇸 日本語のテキスト ".repeat(5);
        for (int budget = 1; budget < 120; budget++) {
            assertTrue(ShareText.xWeight(ShareText.fit(s, budget, ShareText::xWeight)) <= budget, "budget " + budget);
        }
    }
}
