package dev.herald.example.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.page.HeraldConfig;
import dev.herald.page.ShareFilter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.ServletContext;
import java.net.http.HttpResponse;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/** The example site on embedded Tomcat, configured only by application.properties. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PagesTest {
    private static final String ARTICLE = "/articles/harbour-bridge";

    @Value("${local.server.port}")
    int port;
    @Autowired
    HeraldConfig config;
    @Autowired
    FilterRegistrationBean<ShareFilter> heraldFilter;
    @Autowired
    ServletContext servletContext;
    @Autowired
    MeterRegistry registry;

    private Site site;

    @BeforeEach
    void site() {
        site = new Site(port);
    }

    @Test
    void articlePagesGetPreviewTagsFromTheProperties() throws Exception {
        Document doc = site.page(ARTICLE);
        assertEquals("Harbour bridge reopens after two-year repair", Site.meta(doc, "og:title"));
        assertEquals("The Harbour Post", Site.meta(doc, "og:site_name"));
        assertEquals("@harbourpost", Site.meta(doc, "twitter:site"));
        assertEquals(site.url(ARTICLE), doc.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals(site.url("/img/harbour.png"), Site.meta(doc, "og:image"));
        assertNotNull(doc.selectFirst("script[type=application/ld+json]"));
    }

    @Test
    void imageSizesAreReadFromClasspathStatic() throws Exception {
        Document doc = site.page(ARTICLE);
        assertEquals("1200", Site.meta(doc, "og:image:width"));
        assertEquals("630", Site.meta(doc, "og:image:height"));
    }

    @Test
    void theShareBarLinksThroughTheConfiguredEndpoint() throws Exception {
        Document doc = site.page(ARTICLE);
        Element mastodon = doc.selectFirst("a[href*=/herald/share/mastodon]");
        assertNotNull(mastodon, doc.html());
    }

    @Test
    void theShareEndpointAnswersWithTheFiltersConfiguration() throws Exception {
        HttpResponse<String> r = site.get("/herald/share/facebook?url=" + Site.q(site.url(ARTICLE)));
        assertEquals(303, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Location").orElseThrow().startsWith("https://www.facebook.com/sharer/sharer.php?u="));

        HttpResponse<String> form = site.get("/herald/share/mastodon?url=" + Site.q(site.url(ARTICLE)));
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("name=\"instance\""), form.body());
    }

    @Test
    void theShareEndpointRefusesAPageOfAnotherSite() throws Exception {
        HttpResponse<String> r = site.get("/herald/share/facebook?url=" + Site.q("https://evil.example/"));
        assertEquals(400, r.statusCode());
        assertFalse(r.headers().firstValue("Location").isPresent());
    }

    @Test
    void jsonPassesThroughUntouched() throws Exception {
        HttpResponse<String> r = site.get("/api/articles");
        assertEquals(200, r.statusCode());
        assertEquals("{\"articles\":[\"harbour-bridge\"]}", r.body());
    }

    @Test
    void theFilterTheTaglibAndTheEndpointShareOneConfiguration() {
        assertSame(config, heraldFilter.getFilter().config());
        assertSame(config, servletContext.getAttribute(HeraldConfig.CONTEXT_ATTRIBUTE));
        assertEquals("/herald/share", config.buttons().endpoint());
        assertEquals("The Harbour Post", config.site().siteName());
    }

    @Test
    void recordsMetricsInTheAppsRegistry() throws Exception {
        assertInstanceOf(SimpleMeterRegistry.class, registry);
        double rewrites = count("herald.filter.rewrites");
        site.page(ARTICLE);
        site.page(ARTICLE);
        assertEquals(rewrites + 2, count("herald.filter.rewrites"));
        assertTrue(registry.get("herald.filter.cache.gets").tag("result", "hit").counter().count() >= 1);
        assertTrue(registry.get("herald.filter.transform").timer().count() >= 1);

        site.get("/api/articles");
        assertTrue(registry.get("herald.filter.passthroughs").tag("reason", "response").counter().count() >= 1);

        double facebook = registry.find("herald.share.redirects").tag("network", "facebook").counters().stream()
                .mapToDouble(c -> c.count()).sum();
        site.get("/herald/share/facebook?url=" + Site.q(site.url(ARTICLE)));
        assertEquals(facebook + 1, registry.get("herald.share.redirects").tag("network", "facebook").counter().count());
        site.get("/herald/share/facebook?url=" + Site.q("https://evil.example/"));
        assertTrue(registry.get("herald.share.refusals").tag("status", "400").counter().count() >= 1);
    }

    private double count(String name) {
        var c = registry.find(name).counter();
        return c == null ? 0 : c.count();
    }
}
