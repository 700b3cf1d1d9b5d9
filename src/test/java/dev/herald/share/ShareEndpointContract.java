package dev.herald.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.buttons.Network;
import dev.herald.page.HeraldConfig;
import dev.herald.page.it.Container;
import dev.herald.page.it.Http;
import jakarta.servlet.ServletContainerInitializer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The share endpoint in a real container: counts, redirects only for this site, asks fediverse readers for their server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ShareEndpointContract {
    private static final String PAGE = "https://news.example/articles/storm";
    private final Http http = new Http();
    private final MemoryShareCounter counter = new MemoryShareCounter(100);
    private final MemoryShareCounter published = new MemoryShareCounter(100);
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private Container container;

    abstract Container newContainer();

    @BeforeAll
    void start() throws Exception {
        Path site = Files.createTempDirectory("herald-share");
        ServletContainerInitializer init = (classes, ctx) -> {
            ctx.setInitParameter("herald.site.url", "https://news.example");
            ctx.setInitParameter("herald.site.twitter", "@newsexample");
            ctx.setInitParameter("herald.buttons.utm", "true");
            ctx.addServlet("herald-share", new ShareServlet(counter, clock)).addMapping("/herald/share/*");
        };
        // A second app registers the endpoint as web.xml would (no-argument constructor) after
        // publishing its own counter under the context attribute, as a listener would.
        ServletContainerInitializer plugged = (classes, ctx) -> {
            ctx.setInitParameter("herald.site.url", "https://news.example");
            ctx.setAttribute(ShareServlet.COUNTER_ATTRIBUTE, published);
            ctx.addServlet("herald-share", new ShareServlet()).addMapping("/herald/share/*");
        };
        // A third is given the filter's HeraldConfig in code; the context's parameters say otherwise.
        ServletContainerInitializer given = (classes, ctx) -> {
            ctx.setInitParameter("herald.site.url", "https://news.example");
            ctx.addServlet("herald-share", new ShareServlet(HeraldConfig.builder().siteUrl(URI.create("https://given.example")).build()))
                    .addMapping("/herald/share/*");
        };
        container = newContainer();
        container.start(List.of(new Container.App("", site, init), new Container.App("/plugged", site, plugged),
                new Container.App("/given", site, given)));
    }

    @AfterAll
    void stop() throws Exception {
        if (container != null) container.close();
    }

    private HttpResponse<byte[]> share(String network, String query, String... headers) throws Exception {
        return http.get(container.uri("/herald/share/" + network + "?" + query), headers);
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String location(HttpResponse<byte[]> r) {
        return r.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void anEndpointGivenAConfigurationUsesItRatherThanTheContexts() throws Exception {
        assertEquals(303, http.get(container.uri("/given/herald/share/facebook?url=" + q("https://given.example/story"))).statusCode());
        assertEquals(400, http.get(container.uri("/given/herald/share/facebook?url=" + q(PAGE))).statusCode());
    }

    @Test
    void aCounterTheAppPublishesBeforeStartIsTheOneThatCounts() throws Exception {
        String url = PAGE + "/plugged-case";
        HttpResponse<byte[]> r = http.get(container.uri("/plugged/herald/share/facebook?url=" + q(url)));
        assertEquals(303, r.statusCode());
        assertEquals(1L, published.counts(URI.create(url)).get(Network.FACEBOOK));
        assertTrue(counter.counts(URI.create(url)).isEmpty());
    }

    @Test
    void redirectsToTheNetworkWithUtmAndCountsTheShare() throws Exception {
        String url = PAGE + "/facebook-case";
        HttpResponse<byte[]> r = share("facebook", "url=" + q(url) + "&text=" + q("Storm “Ada” & the coast"));
        assertEquals(303, r.statusCode());
        String loc = location(r);
        assertTrue(loc.startsWith("https://www.facebook.com/sharer/sharer.php?u="), loc);
        assertTrue(loc.contains("utm_source%3Dfacebook"), loc);
        assertEquals(1L, counter.counts(URI.create(url)).get(Network.FACEBOOK));
    }

    @Test
    void xGetsTheTextTheUrlAndTheSitesHandle() throws Exception {
        HttpResponse<byte[]> r = share("x", "url=" + q(PAGE) + "&text=" + q("Storm “Ada”"));
        String loc = location(r);
        assertTrue(loc.startsWith("https://x.com/intent/tweet?text=Storm%20%E2%80%9CAda%E2%80%9D"), loc);
        assertTrue(loc.contains("via=newsexample"), loc);
    }

    @Test
    void refusesPagesOfOtherSitesSoItIsNeverAnOpenRedirect() throws Exception {
        for (String bad : List.of("https://evil.example/x", "https://news.example.evil.example/x", "javascript:alert(1)",
                "//evil.example/x", "https://user@news.example/x", "ftp://news.example/x", "/articles/storm")) {
            HttpResponse<byte[]> r = share("facebook", "url=" + q(bad));
            assertEquals(400, r.statusCode(), bad);
            assertTrue(r.headers().firstValue("Location").isEmpty(), bad);
        }
    }

    @Test
    void rejectsMissingRepeatedOverlongAndLineBreakingParameters() throws Exception {
        assertEquals(400, share("facebook", "").statusCode());
        assertEquals(400, share("facebook", "url=" + q(PAGE) + "&url=" + q(PAGE)).statusCode());
        assertEquals(400, share("facebook", "url=" + q(PAGE + "?" + "a".repeat(3000))).statusCode());
        assertEquals(400, share("facebook", "url=" + q(PAGE + "\r\nSet-Cookie: x=1")).statusCode());
        HttpResponse<byte[]> r = share("facebook", "url=" + q(PAGE) + "&text=" + q("x".repeat(5000)));
        assertEquals(400, r.statusCode());
        assertTrue(Http.text(r).contains("text"), Http.text(r));
    }

    @Test
    void unknownNetworksAre404() throws Exception {
        assertEquals(404, share("myspace", "url=" + q(PAGE)).statusCode());
        assertEquals(400, share("email", "url=" + q(PAGE)).statusCode());
    }

    @Test
    void mastodonWithoutAServerAsksForOneInAFormThatNeedsNoJavaScript() throws Exception {
        HttpResponse<byte[]> r = share("mastodon", "url=" + q(PAGE) + "&text=" + q("\"><script>alert(1)</script>"));
        assertEquals(200, r.statusCode());
        Document doc = Jsoup.parse(Http.text(r));
        assertEquals("get", doc.selectFirst("form").attr("method"));
        assertEquals(PAGE, doc.selectFirst("input[name=url]").val());
        assertEquals("\"><script>alert(1)</script>", doc.selectFirst("input[name=text]").val());
        assertTrue(doc.select("script").isEmpty());
        assertTrue(doc.selectFirst("input[name=remember][type=checkbox]") != null);
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
    }

    @Test
    void theServerFormSpeaksTheReadersLanguageWhenHeraldHasIt() throws Exception {
        Document de = Jsoup.parse(Http.text(share("mastodon", "url=" + q(PAGE), "Accept-Language", "de-CH, de;q=0.9, en;q=0.5")));
        assertEquals("de", de.selectFirst("html").attr("lang"));
        assertEquals("Auf Mastodon teilen", de.selectFirst("h1").text());
        assertEquals("Ihr Server", de.selectFirst("label[for=instance]").text());
        Document enFirst = Jsoup.parse(Http.text(share("mastodon", "url=" + q(PAGE), "Accept-Language", "en-GB, fr;q=0.8")));
        assertEquals("Your server", enFirst.selectFirst("label[for=instance]").text(), "English asked for first wins");
        Document unknown = Jsoup.parse(Http.text(share("mastodon", "url=" + q(PAGE), "Accept-Language", "fi, es;q=0.5")));
        assertEquals("Tu servidor", unknown.selectFirst("label[for=instance]").text(), "the first language Herald has");
        HttpResponse<byte[]> bad = share("mastodon", "url=" + q(PAGE) + "&instance=" + q("http://x/"), "Accept-Language", "fr");
        assertEquals(400, bad.statusCode());
        assertTrue(Jsoup.parse(Http.text(bad)).selectFirst("[role=alert]").text().startsWith("Ce n’est pas un nom de serveur"));
    }

    @Test
    void mastodonRedirectsToTheReadersOwnServer() throws Exception {
        HttpResponse<byte[]> r = share("mastodon", "url=" + q(PAGE) + "&text=" + q("Storm “Ada”") + "&instance=" + q(" Mastodon.Social "));
        assertEquals(303, r.statusCode());
        String loc = location(r);
        assertTrue(loc.startsWith("https://mastodon.social/share?text=Storm%20%E2%80%9CAda%E2%80%9D"), loc);
        assertTrue(loc.contains("news.example%2Farticles%2Fstorm%3Futm_source%3Dmastodon"), loc);
        assertTrue(r.headers().firstValue("Set-Cookie").isEmpty(), "no cookie unless the reader asks");
    }

    @Test
    void aUnicodeServerNameBecomesPunycode() throws Exception {
        String loc = location(share("mastodon", "url=" + q(PAGE) + "&instance=" + q("bücher.example")));
        assertTrue(loc.startsWith("https://xn--bcher-kva.example/share?"), loc);
    }

    @Test
    void serverNamesThatAreNotHostNamesAreRefusedWithTheFormAgain() throws Exception {
        for (String bad : List.of("127.0.0.1", "[::1]", "https://mastodon.social", "mastodon.social/@x", "a@b.example",
                "evil.example\r\nX: y", "localhost:22")) {
            HttpResponse<byte[]> r = share("mastodon", "url=" + q(PAGE) + "&instance=" + q(bad));
            assertEquals(400, r.statusCode(), bad);
            assertTrue(r.headers().firstValue("Location").isEmpty(), bad);
        }
    }

    @Test
    void rememberingTheServerSetsAStrictCookieAndPrefillsTheForm() throws Exception {
        HttpResponse<byte[]> r = share("mastodon", "url=" + q(PAGE) + "&instance=hachyderm.io&remember=1");
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith(ShareServlet.INSTANCE_COOKIE + "=hachyderm.io"), cookie);
        assertTrue(cookie.toLowerCase().contains("httponly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);
        HttpResponse<byte[]> again = share("mastodon", "url=" + q(PAGE), "Cookie", ShareServlet.INSTANCE_COOKIE + "=hachyderm.io");
        assertEquals("hachyderm.io", Jsoup.parse(Http.text(again)).selectFirst("input[name=instance]").val());
    }

    @Test
    void countsAreServedAsJson() throws Exception {
        String url = PAGE + "/counted";
        share("linkedin", "url=" + q(url));
        share("linkedin", "url=" + q(url));
        share("reddit", "url=" + q(url) + "&text=x");
        HttpResponse<byte[]> r = http.get(container.uri("/herald/share/counts?url=" + q(url)));
        assertEquals(200, r.statusCode());
        JsonNode json = new ObjectMapper().readTree(r.body());
        assertEquals(2, json.get("counts").get("linkedin").asInt());
        assertEquals(1, json.get("counts").get("reddit").asInt());
        assertEquals(3, json.get("total").asInt());
        assertEquals(400, http.get(container.uri("/herald/share/counts?url=" + q("https://evil.example/"))).statusCode());
    }

    @Test
    void aClientInALoopStillGetsRedirectedButStopsBeingCounted() throws Exception {
        String url = PAGE + "/looped";
        for (int i = 0; i < 40; i++) assertEquals(303, share("telegram", "url=" + q(url)).statusCode());
        long counted = counter.counts(URI.create(url)).get(Network.TELEGRAM);
        assertTrue(counted <= 30, "counted " + counted);
        clock.advance(Duration.ofMinutes(11));
        share("telegram", "url=" + q(url));
        assertEquals(counted + 1, counter.counts(URI.create(url)).get(Network.TELEGRAM));
    }

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private volatile Instant now;

        ManualClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
