package dev.herald.taglib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.page.ShareFilter;
import dev.herald.page.it.Container;
import dev.herald.page.it.Http;
import dev.herald.share.ShareServlet;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletRegistration;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The taglib in a real JSP engine, with and without {@link ShareFilter}. Each container runs the
 * same scenarios through a subclass that only says how to start it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TaglibContract {
    private final Http http = new Http();
    private Container container;

    abstract Container newContainer();

    @BeforeAll
    void start() throws Exception {
        Path site = Files.createTempDirectory("herald-taglib");
        Path source = Path.of(getClass().getResource("/webapps/taglib").toURI());
        try (var files = Files.list(source)) {
            for (Path f : (Iterable<Path>) files::iterator) Files.copy(f, site.resolve(f.getFileName()));
        }
        // Jasper finds TLDs anywhere under WEB-INF; the packaged jar carries the same file in META-INF.
        Files.createDirectories(site.resolve("WEB-INF"));
        try (var tld = ShareFilter.class.getResourceAsStream("/META-INF/herald.tld")) {
            Files.copy(tld, site.resolve("WEB-INF/herald.tld"));
        }
        container = newContainer();
        container.start(List.of(
                new Container.App("/plain", site, app(false, "/plain")),
                new Container.App("/filtered", site, app(true, "/filtered"))));
    }

    private static ServletContainerInitializer app(boolean filter, String contextPath) {
        return (classes, ctx) -> {
            ctx.setInitParameter("herald.site.name", "The Harbour Post");
            ctx.setInitParameter("herald.site.twitter", "@harbourpost");
            ctx.setInitParameter("herald.buttons.endpoint", contextPath + "/herald/share");
            ServletRegistration.Dynamic share = ctx.addServlet("herald-share", ShareServlet.class);
            share.addMapping("/herald/share/*");
            if (filter) {
                FilterRegistration.Dynamic f = ctx.addFilter("herald", ShareFilter.class);
                f.setAsyncSupported(true);
                f.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
            }
        };
    }

    @AfterAll
    void stop() throws Exception {
        if (container != null) container.close();
    }

    private Document page(String path) throws Exception {
        HttpResponse<byte[]> r = http.get(container.uri(path));
        assertEquals(200, r.statusCode(), () -> Http.text(r));
        return Jsoup.parse(Http.text(r), container.uri(path).toString());
    }

    @Test
    void metaTagRendersTheTagsItselfWithoutTheFilter() throws Exception {
        Document doc = page("/plain/story.jsp");
        assertEquals("Tide tables rewritten after harbour survey", doc.selectFirst("meta[property=og:title]").attr("content"));
        // Root-relative, as a browser resolves it: the context path is the page author's to add.
        assertEquals(container.uri("/img/tide.jpg").toString(), doc.selectFirst("meta[property=og:image]").attr("content"));
        assertEquals("1200", doc.selectFirst("meta[property=og:image:width]").attr("content"));
        assertEquals("The Harbour Post", doc.selectFirst("meta[property=og:site_name]").attr("content"));
        assertEquals(2, doc.select("meta[property=article:tag]").size());
        assertEquals("2024-03-01T08:00:00Z", doc.selectFirst("meta[property=article:published_time]").attr("content"));
        assertNotNull(doc.selectFirst("script[type=application/ld+json]"));
        assertEquals(1, doc.select("meta[property=og:title]").size());
    }

    @Test
    void withTheFilterTheTagsAppearOnceWithTheTaglibValues() throws Exception {
        Document doc = page("/filtered/story.jsp");
        assertEquals(1, doc.select("meta[property=og:title]").size());
        assertEquals(1, doc.select("link[rel=canonical]").size());
        assertEquals(1, doc.select("script[type=application/ld+json]").size());
        assertEquals("Tide tables rewritten after harbour survey", doc.selectFirst("meta[property=og:title]").attr("content"));
        assertEquals("Science", doc.selectFirst("meta[property=article:section]").attr("content"));
        assertEquals("Ana Ruiz", doc.select("meta[property=article:author]").first().attr("content"));
    }

    @Test
    void buttonsTagPlacesOneBarWithTheChosenNetworks() throws Exception {
        for (String path : List.of("/plain/story.jsp", "/filtered/story.jsp")) {
            Document doc = page(path);
            assertEquals(1, doc.select("[data-herald-buttons]").size(), path);
            assertEquals(List.of("hs-fb", "hs-x", "hs-ma"),
                    doc.select("[data-herald-buttons] li > a").stream().map(a -> a.className()).toList(), path);
            assertTrue(doc.selectFirst("[data-herald-buttons]").text().contains("Share this story"), path);
            // Buttons go through the site's own endpoint, which counts and redirects.
            // A path on the site that served the page, whatever its canonical URL says.
            String mastodon = doc.selectFirst("a.hs-ma").attr("href");
            assertTrue(mastodon.startsWith(path.substring(0, path.indexOf('/', 1)) + "/herald/share/mastodon?url="), mastodon);
        }
    }

    @Test
    void buttonsTagLinksHeraldsCachedFilesOnlyWhereTheFilterServesThem() throws Exception {
        Document filtered = page("/filtered/story.jsp");
        String css = filtered.selectFirst("[data-herald-buttons] link[rel=stylesheet][data-herald-style]").attr("href");
        assertTrue(css.startsWith("/filtered/herald/assets/share-"), css);
        assertEquals(200, http.get(container.uri(css)).statusCode());
        assertTrue(filtered.select("[data-herald-buttons] svg, [data-herald-buttons] style").isEmpty());
        // Without the filter nothing serves the files: the bar carries its own style and icons.
        Document plain = page("/plain/story.jsp");
        assertTrue(plain.select("link[data-herald-style], script[data-herald-script][src]").isEmpty());
        assertEquals(1, plain.select("[data-herald-buttons] style[data-herald-style]").size());
        assertEquals(3, plain.select("[data-herald-buttons] svg").size());
    }

    @Test
    void shareUrlTagGivesTheButtonsLinkForCustomMarkup() throws Exception {
        Document doc = page("/plain/story.jsp");
        String custom = doc.selectFirst("#custom-x").attr("href");
        // The same share, written the long way (absolute, %20) where the bar writes it short.
        String button = doc.selectFirst("a.hs-x").attr("href");
        assertEquals(URI.create(custom).getPath(), button.substring(0, button.indexOf('?')));
        assertEquals(decodedQuery(custom), decodedQuery(button));
        assertTrue(doc.selectFirst("#pin").text().contains("/herald/share/pinterest?url="), doc.selectFirst("#pin").text());
    }

    private static java.util.Map<String, String> decodedQuery(String url) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void aHostileTitleFromElStaysInert() throws Exception {
        String hostile = "\"><script>alert(1)</script></title>";
        for (String app : List.of("/plain", "/filtered")) {
            Document doc = page(app + "/story.jsp?t=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8));
            assertEquals(hostile, doc.selectFirst("meta[property=og:title]").attr("content"), app);
            assertTrue(doc.select("script").stream().noneMatch(s -> s.data().contains("alert(1)") && !s.attr("type").equals("application/ld+json")), app);
            String jsonLd = doc.selectFirst("script[type=application/ld+json]").data();
            assertFalse(jsonLd.contains("</script"), app);
        }
    }

    @Test
    void buttonsShowLiveCountsFromTheShareEndpoint() throws Exception {
        String page = container.uri("/counted").toString();
        for (int i = 0; i < 3; i++) {
            HttpResponse<byte[]> r = http.get(container.uri("/plain/herald/share/facebook?url=" + URLEncoder.encode(page, StandardCharsets.UTF_8)));
            assertEquals(303, r.statusCode(), () -> Http.text(r));
        }
        Document doc = page("/plain/counted.jsp");
        String label = doc.selectFirst("a.hs-fb").attr("aria-label");
        assertTrue(label.contains("3"), label);
        assertFalse(doc.selectFirst("a.hs-li").attr("aria-label").matches(".*\\d.*"));
    }

    @Test
    void anInvalidAttributeFailsThePageNamingIt() throws Exception {
        HttpResponse<byte[]> r = http.get(container.uri("/plain/bad-image.jsp"));
        assertEquals(500, r.statusCode());
    }

    @Test
    void theSameUriWorksForElValuesOfEveryType() throws Exception {
        // imageWidth="${1200}" is an Integer expression and tags="${tags}" a List: both coerced by the engine.
        Document doc = page("/plain/story.jsp");
        assertEquals("630", doc.selectFirst("meta[property=og:image:height]").attr("content"));
        assertEquals(List.of("sea", "maps"), doc.select("meta[property=article:tag]").eachAttr("content"));
    }

}
