package dev.herald.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebSubConfigTest {
    @Test
    void readsTheHubsAndFeedsFromProperties() {
        HeraldConfig c = HeraldConfig.fromProperties(Map.of(
                "herald.websub.hubs", "https://pubsubhubbub.appspot.com/, https://hub.example/",
                "herald.websub.feeds", "/feed.xml,/rss"));

        assertEquals(List.of(URI.create("https://pubsubhubbub.appspot.com/"), URI.create("https://hub.example/")), c.webSubHubs());
        assertEquals(List.of("/feed.xml", "/rss"), c.webSubFeeds());
        assertEquals(c, c.toBuilder().build());
        assertTrue(HeraldConfig.describe(c).contains("WebSub hubs"));
    }

    @Test
    void withoutHubsTheFilterBuildsNoLinkWriter() {
        assertEquals(List.of(), HeraldConfig.DEFAULTS.webSubHubs());
        assertNull(WebSubLinks.of(HeraldConfig.DEFAULTS, new PageUrls(null, false)));
    }

    @Test
    void refusesAHubThatIsNotAnAbsoluteHttpUrl() {
        for (String hub : List.of("/hub", "ftp://hub.example/", "https://user@hub.example/", "https://hub.example/#x")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> HeraldConfig.fromProperties(Map.of("herald.websub.hubs", hub)), hub);
            assertTrue(e.getMessage().startsWith("herald.websub.hubs="), e.getMessage());
        }
    }

    @Test
    void refusesFeedsThatAreNotPlainSitePathsOrHaveNoHub() {
        for (String feed : List.of("feed.xml", "https://news.example/feed.xml", "/feed.xml?x=1", "/feeds/*", "/a b", "/a>b", "//evil.example/feed")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> HeraldConfig.fromProperties(Map.of("herald.websub.hubs", "https://hub.example/", "herald.websub.feeds", feed)), feed);
            assertTrue(e.getMessage().startsWith("herald.websub.feeds="), e.getMessage());
        }
        IllegalArgumentException alone = assertThrows(IllegalArgumentException.class,
                () -> HeraldConfig.fromProperties(Map.of("herald.websub.feeds", "/feed.xml")));
        assertTrue(alone.getMessage().contains("set without herald.websub.hubs"), alone.getMessage());
    }

    @Test
    void aSelfUrlIsMadeSafeForTheHeaderOrLeftOut() {
        assertEquals("https://news.example/a", WebSubLinks.headerSafe("https://news.example/a"));
        assertEquals("https://news.example/a%3Eb%3C%22%20c", WebSubLinks.headerSafe("https://news.example/a>b<\" c"));
        assertNull(WebSubLinks.headerSafe("https://news.example/a\r\nSet-Cookie: x"));
        assertNull(WebSubLinks.headerSafe("https://news.example/caf\u00e9"));
    }
}
