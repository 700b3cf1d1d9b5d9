package dev.herald.syndication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.meta.ArticleMeta;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the composer reports having given up to make a message fit, mentions included. */
class ComposerAdjustmentsTest {
    private static final String URL = "https://news.example/harbour";
    private final MessageTemplate template = new MessageTemplate("{headline} {mentions}\n{url}", List.of(), List.of("@desk@news.example"), false, 0);
    private final ArticleMeta article = ArticleMeta.builder().title("Harbour reopens").url(URI.create(URL)).build();

    @Test
    void mentionsAreDroppedWhenThereIsNoRoomForThemAndTheReportSaysSo() {
        ComposedText c = Composer.compose(article, template, TextRules.mastodon(45, 23));
        assertTrue(c.fits(), c.text());
        assertFalse(c.text().contains("@desk"), c.text());
        assertTrue(c.text().startsWith("Harbour reopens"), "the headline stays whole: " + c.text());
        assertEquals(List.of("mentions dropped"), c.adjustments());
    }

    @Test
    void nothingIsReportedWhenEverythingFits() {
        ComposedText c = Composer.compose(article, template, TextRules.mastodon(500, 23));
        assertEquals("Harbour reopens @desk@news.example\n" + URL, c.text());
        assertEquals(List.of(), c.adjustments());
    }
}
