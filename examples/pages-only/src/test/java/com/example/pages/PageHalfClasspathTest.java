package com.example.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Herald;
import dev.herald.buttons.ButtonOptions;
import dev.herald.buttons.Network;
import dev.herald.buttons.ShareButtons;
import dev.herald.page.ButtonPlacement;
import dev.herald.page.HeraldConfig;
import dev.herald.page.PageRequest;
import dev.herald.page.PageTransformer;
import dev.herald.page.Rewrite;
import dev.herald.page.ShareFilter;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A site that depends on {@code dev.herald:herald} alone takes on jsoup and slf4j-api, nothing else,
 * and the page half works with only those on its class path.
 */
class PageHalfClasspathTest {

    @Test
    void dependingOnHeraldBringsOnlyJsoupAndSlf4jApiAtRuntime() throws IOException {
        Set<String> artifacts = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of(System.getProperty("runtime.dependencies")), StandardCharsets.UTF_8)) {
            String t = line.strip();
            // dependency:list lines read "group:artifact:type:version" (scope left out by outputScope=false).
            if (t.isEmpty() || !t.contains(":") || t.startsWith("The following")) continue;
            String[] parts = t.split(":");
            artifacts.add(parts[0] + ":" + parts[1]);
        }
        assertEquals(new TreeSet<>(List.of("dev.herald:herald", "org.jsoup:jsoup", "org.slf4j:slf4j-api")), artifacts);
    }

    @Test
    void thePageHalfRendersPreviewTagsWithNothingButItsOwnDependencies() {
        assertClassAbsent("com.fasterxml.jackson.databind.ObjectMapper");
        assertClassAbsent("org.apache.hc.client5.http.classic.HttpClient");
        assertClassAbsent("com.github.kagkarlsson.scheduler.Scheduler");

        HeraldConfig config = HeraldConfig.builder().siteName("The Daily Tester").siteUrl(URI.create("https://news.example")).build();
        byte[] page = ("<!doctype html><html lang=en><head><title>Storm closes the harbour</title></head><body><article>"
                + "<h1>Storm closes the harbour</h1><p>The harbour stayed shut on Tuesday as the storm reached the coast.</p>"
                + "</article></body></html>").getBytes(StandardCharsets.UTF_8);
        PageTransformer transformer = new PageTransformer(config.site(), null, ButtonPlacement.NONE);
        Rewrite rewrite = transformer.plan(page, page.length, StandardCharsets.UTF_8, PageRequest.of(URI.create("https://news.example/storm")));
        String out = new String(rewrite.apply(page), StandardCharsets.UTF_8);
        assertTrue(out.contains("<meta property=\"og:title\" content=\"Storm closes the harbour\">"), out);
        assertTrue(out.contains("\"@type\":\"NewsArticle\""), out);
        assertEquals("Storm closes the harbour", rewrite.meta().meta().title());
    }

    @Test
    void shareButtonsForEveryNetworkRenderWithNothingButItsOwnDependencies() {
        HeraldConfig config = HeraldConfig.builder().siteName("The Daily Tester").siteUrl(URI.create("https://news.example"))
                .buttons(ButtonOptions.builder().networks(List.of(Network.values())).utm(true).build()).build();
        byte[] page = ("<!doctype html><html lang=en><head><title>Storm closes the harbour</title></head><body><article>"
                + "<h1>Storm closes the harbour</h1><p>The harbour stayed shut on Tuesday as the storm reached the coast.</p>"
                + "</article></body></html>").getBytes(StandardCharsets.UTF_8);
        PageTransformer transformer = new PageTransformer(config.site(), new ShareButtons(config.buttons()), ButtonPlacement.AFTER_HEADLINE);
        String out = new String(transformer.plan(page, page.length, StandardCharsets.UTF_8,
                PageRequest.of(URI.create("https://news.example/storm?from=home"))).apply(page), StandardCharsets.UTF_8);
        assertTrue(out.contains("https://www.facebook.com/sharer/sharer.php?u=https://news.example/storm%3Ffrom%3Dhome%26utm_source%3Dfacebook%26utm_medium%3Dsocial"), out);
    }

    @Test
    void theEntryPointForPagesLoadsWithoutTheOtherHalvesLibraries() {
        ShareFilter filter = Herald.pages(Map.of("herald.site.name", "The Daily Tester"));
        assertNotNull(filter);
        assertClassAbsent("org.apache.hc.client5.http.classic.HttpClient");
    }

    private static void assertClassAbsent(String name) {
        try {
            Class.forName(name);
            throw new AssertionError(name + " is on the class path of a site that depends on herald alone");
        } catch (ClassNotFoundException expected) {
            // as it should be
        }
    }
}
