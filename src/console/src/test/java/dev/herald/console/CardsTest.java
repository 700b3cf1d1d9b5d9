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

    @Test
    void carriesThePagesTitleDescriptionAndImageAndBlanksForWhatThePageLacks() {
        ArticleMeta full = ArticleMeta.builder().url("https://news.example/b").title("Harbour reopens").description("Ships are back.")
                .image(dev.herald.meta.ImageMeta.of(java.net.URI.create("https://cdn.news.example/harbour.jpg"))).build();
        Card card = cards.card(full, "acct", "mastodon", "t", false);
        assertEquals("Harbour reopens", card.title());
        assertEquals("Ships are back.", card.description());
        assertEquals("https://cdn.news.example/harbour.jpg", card.image());
        assertEquals("news.example", card.domain(), "a host without www. stays as it is");
        Card bare = cards.card(ArticleMeta.builder().url("https://news.example/c").build(), "acct", "mastodon", "t", false);
        assertEquals("", bare.title());
        assertEquals("", bare.description());
        assertEquals(null, bare.image());
    }
}
