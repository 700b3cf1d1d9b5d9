package dev.herald.page;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.page.it.Container;
import dev.herald.page.it.FailingShareFilter;
import dev.herald.page.it.Handshake;
import dev.herald.page.it.Http;
import dev.herald.page.it.SiteInitializer;
import dev.herald.page.it.TestServlets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What {@link ShareFilter} does in a real servlet container. Each container runs the same
 * scenarios through a subclass that only says how to start it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ShareFilterContract {
    static final int CAP = 64 * 1024;

    private final Http http = new Http();
    private Container container;
    private Path site;

    /** A new, unstarted container. */
    abstract Container newContainer();

    @BeforeAll
    void start() throws Exception {
        site = Path.of(getClass().getResource("/webapps/site").toURI());
        Map<String, String> params = Map.of(
                "herald.site.name", "The Daily Tester",
                "herald.maxBufferBytes", "64KiB",
                "herald.paths.exclude", "/excluded/*");
        container = newContainer();
        container.start(List.of(
                new Container.App("", site, new SiteInitializer(params)),
                new Container.App("/proxied", site, new SiteInitializer(Map.of("herald.trustProxy", "true"))),
                new Container.App("/failing", site, new SiteInitializer(Map.of(), FailingShareFilter::new)),
                new Container.App("/disabled", site, new SiteInitializer(Map.of("herald.enabled", "false"))),
                new Container.App("/canonical", site, new SiteInitializer(Map.of("herald.site.url", "https://news.example.com"))),
                new Container.App("/site-paths", site, new SiteInitializer(Map.of("herald.trustProxy", "true",
                        "herald.site.defaultImage", "/img/card.png", "herald.site.defaultImage.width", "1200",
                        "herald.site.defaultImage.height", "630", "herald.site.logo", "/img/logo.png"))),
                new Container.App("/request-only", site,
                        new SiteInitializer(Map.of(), null, java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST)))));
    }

    @AfterAll
    void stop() throws Exception {
        if (container != null) container.close();
    }

    // ---- pages that are rewritten -----------------------------------------------------------------

    @Test
    void rewritesStaticHtmlFile() throws Exception {
        HttpResponse<byte[]> r = get("/article.html");
        assertEquals(200, r.statusCode());
        assertEquals("Harbour bridge reopens after two-year repair", meta(r, "og:title"), () -> Http.text(r));
        assertInsertedOnly(file("article.html"), r.body());
    }

    @Test
    void rewritesJsp() throws Exception {
        HttpResponse<byte[]> r = get("/article.jsp");
        assertEquals(200, r.statusCode());
        assertEquals("Rail strike called off at the last minute", meta(r, "og:title"), () -> Http.text(r));
    }

    @Test
    void rewritesPageWrittenWithGetWriter() throws Exception {
        HttpResponse<byte[]> r = get("/servlet/writer");
        assertEquals("Cycle lanes approved", meta(r, "og:title"), () -> Http.text(r));
        assertInsertedOnly(utf8(TestServlets.page("Cycle lanes approved", "")), r.body());
    }

    @Test
    void rewritesPageWrittenWithGetOutputStream() throws Exception {
        HttpResponse<byte[]> r = get("/servlet/stream");
        assertEquals("Cycle lanes approved", meta(r, "og:title"), () -> Http.text(r));
        assertInsertedOnly(utf8(TestServlets.page("Cycle lanes approved", "")), r.body());
    }

    @Test
    void replacesContentLengthTheServletSetWithTheRewrittenLength() throws Exception {
        HttpResponse<byte[]> r = get("/servlet/stream");
        int original = utf8(TestServlets.page("Cycle lanes approved", "")).length;
        long announced = r.headers().firstValueAsLong("Content-Length").orElseThrow();
        assertEquals(r.body().length, announced);
        assertTrue(announced > original, "announced " + announced + " for an original of " + original);
    }

    @Test
    void announcesTheRewrittenContentLengthForStaticFiles() throws Exception {
        HttpResponse<byte[]> r = get("/article.html");
        assertEquals(r.body().length, r.headers().firstValueAsLong("Content-Length").orElseThrow());
        assertTrue(r.body().length > file("article.html").length);
    }

    @Test
    void answersHeadWithTheHeadersOfGetAndNoBody() throws Exception {
        for (String path : List.of("/article.html", "/article.jsp", "/servlet/writer", "/servlet/stream")) {
            HttpResponse<byte[]> get = get(path);
            HttpResponse<byte[]> head = http.send("HEAD", uri(path));
            assertEquals(200, head.statusCode(), path);
            assertEquals(0, head.body().length, path);
            for (String h : List.of("content-length", "content-type", "etag", "last-modified")) {
                assertEquals(get.headers().allValues(h), head.headers().allValues(h), path + " " + h);
            }
            assertTrue(get.headers().firstValue("content-length").isPresent(), path);
        }
    }

    @Test
    void rewritesThePageOnceWhenItIncludesAFragment() throws Exception {
        HttpResponse<byte[]> r = get("/servlet/include");
        String body = Http.text(r);
        assertEquals("Page with an include", meta(r, "og:title"), () -> Http.text(r));
        assertEquals(1, doc(r).select("meta[property=og:title]").size());
        assertEquals(1, count(body, "Included fragment for"));
        assertEquals(r.body().length, r.headers().firstValueAsLong("Content-Length").orElseThrow());
    }

    @Test
    void rewritesAForwardedPageOnce() throws Exception {
        HttpResponse<byte[]> r = get("/servlet/forward");
        assertEquals("Rail strike called off at the last minute", meta(r, "og:title"), () -> Http.text(r));
        assertEquals(1, doc(r).select("meta[property=og:title]").size());
    }

    @Test
    void sendsAForwardedPageIntactWhenNotMappedForForwardDispatches() throws Exception {
        HttpResponse<byte[]> r = get("/request-only/servlet/forward");
        assertEquals(200, r.statusCode());
        String body = Http.text(r);
        assertTrue(body.contains("<h1>Rail strike called off at the last minute</h1>"), body);
        assertTrue(body.trim().endsWith("</html>"), body);
    }

    @Test
    void sendsAnAsyncDispatchedPageIntactWhenNotMappedForAsyncDispatches() throws Exception {
        HttpResponse<byte[]> r = get("/request-only/servlet/async-dispatch");
        assertEquals(200, r.statusCode());
        String body = Http.text(r);
        assertTrue(body.contains("<h1>Rail strike called off at the last minute</h1>"), body);
        assertTrue(body.trim().endsWith("</html>"), body);
    }

    @Test
    void rewritesAPageWrittenAsynchronouslyWhenTheCycleCompletes() throws Exception {
        HttpResponse<byte[]> r = get("/servlet/async");
        assertEquals(200, r.statusCode());
        assertEquals("Written asynchronously", meta(r, "og:title"), () -> Http.text(r));
        assertEquals(r.body().length, r.headers().firstValueAsLong("Content-Length").orElseThrow());
    }

    @Test
    void rewritesAPageThatAFilterAheadOfHeraldForwardedAtItsPublicUrl() throws Exception {
        HttpResponse<byte[]> r = get("/pretty/2024/rail-strike?ref=home");
        assertEquals(200, r.statusCode());
        assertEquals("Rail strike called off at the last minute", meta(r, "og:title"), () -> Http.text(r));
        assertEquals(uri("/pretty/2024/rail-strike?ref=home").toString(), meta(r, "og:url"));
        assertEquals(1, doc(r).select("meta[property=og:title]").size());
        assertEquals(r.body().length, r.headers().firstValueAsLong("Content-Length").orElseThrow());
    }

    @Test
    void rewritesAPageProducedByAnAsyncDispatchOnce() throws Exception {
        HttpResponse<byte[]> r = get("/servlet/async-dispatch");
        assertEquals(200, r.statusCode());
        assertEquals("Rail strike called off at the last minute", meta(r, "og:title"), () -> Http.text(r));
        assertEquals(1, doc(r).select("meta[property=og:title]").size());
    }

    @Test
    void letsTheContainerAnswerAnAsyncTimeoutWithoutTheAbandonedPage() throws Exception {
        HttpResponse<byte[]> r = get("/servlet/async-timeout");
        assertEquals(500, r.statusCode());
        assertFalse(Http.text(r).contains("never"), Http.text(r));
        assertTrue(doc(r).select("meta[property^=og:]").isEmpty(), Http.text(r));
    }

    @Test
    void rewritesAPageJustBelowTheSizeCap() throws Exception {
        HttpResponse<byte[]> r = get("/servlet/big?size=" + (CAP - 4096));
        assertEquals("A very long article", meta(r, "og:title"), () -> Http.text(r));
    }

    @Test
    void keepsAWindows1252PageInItsCharsetWithTheSeedsCurlyQuotesByteExact() throws Exception {
        byte[] original = file("cp1252.html");
        HttpResponse<byte[]> r = get("/cp1252.html");
        assertInsertedOnly(original, r.body());
        Document doc = Jsoup.parse(new String(r.body(), Charset.forName("windows-1252")));
        String seedTitle = Jsoup.parse(new String(original, Charset.forName("windows-1252"))).selectFirst("h1").text();
        assertTrue(seedTitle.startsWith("Iran says retaliation"), seedTitle);
        assertEquals(seedTitle, doc.selectFirst("meta[property=og:title]").attr("content"));
        assertEquals(-1, indexOf(r.body(), "\u201c".getBytes(StandardCharsets.UTF_8)), "no UTF-8 curly quote may appear");
        assertTrue(indexOf(r.body(), new byte[] {(byte) 0x93}) >= 0, "the windows-1252 left quote survives");
    }

    @Test
    void applicationMetadataWinsAndAHostileTitleStaysInert() throws Exception {
        HttpResponse<byte[]> r = get("/servlet/hostile");
        String body = Http.text(r);
        Document doc = doc(r);
        assertEquals(TestServlets.HostileMeta.TITLE, meta(r, "og:title"), body);
        assertFalse(body.contains("<script>alert(1)"), body);
        for (Element script : doc.select("script")) {
            if (script.hasAttr("data-herald-script")) continue; // the buttons' own fixed script
            assertEquals("application/ld+json", script.attr("type"), "only Herald's JSON-LD and script may be scripts: " + script);
            JsonNode json = new ObjectMapper().readTree(script.data());
            assertEquals(TestServlets.HostileMeta.TITLE, json.path("headline").asText());
            assertFalse(script.data().toLowerCase().contains("</script"), script.data());
            assertFalse(script.data().contains("<!--"), script.data());
        }
        assertEquals(1, doc.select("script[type=application/ld+json]").size(), body);
        assertEquals(doc.select("script").size(), count(body, "<script"), "every <script in the text is a real element: " + body);
    }

    @Test
    void neverDuplicatesTagsOrButtonsThePageAlreadyHas() throws Exception {
        HttpResponse<byte[]> r = get("/servlet/tagged");
        Document doc = doc(r);
        assertEquals(1, doc.select("meta[property=og:title]").size());
        assertEquals("The page's own title", meta(r, "og:title"), () -> Http.text(r));
        assertEquals(1, doc.select("[data-herald-buttons]").size());
    }

    @Test
    void buildsThePageUrlFromTheRequestKeepingTheQuery() throws Exception {
        HttpResponse<byte[]> r = http.get(uri("/servlet/writer?page=2&sort=new"),
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example");
        assertEquals(uri("/servlet/writer?page=2&sort=new").toString(), meta(r, "og:url"));
    }

    @Test
    void believesForwardedHeadersOnlyWhenConfiguredToTrustTheProxy() throws Exception {
        HttpResponse<byte[]> r = http.get(uri("/proxied/servlet/writer"),
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "news.example.com");
        assertEquals("https://news.example.com/proxied/servlet/writer", meta(r, "og:url"));
    }

    @Test
    void buildsThePageUrlFromTheConfiguredSiteUrlWhateverTheRequestSays() throws Exception {
        HttpResponse<byte[]> r = http.get(uri("/canonical/servlet/writer?id=7"),
                "X-Forwarded-Proto", "http", "X-Forwarded-Host", "evil.example");
        assertEquals("https://news.example.com/canonical/servlet/writer?id=7", meta(r, "og:url"));
    }

    @Test
    void completesASitePathDefaultImageWithEachPagesOwnOriginWhenNoSiteUrlIsSet() throws Exception {
        HttpResponse<byte[]> direct = http.get(uri("/site-paths/servlet/writer"));
        assertEquals(uri("/img/card.png").toString(), meta(direct, "og:image"));
        assertEquals("1200", meta(direct, "og:image:width"));
        HttpResponse<byte[]> proxied = http.get(uri("/site-paths/servlet/writer"), "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "news.example.com");
        assertEquals("https://news.example.com/img/card.png", meta(proxied, "og:image"));
        assertTrue(new String(proxied.body(), StandardCharsets.UTF_8).contains("\"url\":\"https://news.example.com/img/logo.png\""),
                "the JSON-LD publisher logo takes the page's origin too");
        HttpResponse<byte[]> again = http.get(uri("/site-paths/servlet/writer"));
        assertEquals(uri("/img/card.png").toString(), meta(again, "og:image"), "one origin's image never reaches another's page");
    }

    @Test
    void answersHeadForANonPageWithTheContainersOwnHeaders() throws Exception {
        HttpResponse<byte[]> get = get("/data.json");
        HttpResponse<byte[]> head = http.send("HEAD", uri("/data.json"));
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
        assertEquals(get.headers().allValues("content-length"), head.headers().allValues("content-length"));
        assertEquals(get.headers().allValues("content-type"), head.headers().allValues("content-type"));
    }

    @Test
    void servesAnUnchangedPageAgainIdenticallyFromTheCache() throws Exception {
        HttpResponse<byte[]> first = get("/article.jsp");
        HttpResponse<byte[]> second = get("/article.jsp");
        assertArrayEquals(first.body(), second.body());
        assertEquals("Rail strike called off at the last minute", meta(second, "og:title"), () -> Http.text(second));
    }

    // ---- responses that pass through ------------------------------------------------------------

    @Test
    void passesNotModifiedThroughWithoutBody() throws Exception {
        HttpResponse<byte[]> r = get("/servlet/not-modified");
        assertEquals(304, r.statusCode());
        assertEquals(0, r.body().length);
        assertEquals("\"v1\"", r.headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void letsTheContainerAnswerAConditionalGetForAStaticPageWith304() throws Exception {
        HttpResponse<byte[]> first = get("/article.html");
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        HttpResponse<byte[]> r = http.get(uri("/article.html"), "If-Modified-Since", lastModified);
        assertEquals(304, r.statusCode());
        assertEquals(0, r.body().length);
    }

    @Test
    void showsTheErrorPageUntouchedAfterSendError() throws Exception {
        HttpResponse<byte[]> r = get("/servlet/send-error");
        assertEquals(404, r.statusCode());
        String body = Http.text(r);
        assertTrue(body.contains("Error page"), body);
        assertFalse(body.contains("half"), body);
        assertTrue(doc(r).select("meta[property^=og:]").isEmpty(), body);
    }

    @Test
    void leavesTheErrorDispatchOfAMissingPageUntouched() throws Exception {
        HttpResponse<byte[]> r = get("/no-such-page.html");
        assertEquals(404, r.statusCode());
        assertTrue(Http.text(r).contains("Error page"), Http.text(r));
        assertTrue(doc(r).select("meta[property^=og:]").isEmpty(), Http.text(r));
    }

    @Test
    void passesARedirectThrough() throws Exception {
        HttpResponse<byte[]> r = get("/servlet/redirect");
        assertEquals(302, r.statusCode());
        assertTrue(r.headers().firstValue("Location").orElseThrow().endsWith("/article.html"));
        assertFalse(Http.text(r).contains("moved"), "the buffered start of the page is discarded");
    }

    @Test
    void passesAResponseCommittedBeforeTheFilterThroughUntouched() throws Exception {
        HttpResponse<byte[]> r = get("/committed/page");
        assertEquals(200, r.statusCode());
        assertArrayEquals(utf8(TestServlets.page("Cycle lanes approved", "")), r.body());
    }

    @Test
    void passesAnAlreadyCompressedPageThroughByteExact() throws Exception {
        HttpResponse<byte[]> r = http.get(uri("/servlet/gzip"), "Accept-Encoding", "gzip");
        assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElseThrow());
        assertArrayEquals(TestServlets.gzip(TestServlets.page("Compressed news", "")), r.body());
    }

    @Test
    void leavesStaticNonHtmlFilesUntouched() throws Exception {
        HttpResponse<byte[]> r = get("/data.json");
        assertArrayEquals(file("data.json"), r.body());
        assertEquals(file("data.json").length, r.headers().firstValueAsLong("Content-Length").orElseThrow());
    }

    @Test
    void passesThroughWhatAServletWritesAfterResettingAPage() throws Exception {
        HttpResponse<byte[]> r = get("/servlet/reset");
        assertEquals(TestServlets.ResetsToJson.JSON, Http.text(r));
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        assertTrue(r.headers().firstValue("X-Before-Reset").isEmpty(), "reset() clears headers");
    }

    @Test
    void refusesTheWriterAfterTheStreamAsContainersDo() throws Exception {
        assertEquals("IllegalStateException", Http.text(get("/servlet/stream-then-writer")));
    }

    @Test
    void keepsTheCharsetFixedByGetWriterInHeaderAndBytes() throws Exception {
        HttpResponse<byte[]> r = get("/servlet/latin");
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().toLowerCase().contains("iso-8859-1"),
                r.headers().firstValue("Content-Type").orElseThrow());
        String latin = new String(r.body(), StandardCharsets.ISO_8859_1);
        assertTrue(latin.contains("<h1>Caf\u00e9 culture</h1>"), latin);
        assertEquals("Caf\u00e9 culture", Jsoup.parse(latin).selectFirst("meta[property=og:title]").attr("content"));
    }

    @Test
    void passesNonBlockingOutputThroughAsWritten() throws Exception {
        HttpResponse<byte[]> r = get("/servlet/non-blocking");
        assertEquals(200, r.statusCode());
        assertArrayEquals(utf8(TestServlets.page("Non-blocking news", "")), r.body());
    }

    @Test
    void streamsNonHtmlResponsesWithoutBuffering() throws Exception {
        assertStreams("/servlet/json");
    }

    @Test
    void streamsHtmlAtExcludedPathsWithoutBuffering() throws Exception {
        assertStreams("/excluded/stream?type=text/html;charset=UTF-8");
    }

    @Test
    void streamsAPageAboveTheSizeCapThroughUnmodified() throws Exception {
        HttpResponse<byte[]> r = get("/servlet/big?size=" + (CAP * 3));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (byte[] piece : TestServlets.bigPagePieces(CAP * 3)) expected.write(piece);
        assertArrayEquals(expected.toByteArray(), r.body());
    }

    @Test
    void sendsAMalformedPageAsWritten() throws Exception {
        HttpResponse<byte[]> r = get("/servlet/malformed");
        assertEquals(200, r.statusCode());
        assertArrayEquals(utf8(TestServlets.Malformed.BODY), r.body());
    }

    @Test
    void sendsThePageAsWrittenWhenTheRewriteFails() throws Exception {
        HttpResponse<byte[]> r = get("/failing/article.html");
        assertEquals(200, r.statusCode());
        assertArrayEquals(file("article.html"), r.body());
        assertEquals(r.body().length, r.headers().firstValueAsLong("Content-Length").orElseThrow());
    }

    @Test
    void letsTheContainerShowItsErrorPageWhenTheServletFailsBeforeCommitting() throws Exception {
        HttpResponse<byte[]> r = get("/servlet/throws");
        assertEquals(500, r.statusCode());
        assertTrue(Http.text(r).contains("Error page"), Http.text(r));
    }

    @Test
    void handsTheStartedPageToTheClientWhenTheServletFailsAfterFlushing() throws Exception {
        HttpResponse<InputStream> r = http.stream(uri("/servlet/throws?flush=1"));
        assertEquals(200, r.statusCode());
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (InputStream in = r.body()) {
            in.transferTo(received);
        } catch (IOException expectedAbort) {
            // The container aborts the response after the failure; what arrived before counts.
        }
        assertTrue(received.toString(StandardCharsets.UTF_8).startsWith("<html><head><title>Doomed</title>"), received.toString(StandardCharsets.UTF_8));
    }

    @Test
    void passesEverythingThroughWhenDisabled() throws Exception {
        HttpResponse<byte[]> r = get("/disabled/article.html");
        assertArrayEquals(file("article.html"), r.body());
    }

    // ---- helpers --------------------------------------------------------------------------------

    private void assertStreams(String path) throws Exception {
        String gate = UUID.randomUUID().toString();
        String sep = path.contains("?") ? "&" : "?";
        HttpResponse<InputStream> r = http.stream(uri(path + sep + "gate=" + gate));
        try (InputStream in = r.body()) {
            byte[] first = "{\"first\":true,".getBytes(StandardCharsets.UTF_8);
            // Blocks until the first part arrives; the servlet sends the rest only after the gate opens,
            // so a buffering filter would deadlock here until the servlet gives up.
            assertArrayEquals(first, in.readNBytes(first.length));
            Handshake.open(gate);
            assertEquals("\"second\":true}", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    // ---- the share bar's cached files ------------------------------------------------------------

    @Test
    void servesTheBarsStylesheetAndScriptAsImmutableFilesNamedByTheirContent() throws Exception {
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(Http.text(get("/article.html")));
        String css = page.selectFirst("head > link[rel=stylesheet][data-herald-style]").attr("href");
        String js = page.selectFirst("head > script[defer][data-herald-script]").attr("src");
        for (dev.herald.buttons.ShareAsset asset : dev.herald.buttons.ShareButtons.assets()) {
            String path = asset.fileName().endsWith(".css") ? css : js;
            assertEquals("/herald/assets/" + asset.fileName(), path);
            HttpResponse<byte[]> r = get(path);
            assertEquals(200, r.statusCode());
            assertEquals("public, max-age=31536000, immutable", r.headers().firstValue("Cache-Control").orElse(null));
            assertEquals(asset.etag(), r.headers().firstValue("ETag").orElse(null));
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null));
            assertTrue(r.headers().firstValue("Content-Type").orElse("").replace(" ", "").equalsIgnoreCase(asset.contentType()),
                    r.headers().firstValue("Content-Type").orElse(null));
            assertEquals(asset.text(), new String(r.body(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void answersARevalidatedAssetWithNotModified() throws Exception {
        dev.herald.buttons.ShareAsset css = dev.herald.buttons.ShareButtons.assets().get(0);
        HttpResponse<byte[]> r = http.get(uri("/herald/assets/" + css.fileName()), "If-None-Match", css.etag());
        assertEquals(304, r.statusCode());
        assertEquals(0, r.body().length);
        HttpResponse<byte[]> stale = http.get(uri("/herald/assets/" + css.fileName()), "If-None-Match", "\"0123456789\"");
        assertEquals(200, stale.statusCode());
    }

    @Test
    void answersAnOlderVersionsNameWithTheCurrentFileCachedBriefly() throws Exception {
        HttpResponse<byte[]> r = get("/herald/assets/share-0123456789.css");
        assertEquals(200, r.statusCode());
        assertEquals("public, max-age=300", r.headers().firstValue("Cache-Control").orElse(null));
        assertEquals(dev.herald.buttons.ShareButtons.css(), new String(r.body(), StandardCharsets.UTF_8));
    }

    @Test
    void leavesEveryOtherPathUnderTheAssetPathToTheApplication() throws Exception {
        assertEquals(404, get("/herald/assets/other.css").statusCode());
        assertEquals(404, get("/herald/assets/share-0123456789.css.map").statusCode());
        assertEquals(404, get("/disabled/herald/assets/" + dev.herald.buttons.ShareButtons.assets().get(0).fileName()).statusCode());
    }

    @Test
    void refusesToWriteToAnAsset() throws Exception {
        HttpResponse<byte[]> r = http.send("POST", uri("/herald/assets/" + dev.herald.buttons.ShareButtons.assets().get(1).fileName()));
        assertEquals(405, r.statusCode());
        assertEquals("GET, HEAD", r.headers().firstValue("Allow").orElse(null));
    }

    @Test
    void linksAndServesTheAssetsUnderTheApplicationsContextPath() throws Exception {
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(Http.text(get("/canonical/article.html")));
        String css = page.selectFirst("link[data-herald-style]").attr("href");
        assertEquals("/canonical/herald/assets/" + dev.herald.buttons.ShareButtons.assets().get(0).fileName(), css);
        assertEquals(200, get(css).statusCode());
    }

    private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return http.get(uri(path));
    }

    private URI uri(String path) {
        return container.uri(path);
    }

    private byte[] file(String name) throws IOException {
        return Files.readAllBytes(site.resolve(name));
    }

    private static Document doc(HttpResponse<byte[]> r) {
        return Jsoup.parse(Http.text(r));
    }

    private static String meta(HttpResponse<byte[]> r, String property) {
        Element e = doc(r).selectFirst("meta[property=" + property + "]");
        return e == null ? null : e.attr("content");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) n++;
        return n;
    }

    /** Asserts {@code actual} is {@code original} with bytes inserted and none changed or removed. */
    static void assertInsertedOnly(byte[] original, byte[] actual) {
        assertNotEquals(original.length, actual.length, "nothing was inserted");
        int j = 0;
        for (int i = 0; i < actual.length && j < original.length; i++) {
            if (actual[i] == original[j]) j++;
        }
        assertEquals(original.length, j, "every original byte must appear, in order");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
