package dev.herald.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.RepositoryRoot;
import dev.herald.buttons.ShareButtons;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * What the share bar costs a page, in bytes of HTML, measured as the filter writes it: the demo
 * article rewritten with buttons, minus the same article rewritten with the same configuration and
 * no buttons. Deterministic, so asserted here rather than benchmarked.
 */
class ShareBarBudgetTest {
    private static final Path DEMO = RepositoryRoot.resolve("webapp");
    private static final String ARTICLE = "articles/iran-retaliation.html";

    /** The demo's herald.properties, with {@code overrides} on top. */
    private static HeraldConfig demoConfig(Map<String, String> overrides) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(DEMO.resolve("WEB-INF/herald.properties"), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        Map<String, String> settings = new HashMap<>();
        p.stringPropertyNames().forEach(k -> settings.put(k, p.getProperty(k)));
        settings.putAll(overrides);
        return HeraldConfig.fromProperties(settings);
    }

    /** A production-like configuration: the demo's site, Herald's default buttons, a longer https origin. */
    private static HeraldConfig defaultsConfig(Map<String, String> overrides) throws IOException {
        Map<String, String> settings = new HashMap<>(Map.of(
                "herald.site.name", "The Meridian Ledger",
                "herald.site.twitter", "@meridianledger",
                "herald.site.url", "https://www.meridian-ledger.example",
                "herald.site.logo", "/img/ledger-logo.png"));
        settings.putAll(overrides);
        return HeraldConfig.fromProperties(settings);
    }

    private static String rewrite(HeraldConfig config) throws IOException {
        byte[] page = Files.readAllBytes(DEMO.resolve(ARTICLE));
        URI url = URI.create((config.siteUrl() == null ? "http://127.0.0.1:8080" : config.siteUrl().toString()) + "/" + ARTICLE);
        PageTransformer t = new PageTransformer(config.site(),
                config.buttonPlacement() == ButtonPlacement.NONE ? null : new ShareButtons(config.buttons()),
                config.buttonPlacements(), dev.herald.meta.ImageSizes.NONE);
        Rewrite r = t.plan(page, page.length, StandardCharsets.UTF_8, PageRequest.of(url));
        return new String(r.apply(page), StandardCharsets.UTF_8);
    }

    /** Bytes the bar adds: with buttons minus without, everything else equal. */
    private static int barBytes(HeraldConfig config) throws IOException {
        String with = rewrite(config);
        String without = rewrite(config.toBuilder().buttonPlacement(ButtonPlacement.NONE).build());
        return with.getBytes(StandardCharsets.UTF_8).length - without.getBytes(StandardCharsets.UTF_8).length;
    }

    private static int buttonsIn(HeraldConfig config) throws IOException {
        Document doc = Jsoup.parse(rewrite(config));
        return doc.select("nav.herald-share li").size();
    }

    @Test
    void heraldsDefaultNineNetworksAddAtMostTwoAndAHalfKilobytes() throws IOException {
        // With an endpoint, so that all nine defaults (Mastodon among them) are on the page.
        HeraldConfig config = defaultsConfig(Map.of("herald.buttons.endpoint", "/herald/share"));
        assertEquals(9, buttonsIn(config));
        int bytes = barBytes(config);
        assertTrue(bytes <= 2500, "the default bar adds " + bytes + " bytes");
    }

    @Test
    void theDefaultBarWithoutAnEndpointLinkingStraightToEachNetworkStaysWithinBudget() throws IOException {
        HeraldConfig config = defaultsConfig(Map.of());
        assertEquals(8, buttonsIn(config)); // Mastodon needs the endpoint
        int bytes = barBytes(config);
        assertTrue(bytes <= 2500, "the default bar adds " + bytes + " bytes");
    }

    @Test
    void theDemosThirteenButtonsAddAtMostThreeAndAHalfKilobytes() throws IOException {
        HeraldConfig config = demoConfig(Map.of());
        assertEquals(13, buttonsIn(config));
        int bytes = barBytes(config);
        assertTrue(bytes <= 3500, "the demo's bar adds " + bytes + " bytes");
    }

    @Test
    void aSecondPlacementCostsOnlyTheBarNotItsStylesheetAgain() throws IOException {
        HeraldConfig one = demoConfig(Map.of());
        HeraldConfig two = demoConfig(Map.of("herald.buttons.placement", "after-headline, end-of-article"));
        String page = rewrite(two);
        assertEquals(2, Jsoup.parse(page).select("nav.herald-share").size());
        assertEquals(1, Jsoup.parse(page).select("link[data-herald-style]").size());
        assertEquals(1, Jsoup.parse(page).select("script[data-herald-script]").size());
        assertTrue(barBytes(two) < 2 * barBytes(one));
    }

    @Test
    void theInlineBarStaysSelfContainedAndCostsWhatItCarries() throws IOException {
        HeraldConfig linked = demoConfig(Map.of());
        HeraldConfig inline = demoConfig(Map.of("herald.buttons.assets", "inline"));
        Document doc = Jsoup.parse(rewrite(inline));
        assertEquals(0, doc.select("link[data-herald-style], script[src]").size());
        assertEquals(1, doc.select("style[data-herald-style]").size());
        assertEquals(13, doc.select("nav.herald-share svg").size());
        assertTrue(barBytes(inline) > 2 * barBytes(linked), "inline " + barBytes(inline) + " vs linked " + barBytes(linked));
    }

    @Test
    void everythingTheBarLeavesOutOfThePageIsInItsTwoCachedFiles() throws IOException {
        Document doc = Jsoup.parse(rewrite(demoConfig(Map.of())));
        String css = doc.selectFirst("link[data-herald-style]").attr("href");
        String js = doc.selectFirst("script[data-herald-script]").attr("src");
        List<String> names = ShareButtons.assets().stream().map(a -> "/herald/assets/" + a.fileName()).toList();
        assertEquals(List.of(css, js), names);
        assertTrue(doc.select("nav.herald-share svg, nav.herald-share style, nav.herald-share script").isEmpty());
    }
}
