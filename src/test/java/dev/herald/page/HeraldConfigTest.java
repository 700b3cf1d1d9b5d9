package dev.herald.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.buttons.ButtonOptions;
import dev.herald.buttons.Layout;
import dev.herald.buttons.Network;
import dev.herald.buttons.Utm;
import dev.herald.meta.ImageMeta;
import dev.herald.meta.SiteDefaults;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeraldConfigTest {

    private static IllegalArgumentException rejects(String key, String value) {
        return assertThrows(IllegalArgumentException.class, () -> HeraldConfig.fromProperties(Map.of(key, value)));
    }

    private static void assertNames(IllegalArgumentException e, String key, String value) {
        assertTrue(e.getMessage().contains(key), e.getMessage());
        assertTrue(e.getMessage().contains(value), e.getMessage());
    }

    @Test
    void defaultsRewriteEveryPathWithA2MiBCapAndCache() {
        HeraldConfig c = HeraldConfig.fromProperties(Map.of());
        assertTrue(c.enabled());
        assertEquals(List.of("/*"), c.paths());
        assertEquals(List.of(), c.excludedPaths());
        assertEquals(2 * 1024 * 1024, c.maxBufferBytes());
        assertEquals(1000, c.cacheSize());
        assertFalse(c.trustProxy());
        assertEquals(ButtonPlacement.AFTER_HEADLINE, c.buttonPlacement());
        assertEquals(ButtonOptions.DEFAULTS.toBuilder().assets("/herald/assets").build(), c.buttons());
        assertEquals(c, HeraldConfig.DEFAULTS);
    }

    @Test
    void theBarLinksHeraldsServedFilesUnlessToldToInlineThem() {
        assertEquals("/herald/assets", HeraldConfig.fromProperties(Map.of()).buttons().assets());
        assertEquals("/static/herald", HeraldConfig.fromProperties(Map.of("herald.buttons.assets", "/static/herald/")).buttons().assets());
        assertEquals("https://cdn.news.example/herald",
                HeraldConfig.fromProperties(Map.of("herald.buttons.assets", "https://cdn.news.example/herald")).buttons().assets());
        assertNull(HeraldConfig.fromProperties(Map.of("herald.buttons.assets", "inline")).buttons().assets());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeraldConfig.fromProperties(Map.of("herald.buttons.assets", "//evil.example/x")));
        assertTrue(e.getMessage().startsWith("herald.buttons.assets='//evil.example/x'"), e.getMessage());
    }

    @Test
    void placementsCombineButNoneAndPlaceholderOnlyStandAlone() {
        HeraldConfig c = HeraldConfig.fromProperties(Map.of("herald.buttons.placement", "after-standfirst, end-of-article"));
        assertEquals(List.of(ButtonPlacement.AFTER_STANDFIRST, ButtonPlacement.END_OF_ARTICLE), c.buttonPlacements());
        assertEquals(ButtonPlacement.AFTER_STANDFIRST, c.buttonPlacement());
        assertEquals(List.of(ButtonPlacement.AFTER_HEADLINE), HeraldConfig.DEFAULTS.buttonPlacements());
        for (String bad : List.of("none, end-of-article", "after-headline, after-headline", "placeholder-only, after-headline", "sidebar", " , ")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> HeraldConfig.fromProperties(Map.of("herald.buttons.placement", bad)), bad);
            assertTrue(e.getMessage().startsWith("herald.buttons.placement='"), e.getMessage());
        }
    }

    @Test
    void readsEveryKey() {
        HeraldConfig c = HeraldConfig.fromProperties(Map.ofEntries(
                Map.entry("herald.enabled", "false"),
                Map.entry("herald.site.name", "The Daily Tester"),
                Map.entry("herald.site.url", "https://news.example.com"),
                Map.entry("herald.site.defaultImage", "/img/default.jpg"),
                Map.entry("herald.site.defaultImage.width", "1200"),
                Map.entry("herald.site.defaultImage.height", "630"),
                Map.entry("herald.site.defaultImage.alt", "Our logo on blue"),
                Map.entry("herald.site.twitter", "dailytester"),
                Map.entry("herald.site.locale", "en_GB"),
                Map.entry("herald.site.logo", "https://cdn.example.com/logo.png"),
                Map.entry("herald.paths", "/articles/*, /news/*.html"),
                Map.entry("herald.paths.exclude", "/admin/*"),
                Map.entry("herald.buttons.networks", "Mastodon, bluesky,email"),
                Map.entry("herald.buttons.placement", "end-of-article"),
                Map.entry("herald.buttons.utm", "TRUE"),
                Map.entry("herald.buttons.locale", "de"),
                Map.entry("herald.buttons.endpoint", "/herald/share"),
                Map.entry("herald.buttons.layout", "column"),
                Map.entry("herald.buttons.heading", "Share this article"),
                Map.entry("herald.buttons.script", "false"),
                Map.entry("herald.buttons.style", "false"),
                Map.entry("herald.maxBufferBytes", "512KiB"),
                Map.entry("herald.cache.size", "0"),
                Map.entry("herald.trustProxy", "true")));
        assertFalse(c.enabled());
        assertEquals("The Daily Tester", c.site().siteName());
        assertEquals(URI.create("https://news.example.com"), c.siteUrl());
        assertEquals(new ImageMeta(URI.create("https://news.example.com/img/default.jpg"), 1200, 630, "Our logo on blue", null),
                c.site().defaultImage());
        assertEquals("@dailytester", c.site().asMeta().twitterSite());
        assertEquals(Locale.UK, c.site().locale());
        assertEquals(URI.create("https://cdn.example.com/logo.png"), c.site().publisherLogo().url());
        assertEquals(List.of("/articles/*", "/news/*.html"), c.paths());
        assertEquals(List.of("/admin/*"), c.excludedPaths());
        assertEquals(List.of(Network.MASTODON, Network.BLUESKY, Network.EMAIL), c.buttons().networks());
        assertEquals(ButtonPlacement.END_OF_ARTICLE, c.buttonPlacement());
        assertEquals(Utm.DEFAULT, c.buttons().utm());
        assertEquals(Locale.GERMAN, c.buttons().locale());
        assertEquals("/herald/share", c.buttons().endpoint());
        assertEquals(Layout.COLUMN, c.buttons().layout());
        assertEquals("Share this article", c.buttons().heading());
        assertFalse(c.buttons().script());
        assertFalse(c.buttons().style());
        assertEquals(512 * 1024, c.maxBufferBytes());
        assertEquals(0, c.cacheSize());
        assertTrue(c.trustProxy());
    }

    @Test
    void ignoresKeysOutsideTheHeraldNamespace() {
        assertEquals(HeraldConfig.DEFAULTS, HeraldConfig.fromProperties(Map.of("spring.main.banner", "off")));
    }

    @Test
    void rejectsAnUnknownHeraldKeyListingTheKnownOnes() {
        IllegalArgumentException e = rejects("herald.site.nmae", "x");
        assertTrue(e.getMessage().contains("herald.site.nmae"), e.getMessage());
        assertTrue(e.getMessage().contains("herald.site.name"), e.getMessage());
    }

    @Test
    void rejectsABooleanThatIsNeitherTrueNorFalse() {
        assertNames(rejects("herald.trustProxy", "yes"), "herald.trustProxy", "yes");
    }

    @Test
    void readsWhichProxiesAndServerPortsToTrust() {
        HeraldConfig hops = HeraldConfig.fromProperties(Map.of("herald.trustProxy", "true", "herald.trustProxy.hops", "2"));
        assertEquals(new TrustedProxies(2, List.of()), hops.proxies());
        HeraldConfig cidrs = HeraldConfig.fromProperties(Map.of("herald.trustProxy", "true",
                "herald.trustProxy.addresses", "10.0.0.0/8, 2001:db8::/32"));
        assertEquals(List.of("10.0.0.0/8", "2001:db8::/32"), cidrs.proxies().networks());
        assertEquals(TrustedProxies.ONE_HOP, HeraldConfig.DEFAULTS.proxies());
        assertEquals(java.util.Set.of(8443, 8080), HeraldConfig.fromProperties(Map.of("herald.share.serverPorts", "8443, 8080")).serverPorts());
        assertTrue(HeraldConfig.DEFAULTS.serverPorts().isEmpty());
    }

    @Test
    void rejectsProxySettingsThatCannotBeMeant() {
        assertNames(rejects("herald.trustProxy.hops", "2"), "herald.trustProxy.hops", "herald.trustProxy=true");
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> HeraldConfig.fromProperties(
                Map.of("herald.trustProxy", "true", "herald.trustProxy.hops", "0")));
        assertNames(zero, "herald.trustProxy.hops", "0");
        IllegalArgumentException cidr = assertThrows(IllegalArgumentException.class, () -> HeraldConfig.fromProperties(
                Map.of("herald.trustProxy", "true", "herald.trustProxy.addresses", "10.0.0.0/33")));
        assertNames(cidr, "herald.trustProxy.addresses", "10.0.0.0/33");
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> HeraldConfig.fromProperties(
                Map.of("herald.trustProxy", "true", "herald.trustProxy.hops", "1", "herald.trustProxy.addresses", "10.0.0.1")));
        assertTrue(both.getMessage().contains("herald.trustProxy.addresses"), both.getMessage());
        assertNames(rejects("herald.share.serverPorts", "443x"), "herald.share.serverPorts", "443x");
        assertNames(rejects("herald.share.serverPorts", "70000"), "herald.share.serverPorts", "70000");
    }

    @Test
    void rejectsASizeThatIsNotASize() {
        assertNames(rejects("herald.maxBufferBytes", "lots"), "herald.maxBufferBytes", "lots");
        assertNames(rejects("herald.maxBufferBytes", "100"), "herald.maxBufferBytes", "100");
    }

    @Test
    void rejectsANegativeCacheSize() {
        assertNames(rejects("herald.cache.size", "-1"), "herald.cache.size", "-1");
    }

    @Test
    void rejectsAnInvalidPathPattern() {
        assertNames(rejects("herald.paths", "/news/*, articles/*"), "herald.paths", "articles/*");
    }

    @Test
    void rejectsAnEmptyPathList() {
        assertNames(rejects("herald.paths", " , "), "herald.paths", "herald.enabled=false");
    }

    @Test
    void rejectsAnUnknownNetwork() {
        assertNames(rejects("herald.buttons.networks", "facebook,myspace"), "herald.buttons.networks", "myspace");
    }

    @Test
    void rejectsANetworkListedTwice() {
        assertNames(rejects("herald.buttons.networks", "x, twitter"), "herald.buttons.networks", "x, twitter");
    }

    @Test
    void rejectsAnUnknownLayout() {
        assertNames(rejects("herald.buttons.layout", "grid"), "herald.buttons.layout", "grid");
    }

    @Test
    void rejectsAnUnknownPlacement() {
        assertNames(rejects("herald.buttons.placement", "sidebar"), "herald.buttons.placement", "sidebar");
    }

    @Test
    void rejectsASiteUrlWithAPath() {
        assertNames(rejects("herald.site.url", "https://news.example.com/blog"), "herald.site.url", "/blog");
    }

    @Test
    void keepsASitePathDefaultImageWithoutASiteUrlForEachPagesOriginToComplete() {
        HeraldConfig c = HeraldConfig.fromProperties(Map.of("herald.site.defaultImage", "/img/x.jpg", "herald.site.defaultImage.width", "1200",
                "herald.site.defaultImage.height", "630", "herald.site.defaultImage.alt", "Our masthead", "herald.site.logo", "/img/logo.png"));
        assertNull(c.site().defaultImage(), "no URL can be built before a page is served");
        SiteDefaults onPage = c.siteFor(URI.create("https://news.example.com/world/story?id=7"));
        assertEquals(new ImageMeta(URI.create("https://news.example.com/img/x.jpg"), 1200, 630, "Our masthead", null), onPage.defaultImage());
        assertEquals(URI.create("https://news.example.com/img/logo.png"), onPage.publisherLogo().url());
        assertEquals(URI.create("http://127.0.0.1:8080/img/x.jpg"), c.siteFor(URI.create("http://127.0.0.1:8080/a")).defaultImage().url());
        assertEquals(c, c.toBuilder().build(), "a copy keeps the site paths");
        HeraldConfig absolute = HeraldConfig.fromProperties(Map.of("herald.site.url", "https://news.example.com", "herald.site.defaultImage", "/img/x.jpg"));
        assertSame(absolute.site(), absolute.siteFor(URI.create("https://other.example/a")), "with a site URL the images are fixed");
    }

    @Test
    void rejectsAPathThatIsNotASitePathWithoutASiteUrl() {
        assertNames(rejects("herald.site.defaultImage", "img/x.jpg"), "herald.site.defaultImage", "img/x.jpg");
        assertNames(rejects("herald.site.logo", "//evil.example/x.png"), "herald.site.logo", "//evil.example/x.png");
        assertThrows(IllegalArgumentException.class, () -> HeraldConfig.builder()
                .defaultImage(ImageMeta.of(URI.create("https://cdn.example/x.jpg")))
                .siteImages(new HeraldConfig.SiteImages("/img/x.jpg", null, null, null, null)).build());
        assertThrows(IllegalArgumentException.class, () -> new HeraldConfig.SiteImages("/img/a b.jpg", null, null, null, null));
    }

    @Test
    void rejectsANonHttpDefaultImage() {
        assertNames(rejects("herald.site.defaultImage", "javascript:alert(1)"), "herald.site.defaultImage", "javascript:alert(1)");
    }

    @Test
    void rejectsAnImageWidthWithoutItsHeight() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HeraldConfig.fromProperties(Map.of(
                "herald.site.defaultImage", "https://cdn.example.com/d.jpg", "herald.site.defaultImage.width", "1200")));
        assertTrue(e.getMessage().contains("herald.site.defaultImage.height"), e.getMessage());
    }

    @Test
    void rejectsAnInvalidXHandle() {
        assertNames(rejects("herald.site.twitter", "not a handle!"), "herald.site.twitter", "not a handle!");
    }

    @Test
    void rejectsAnInvalidLocale() {
        assertNames(rejects("herald.site.locale", "english please"), "herald.site.locale", "english please");
    }

    @Test
    void rejectsAnEndpointThatIsNotASitePath() {
        assertNames(rejects("herald.buttons.endpoint", "//evil.example/share"), "herald.buttons.endpoint", "//evil.example/share");
    }

    @Test
    void copiesAndChangesThroughToBuilder() {
        HeraldConfig c = HeraldConfig.builder().siteName("A").cacheSize(5).build();
        HeraldConfig d = c.toBuilder().cacheSize(6).build();
        assertEquals("A", d.site().siteName());
        assertEquals(6, d.cacheSize());
        assertNull(d.siteUrl());
    }
}
