package dev.herald.syndication.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Discord's escaping and limits, exactly: what the syndicator's payloads are built from. */
class DiscordTextTest {
    @Test
    void escapesEveryMarkdownCharacterOutsideLinksAndNothingElse() {
        assertEquals("\\*bold\\* \\_it\\_ \\~\\~s\\~\\~ \\`c\\` \\|\\|x\\|\\| \\> \\# \\- \\[a\\]\\(b\\) \\<t\\> \\\\ plain.",
                DiscordText.escape("*bold* _it_ ~~s~~ `c` ||x|| > # - [a](b) <t> \\ plain."));
        assertEquals("see https://news.example/a_b*c and \\*this\\*", DiscordText.escape("see https://news.example/a_b*c and *this*"));
        assertEquals("", DiscordText.escape(""));
    }

    @Test
    void quietLinksAreWrappedSoDiscordAddsNoPreviewOfItsOwn() {
        assertEquals("Rates \\*held\\* <https://news.example/rates_2026> \\- more", DiscordText.escapeQuietLinks("Rates *held* https://news.example/rates_2026 - more"));
        assertEquals("no \\_links\\_", DiscordText.escapeQuietLinks("no _links_"));
    }

    @Test
    void fitsTheEscapedFormIntoTheBudgetExactlyAtItsEdge() {
        assertEquals("abcdef", DiscordText.fitEscaped("abcdef", 6), "six characters fit six");
        String cut = DiscordText.fitEscaped("abcdefg", 6);
        assertEquals("abcde…", cut, "cut as late as the budget allows");
        // Each '*' escapes to two characters: counted escaped, "**" needs 4.
        assertEquals("\\*\\*", DiscordText.fitEscaped("**", 4));
        String escapedCut = DiscordText.fitEscaped("*****", 4);
        assertTrue(escapedCut.length() <= 4 && escapedCut.endsWith("…"), escapedCut);
        assertEquals("", DiscordText.fitEscaped("anything", 0));
        assertEquals("", DiscordText.fitEscaped("   ", 10));
        assertEquals("", DiscordText.fitEscaped(null, 10));
    }

    @Test
    void theLaterOfTwoInstantsWinsAndAMissingOneDefersToTheOther() {
        Instant early = Instant.parse("2026-12-07T10:00:00Z");
        Instant late = early.plusSeconds(1);
        assertEquals(late, DiscordSyndicator.latest(early, late));
        assertEquals(late, DiscordSyndicator.latest(late, early));
        assertEquals(early, DiscordSyndicator.latest(null, early));
        assertEquals(early, DiscordSyndicator.latest(early, null));
    }
}
