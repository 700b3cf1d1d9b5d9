package dev.herald.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.herald.delivery.TextLimits;
import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.NetworkRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class CardsTest {
    private final Cards cards = new Cards(TextLimits.defaults(), NetworkRegistry.installed());
    private final ArticleMeta article = ArticleMeta.builder().url("https://www.news.example/a").title("Headline").build();

    @Test
    void cutsTheTextIntoLinksAndPlainRunsAsBlueskyFacetsDo() {
        assertEquals(List.of(new Card.Segment("Read ", false), new Card.Segment("https://news.example/a", true), new Card.Segment(" now.", false)),
                Cards.segments("Read https://news.example/a now."));
    }

    @Test
    void countsByTheNetworksOwnRuleAndFlagsATextThatDoesNotFit() {
        Card x = cards.card(article, "acct", "x", "见".repeat(141), true);
        assertEquals(282, x.length(), "X weighs CJK as 2");
        assertFalse(x.fits());
        assertEquals("x", x.layout());
        assertEquals("news.example", x.domain());
        assertEquals("plain", cards.card(article, "hook", "webhook", "t", false).layout());
    }
}
