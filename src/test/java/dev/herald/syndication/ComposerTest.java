package dev.herald.syndication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.internal.Graphemes;
import dev.herald.internal.Utf8;
import dev.herald.meta.ArticleMeta;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComposerTest {
    private static final String HEADLINE = "Iran says retaliation for US strike is complete, will not seek “escalation”";
    private static final String SUMMARY = "Iran does not intend to enter into a war with the United States, the regime said late Tuesday "
            + "after retaliating for the killing of its top general, Qassem Soleimani.";
    private static final String URL = "https://news.example/world/2020/01/08/iran-says-retaliation-for-us-strike-is-complete-will-not-seek-escalation";

    private static ArticleMeta article(String title, String description, List<String> tags) {
        return ArticleMeta.builder().title(title).description(description).url(URI.create(URL)).tags(tags).build();
    }

    @Test
    void aMessageThatFitsIsSentWhole() {
        ComposedText c = Composer.compose(article(HEADLINE, SUMMARY, List.of("Iran")), MessageTemplate.defaults(), TextRules.mastodon(500, 23));
        assertEquals(HEADLINE + "\n\n" + SUMMARY + "\n\n" + URL + "\n\n#Iran", c.text());
        assertTrue(c.fits());
        assertFalse(c.shortened());
        // The URL counts 23 however long it is.
        assertEquals(Graphemes.count(c.text()) - URL.length() + 23, c.length());
    }

    @Test
    void theSummaryGivesWayFirstAtAWordBoundaryWithAnEllipsis() {
        TextRules rules = TextRules.mastodon(200, 23);
        ComposedText c = Composer.compose(article(HEADLINE, SUMMARY, List.of("Iran", "Middle East")), MessageTemplate.defaults(), rules);
        assertTrue(c.fits());
        assertTrue(c.length() <= 200, c.text());
        assertEquals(List.of("summary shortened"), c.adjustments());
        assertTrue(c.text().startsWith(HEADLINE + "\n\nIran does not intend"), c.text());
        assertTrue(c.text().contains("…\n\n" + URL + "\n\n#Iran #MiddleEast"), c.text());
        String summary = c.text().split("\n\n")[1];
        String beforeEllipsis = summary.substring(0, summary.length() - 1);
        assertTrue(SUMMARY.startsWith(beforeEllipsis) && SUMMARY.charAt(beforeEllipsis.length()) == ' ', "cut after a whole word: " + summary);
    }

    @Test
    void hashtagsAreDroppedBeforeTheHeadlineIsCut() {
        // Room for the headline, the link and one hashtag, not two and not the summary.
        TextRules rules = TextRules.mastodon(Graphemes.count(HEADLINE) + 2 + 23 + 2 + "#Iran".length() + 3, 23);
        ComposedText c = Composer.compose(article(HEADLINE, SUMMARY, List.of("Iran", "Soleimani")), MessageTemplate.defaults(), rules);
        assertEquals(HEADLINE + "\n\n" + URL + "\n\n#Iran", c.text());
        assertEquals(List.of("hashtag #Soleimani dropped", "summary dropped"), c.adjustments());
    }

    @Test
    void theHeadlineIsCutLastAndTheUrlNever() {
        TextRules rules = TextRules.mastodon(60, 23);
        ComposedText c = Composer.compose(article(HEADLINE, SUMMARY, List.of("Iran")), MessageTemplate.defaults(), rules);
        assertTrue(c.fits());
        assertTrue(c.text().endsWith("…\n\n" + URL), c.text());
        assertTrue(c.adjustments().contains("headline shortened"));
        assertTrue(c.length() <= 60);
    }

    @Test
    void blueskyCountsTheUrlAsWrittenAndStopsAtThreeHundredGraphemes() {
        ComposedText c = Composer.compose(article(HEADLINE, SUMMARY, List.of()), MessageTemplate.defaults(), TextRules.BLUESKY);
        assertTrue(c.fits());
        assertEquals(Graphemes.count(c.text()), c.length());
        assertTrue(c.length() <= 300, "length " + c.length());
        assertTrue(c.text().contains(URL));
    }

    @Test
    void emojiSequencesAndCombiningMarksAreNeverSplit() {
        String family = "👨‍👩‍👧‍👦";
        String headline = "Cafe\u0301 owners react " + family.repeat(40);
        TextRules rules = new TextRules(50, 3000, -1);
        ComposedText c = Composer.compose(article(headline, null, List.of()), new MessageTemplate("{headline}", List.of(), List.of(), false, 0), rules);
        assertTrue(c.fits());
        String kept = c.text().substring(0, c.text().length() - 1);
        assertTrue(kept.startsWith("Cafe\u0301 owners react "), kept);
        assertEquals(0, kept.substring("Cafe\u0301 owners react ".length()).replace(family, "").length(), "only whole families: " + kept);
    }

    @Test
    void aByteLimitIsMetEvenWhenTheCharacterLimitIsNot() {
        String family = "👨‍👩‍👧‍👦"; // one grapheme, 25 UTF-8 bytes
        ComposedText c = Composer.compose(article("News " + family.repeat(200), null, List.of()), MessageTemplate.defaults(), TextRules.BLUESKY);
        assertTrue(c.fits());
        assertTrue(Utf8.length(c.text()) <= 3000, "bytes " + Utf8.length(c.text()));
        assertTrue(c.text().endsWith("…\n\n" + URL));
    }

    @Test
    void aCutAfterAnAbbreviationDoesNotDoubleItsFullStop() {
        String summary = "Tehran declared its answer to the killing of Gen. Qassem Soleimani complete on Wednesday.";
        ComposedText c = Composer.compose(article("H", summary, List.of()), new MessageTemplate("{summary}", List.of(), List.of(), false, 0),
                new TextRules(Graphemes.count("Tehran declared its answer to the killing of Gen. Q"), 3000, -1));
        assertEquals("Tehran declared its answer to the killing of Gen…", c.text());
    }

    @Test
    void emptyValuesLeaveNoStrayBlankLines() {
        ComposedText c = Composer.compose(article(HEADLINE, null, List.of()), MessageTemplate.defaults(), TextRules.UNLIMITED);
        assertEquals(HEADLINE + "\n\n" + URL, c.text());
    }

    @Test
    void articleTagsBecomeValidHashtagsOnceEach() {
        MessageTemplate t = new MessageTemplate("{url} {hashtags}", List.of("#news", "world"), List.of(), true, 4);
        ComposedText c = Composer.compose(article(HEADLINE, null, List.of("News", "Middle East", "Iran–US relations", "2020", "Zarif")), t, TextRules.UNLIMITED);
        assertEquals(URL + " #news #world #MiddleEast #IranUSRelations", c.text());
    }

    @Test
    void mentionsAndSiteFillTheirPlaceholders() {
        MessageTemplate t = new MessageTemplate("{site}: {headline} {mentions}\n{url}", List.of(), List.of("@desk@news.example"), false, 0);
        ArticleMeta a = ArticleMeta.builder().title("Hi").siteName("The Ledger").url(URI.create(URL)).build();
        assertEquals("The Ledger: Hi @desk@news.example\n" + URL, Composer.compose(a, t, TextRules.UNLIMITED).text());
    }

    @Test
    void anUnknownPlaceholderIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MessageTemplate("{headline} {title}", List.of(), List.of(), true, 3));
        assertTrue(e.getMessage().contains("{title}"), e.getMessage());
    }

    @Test
    void aLinkLongerThanTheLimitIsReportedAsNotFitting() {
        ComposedText c = Composer.compose(article(HEADLINE, SUMMARY, List.of()), MessageTemplate.defaults(), new TextRules(40, 3000, -1));
        assertFalse(c.fits());
        assertNotEquals(-1, c.text().indexOf(URL), "the URL is still whole");
    }
}
