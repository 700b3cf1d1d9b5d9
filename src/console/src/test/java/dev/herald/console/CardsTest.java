package dev.herald.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void countsByTheDeliverysLimitsBeforeTheNetworksOwn() {
        Cards roomy = new Cards(new TextLimits(java.util.Map.of("mastodon", dev.herald.syndication.TextRules.mastodon(1000, 23))), NetworkRegistry.installed());
        assertEquals(1000, roomy.card(article, "acct", "mastodon", "t", false).limit(), "an instance that allows 1,000 characters");
        assertEquals(300, roomy.card(article, "acct", "bluesky", "t", false).limit(), "a network the limits do not name: its own rule");
        assertEquals(Integer.MAX_VALUE, roomy.card(article, "acct", "carrier-pigeon", "t", false).limit(), "an unknown network: no limit");
    }

    @Test
    void marksTheCardsWhoseTextAPersonWroteAndComposesTheRest() {
        List<dev.herald.syndication.Syndicator> two = List.of(syndicator("ledger-mastodon", "mastodon"), syndicator("ledger-bluesky", "bluesky"));
        List<Card> out = cards.cards(article, two, java.util.Map.of("ledger-mastodon", "Our words", "ledger-bluesky", "  "));
        assertEquals("Our words", out.get(0).text());
        assertEquals(true, out.get(0).edited());
        assertEquals(two.get(1).preview(dev.herald.syndication.Post.of(article, "ledger-bluesky", null)).text().text(), out.get(1).text(),
                "a blank box: the account's own composed text");
        assertTrue(out.get(1).text().contains("Headline"));
        assertEquals(false, out.get(1).edited());
    }

    private static dev.herald.syndication.Syndicator syndicator(String account, String network) {
        return new dev.herald.syndication.Syndicator() {
            @Override
            public String account() {
                return account;
            }

            @Override
            public String network() {
                return network;
            }

            @Override
            public dev.herald.syndication.Outcome send(dev.herald.syndication.Post post) {
                throw new UnsupportedOperationException("not sent in this test");
            }
        };
    }

    @Test
    void aTextThatStartsOrEndsWithALinkHasNoEmptyRunAroundIt() {
        assertEquals(List.of(new Card.Segment("https://news.example/a", true), new Card.Segment(" and ", false),
                new Card.Segment("https://news.example/b", true)), Cards.segments("https://news.example/a and https://news.example/b"));
        assertEquals(List.of(new Card.Segment("no link here", false)), Cards.segments("no link here"));
        assertEquals(List.of(), Cards.segments(""));
    }
}
