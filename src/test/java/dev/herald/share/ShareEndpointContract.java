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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The share endpoint in a real container: counts, redirects only for this site, asks fediverse readers for their server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ShareEndpointContract {
    private static final String PAGE = "https://news.example/articles/storm";
    private final Http http = new Http();
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final MemoryShareCounter counter = new MemoryShareCounter(1000);
    private final MemoryShareCounter published = new MemoryShareCounter(100);
    private final MemoryShareCounter proxied = new MemoryShareCounter(1000);
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
            ctx.setInitParameter("herald.paths", "/articles/*");
            ctx.setInitParameter("herald.share.serverPorts", "8443");
            ctx.setAttribute(ShareServlet.COUNTER_ATTRIBUTE, published);
            ctx.addServlet("herald-share", new ShareServlet()).addMapping("/herald/share/*");
        };
        // A third app behind a proxy: no site URL, the origin comes from X-Forwarded-* headers.
        ServletContainerInitializer behindProxy = (classes, ctx) -> {
            ctx.setInitParameter("herald.trustProxy", "true");
            ctx.addServlet("herald-share", new ShareServlet(proxied, clock)).addMapping("/herald/share/*");
        };
        // A fourth is given the filter's HeraldConfig in code; the context's parameters say otherwise.
        ServletContainerInitializer given = (classes, ctx) -> {
            ctx.setInitParameter("herald.site.url", "https://news.example");
            ctx.addServlet("herald-share", new ShareServlet(HeraldConfig.builder().siteUrl(URI.create("https://given.example")).build()))
                    .addMapping("/herald/share/*");
        };
        container = newContainer();
        container.start(List.of(new Container.App("", site, init), new Container.App("/plugged", site, plugged),
                new Container.App("/proxied", site, behindProxy), new Container.App("/given", site, given)));
    }

    /** Each test starts with fresh rate-limit windows, so tests counting shares do not depend on their order. */
    @BeforeEach
    void freshRateLimitWindows() {
        clock.advance(Duration.ofMinutes(11));
    }

    @AfterAll
    void stop() throws Exception {
        if (container != null) container.close();
    }

    private HttpResponse<byte[]> share(String network, String query, String... headers) throws Exception {
        return http.get(container.uri("/herald/share/" + network + "?" + query), headers);
    }

    /** Posts the chooser form as a browser does, fields given as name, value, name, value... */
    private HttpResponse<byte[]> post(String app, List<String> fields, String... headers) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.size(); i += 2) {
            if (body.length() > 0) body.append('&');
            body.append(q(fields.get(i))).append('=').append(q(fields.get(i + 1)));
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(container.uri(app + "/herald/share/mastodon"))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (headers.length > 0) b.headers(headers);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> chooserPost(String instance, String... headers) throws Exception {
        return post("", List.of("url", PAGE, "text", "Storm “Ada”", "instance", instance), headers);
    }

    private static List<String> setCookies(HttpResponse<byte[]> r) {
        return r.headers().allValues("Set-Cookie");
    }

    private static boolean setsCookie(HttpResponse<byte[]> r, String name) {
        return setCookies(r).stream().anyMatch(c -> c.startsWith(name + "="));
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
        String url = "https://news.example/plugged/articles/plugged-case";
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
        assertEquals("post", doc.selectFirst("form").attr("method"));
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
    void theChoosersOwnFormSubmissionRedirectsToTheReadersServer() throws Exception {
        HttpResponse<byte[]> r = chooserPost(" Mastodon.Social ", "Sec-Fetch-Site", "same-origin");
        assertEquals(303, r.statusCode(), Http.text(r));
        String loc = location(r);
        assertTrue(loc.startsWith("https://mastodon.social/share?text=Storm%20%E2%80%9CAda%E2%80%9D"), loc);
        assertTrue(loc.contains("news.example%2Farticles%2Fstorm%3Futm_source%3Dmastodon"), loc);
        assertTrue(!setsCookie(r, ShareServlet.INSTANCE_COOKIE), "no cookie unless the reader asks");
        HttpResponse<byte[]> byOrigin = chooserPost("mastodon.social", "Origin", "https://news.example");
        assertEquals(303, byOrigin.statusCode(), "a browser without fetch metadata sends Origin");
    }

    @Test
    void aLinkNamingAServerOnlyShowsTheFormSoItIsNeverAnOpenRedirect() throws Exception {
        HttpResponse<byte[]> r = share("mastodon", "url=" + q(PAGE) + "&instance=" + q("evil.example") + "&remember=1");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Location").isEmpty());
        assertTrue(!setsCookie(r, ShareServlet.INSTANCE_COOKIE), setCookies(r).toString());
        Document doc = Jsoup.parse(Http.text(r));
        assertEquals("evil.example", doc.selectFirst("input[name=instance]").val());
        assertTrue(doc.selectFirst("#destination").text().contains("https://evil.example/"), doc.selectFirst("#destination").text());
        assertTrue(!doc.selectFirst("input[name=remember]").hasAttr("checked"), "a link cannot pre-tick remembering");
    }

    @Test
    void aPostFromAnotherSiteShowsTheFormInsteadOfRedirecting() throws Exception {
        for (String[] headers : List.of(new String[] {"Sec-Fetch-Site", "cross-site"}, new String[] {"Sec-Fetch-Site", "same-site"},
                new String[] {"Origin", "https://evil.example"}, new String[] {"Origin", "null"}, new String[0])) {
            HttpResponse<byte[]> r = post("", List.of("url", PAGE, "instance", "evil.example", "remember", "1"), headers);
            assertEquals(200, r.statusCode(), List.of(headers).toString());
            assertTrue(r.headers().firstValue("Location").isEmpty(), List.of(headers).toString());
            assertTrue(!setsCookie(r, ShareServlet.INSTANCE_COOKIE), List.of(headers).toString());
        }
    }

    @Test
    void readersMayGiveTheirServerAsAUrlOrAHandle() throws Exception {
        for (String typed : List.of("https://mastodon.social/", "mastodon.social/", "@alice@mastodon.social", "alice@mastodon.social",
                "mastodon.social/@alice", "http://mastodon.social")) {
            HttpResponse<byte[]> r = chooserPost(typed, "Sec-Fetch-Site", "same-origin");
            assertEquals(303, r.statusCode(), typed);
            assertTrue(location(r).startsWith("https://mastodon.social/share?"), typed + " -> " + location(r));
        }
    }

    @Test
    void aServerNameUnicodeFoldsIsShownToTheReaderBeforeLeaving() throws Exception {
        HttpResponse<byte[]> r = chooserPost("ⓔvil.example", "Sec-Fetch-Site", "same-origin");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Location").isEmpty());
        Document doc = Jsoup.parse(Http.text(r));
        assertEquals("evil.example", doc.selectFirst("input[name=instance]").val());
        assertTrue(doc.selectFirst("#destination").text().contains("https://evil.example/"));
        assertTrue(doc.selectFirst("[role=alert]") != null, "the reader is told to check the server");
        assertEquals(303, chooserPost("evil.example", "Sec-Fetch-Site", "same-origin").statusCode(), "confirmed as shown");
    }

    @Test
    void aUnicodeServerNameBecomesPunycodeAndIsShownInUnicode() throws Exception {
        String loc = location(chooserPost("bücher.example", "Sec-Fetch-Site", "same-origin"));
        assertTrue(loc.startsWith("https://xn--bcher-kva.example/share?"), loc);
        Document doc = Jsoup.parse(Http.text(share("mastodon", "url=" + q(PAGE) + "&instance=" + q("xn--bcher-kva.example"))));
        assertTrue(doc.selectFirst("#destination").text().contains("https://bücher.example/"), doc.selectFirst("#destination").text());
    }

    @Test
    void portsOtherThan443AreRefusedUnlessTheSiteAllowsThem() throws Exception {
        HttpResponse<byte[]> refused = chooserPost("evil.example:8443", "Sec-Fetch-Site", "same-origin");
        assertEquals(400, refused.statusCode());
        assertTrue(refused.headers().firstValue("Location").isEmpty());
        assertEquals(303, chooserPost("mastodon.social:443", "Sec-Fetch-Site", "same-origin").statusCode());
        HttpResponse<byte[]> allowed = post("/plugged", List.of("url", "https://news.example/plugged/articles/a", "instance", "social.example:8443"),
                "Sec-Fetch-Site", "same-origin");
        assertEquals(303, allowed.statusCode());
        assertTrue(location(allowed).startsWith("https://social.example:8443/share?"), location(allowed));
        assertEquals(400, post("/plugged", List.of("url", "https://news.example/plugged/articles/a", "instance", "social.example:22"),
                "Sec-Fetch-Site", "same-origin").statusCode());
    }

    @Test
    void serverNamesThatAreNotHostNamesAreRefusedWithTheFormAgain() throws Exception {
        for (String bad : List.of("127.0.0.1", "[::1]", "https://user:pw@mastodon.social", "@@mastodon.social", "mastodon", "a@b@c.example",
                "evil.example\r\nX: y", "localhost:22", "straße.example", "https://1.2.3.4/")) {
            HttpResponse<byte[]> r = share("mastodon", "url=" + q(PAGE) + "&instance=" + q(bad));
            assertEquals(400, r.statusCode(), bad);
            assertTrue(r.headers().firstValue("Location").isEmpty(), bad);
            HttpResponse<byte[]> posted = chooserPost(bad, "Sec-Fetch-Site", "same-origin");
            assertEquals(400, posted.statusCode(), bad);
            assertTrue(posted.headers().firstValue("Location").isEmpty(), bad);
        }
    }

    @Test
    void rememberingTheServerNeedsTheFormsTokenAndPrefillsTheFormLater() throws Exception {
        HttpResponse<byte[]> form = share("mastodon", "url=" + q(PAGE));
        String tokenCookie = setCookies(form).stream().filter(c -> c.startsWith(ShareServlet.TOKEN_COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(tokenCookie.toLowerCase().contains("samesite=strict"), tokenCookie);
        assertTrue(tokenCookie.toLowerCase().contains("httponly"), tokenCookie);
        String token = Jsoup.parse(Http.text(form)).selectFirst("input[name=token]").val();
        String cookieHeader = tokenCookie.substring(0, tokenCookie.indexOf(';'));
        assertEquals(ShareServlet.TOKEN_COOKIE + "=" + token, cookieHeader);

        HttpResponse<byte[]> withoutToken = post("", List.of("url", PAGE, "instance", "hachyderm.io", "remember", "1"),
                "Sec-Fetch-Site", "same-origin");
        assertEquals(303, withoutToken.statusCode());
        assertTrue(!setsCookie(withoutToken, ShareServlet.INSTANCE_COOKIE), "no token, no cookie");

        HttpResponse<byte[]> r = post("", List.of("url", PAGE, "instance", "hachyderm.io", "remember", "1", "token", token),
                "Sec-Fetch-Site", "same-origin", "Cookie", cookieHeader);
        assertEquals(303, r.statusCode());
        String cookie = setCookies(r).stream().filter(c -> c.startsWith(ShareServlet.INSTANCE_COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(cookie.startsWith(ShareServlet.INSTANCE_COOKIE + "=hachyderm.io"), cookie);
        assertTrue(cookie.toLowerCase().contains("httponly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);

        HttpResponse<byte[]> again = share("mastodon", "url=" + q(PAGE), "Cookie", ShareServlet.INSTANCE_COOKIE + "=hachyderm.io");
        Document doc = Jsoup.parse(Http.text(again));
        assertEquals("hachyderm.io", doc.selectFirst("input[name=instance]").val());
        assertTrue(doc.selectFirst("input[name=remember]").hasAttr("checked"));
        assertEquals(200, again.statusCode(), "a remembered server is shown, never followed without the reader");
    }

    @Test
    void postIsOnlyForTheChooser() throws Exception {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(container.uri("/herald/share/facebook?url=" + q(PAGE)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(405, r.statusCode());
    }

    @Test
    void percentEscapesInThePageUrlAreEncodedOnce() throws Exception {
        String encoded = PAGE + "/caf%C3%A9?q=a%20b";
        HttpResponse<byte[]> r = share("linkedin", "url=" + q(encoded));
        assertEquals(303, r.statusCode());
        assertTrue(location(r).contains("storm%2Fcaf%25C3%25A9%3Fq%3Da%2520b"), location(r));
        assertTrue(!location(r).contains("%2525"), location(r));
        share("linkedin", "url=" + q(PAGE + "/café?q=a b"));
        assertEquals(2L, counter.counts(URI.create(encoded)).get(Network.LINKEDIN), "the IRI and its encoded form are one page");
        JsonNode json = new ObjectMapper().readTree(http.get(container.uri("/herald/share/counts?url=" + q(encoded))).body());
        assertEquals(encoded, json.get("url").asText());
        Document form = Jsoup.parse(Http.text(share("mastodon", "url=" + q(encoded))));
        assertEquals(encoded, form.selectFirst("input[name=url]").val(), "each pass through the chooser keeps one layer");
    }

    @Test
    void sharesEmbeddedAsImagesOrScriptsAreRedirectedButNotCounted() throws Exception {
        String url = PAGE + "/embedded";
        assertEquals(303, share("telegram", "url=" + q(url), "Sec-Fetch-Dest", "image", "Sec-Fetch-Mode", "no-cors").statusCode());
        assertEquals(303, share("telegram", "url=" + q(url), "Sec-Fetch-Dest", "script", "Sec-Fetch-Mode", "no-cors").statusCode());
        assertTrue(counter.counts(URI.create(url)).isEmpty());
        share("telegram", "url=" + q(url), "Sec-Fetch-Dest", "document", "Sec-Fetch-Mode", "navigate");
        assertEquals(1L, counter.counts(URI.create(url)).get(Network.TELEGRAM));
    }

    @Test
    void onlyPagesTheFilterServesAreCounted() throws Exception {
        String outside = "https://news.example/plugged/login";
        assertEquals(303, http.get(container.uri("/plugged/herald/share/facebook?url=" + q(outside))).statusCode());
        assertTrue(published.counts(URI.create(outside)).isEmpty());
        String excluded = "https://news.example/plugged/about";
        assertEquals(303, http.get(container.uri("/plugged/herald/share/facebook?url=" + q(excluded))).statusCode());
        assertTrue(published.counts(URI.create(excluded)).isEmpty());
        String atTheRoot = "https://news.example/articles/published-at-the-root";
        assertEquals(303, http.get(container.uri("/plugged/herald/share/facebook?url=" + q(atTheRoot))).statusCode());
        assertEquals(1L, published.counts(URI.create(atTheRoot)).get(Network.FACEBOOK), "a proxy may publish the app at the root");
    }

    @Test
    void behindAProxyTheEndpointAcceptsThePagesTheButtonsLinkTo() throws Exception {
        String url = "https://news.example/proxied/articles/proxy-case";
        HttpResponse<byte[]> r = http.get(container.uri("/proxied/herald/share/facebook?url=" + q(url)),
                "X-Forwarded-Host", "news.example", "X-Forwarded-Proto", "https");
        assertEquals(303, r.statusCode(), Http.text(r));
        assertEquals(1L, proxied.counts(URI.create(url)).get(Network.FACEBOOK));
        assertEquals(400, http.get(container.uri("/proxied/herald/share/facebook?url=" + q("https://evil.example/proxied/x")),
                "X-Forwarded-Host", "news.example", "X-Forwarded-Proto", "https").statusCode());
    }

    @Test
    void aClientCannotEscapeItsRateLimitByWritingItsOwnForwardedFor() throws Exception {
        String url = "https://news.example/proxied/articles/forged";
        for (int i = 0; i < 40; i++) {
            http.get(container.uri("/proxied/herald/share/telegram?url=" + q(url)), "X-Forwarded-Host", "news.example",
                    "X-Forwarded-Proto", "https", "X-Forwarded-For", "198.51.100." + i + ", 203.0.113.7");
        }
        assertEquals(30L, proxied.counts(URI.create(url)).get(Network.TELEGRAM), "one client: the address the proxy appended");
    }

    @Test
    void ipv6ClientsAreLimitedPerSlash64() throws Exception {
        String url = "https://news.example/proxied/articles/ipv6";
        for (int i = 0; i < 40; i++) {
            http.get(container.uri("/proxied/herald/share/telegram?url=" + q(url)), "X-Forwarded-Host", "news.example",
                    "X-Forwarded-Proto", "https", "X-Forwarded-For", "2001:db8:7:9:" + Integer.toHexString(i + 1) + "::1");
        }
        assertEquals(30L, proxied.counts(URI.create(url)).get(Network.TELEGRAM));
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
