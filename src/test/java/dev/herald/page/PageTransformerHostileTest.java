package dev.herald.page;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.meta.ArticleMeta;
import dev.herald.meta.SiteDefaults;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class PageTransformerHostileTest {
    static final URI URL = URI.create("https://ledger.example/breaking");
    static final PageTransformer T = new PageTransformer(SiteDefaults.NONE, meta -> "<nav data-herald-buttons></nav>", ButtonPlacement.AFTER_HEADLINE);

    static Rewrite plan(byte[] page) {
        return T.plan(page, page.length, null, PageRequest.of(URL));
    }

    static String inserted(Rewrite r) {
        StringBuilder sb = new StringBuilder();
        for (Rewrite.Insertion i : r.insertions()) sb.append(new String(i.bytes(), r.charset()));
        return sb.toString();
    }

    /** The safety net that sends a page unchanged after an internal error must not be what made a test pass. */
    static void assertNoInternalFailure(Rewrite r) {
        assertTrue(r.skipped() == null || !r.skipped().startsWith("page could not be transformed"), r.skipped());
    }

    @Test
    void keepsHostileValuesFromThePageInert() {
        Rewrite r = plan(PageTransformerTest.fixture("hostile.html"));
        String added = inserted(r);
        assertFalse(added.contains("<script>"), added);
        assertFalse(added.contains("<img"), added);
        assertFalse(added.toLowerCase().contains("javascript:"), added);
        Document block = Jsoup.parse(added);
        assertEquals(1, block.select("script").size());
        assertEquals(0, block.select("[onerror]").size());
    }

    @Test
    void keepsAScriptEndTagInAnApplicationTitleInert() {
        byte[] page = "<html><head></head><body><article><h1>x y z</h1></article></body></html>".getBytes(StandardCharsets.UTF_8);
        ArticleMeta app = ArticleMeta.builder().title("</script><script>alert(1)</script>").type("article").build();
        Rewrite r = T.plan(page, page.length, null, new PageRequest(URL, app, null));
        Document out = Jsoup.parse(new String(r.apply(page), StandardCharsets.UTF_8));
        assertEquals(1, out.select("script").size(), "only Herald's JSON-LD block");
        assertTrue(out.selectFirst("script").data().contains("\\u003c/script\\u003e"));
        assertEquals("</script><script>alert(1)</script>", out.selectFirst("meta[property=og:title]").attr("content"));
    }

    @Test
    void writesNoLineBreaksFromValuesIntoTags() {
        byte[] page = "<html><head><meta name=description content=\"one&#13;&#10;Set-Cookie: x=1\"></head><body></body></html>".getBytes(StandardCharsets.UTF_8);
        String added = inserted(plan(page));
        for (String line : added.split("\n")) assertTrue(line.startsWith("<meta ") || line.startsWith("<link ") || line.startsWith("<script "), line);
        assertTrue(added.contains("content=\"one Set-Cookie: x=1\""), added);
    }

    @Test
    void dropsJavascriptUrlsFromThePage() {
        byte[] page = ("<html><head><link rel=canonical href=\"javascript:alert(1)\"><base href=\"javascript:alert(2)//\"></head>"
                + "<body><article><h1>Some headline here</h1><img src=\"JaVaScRiPt:alert(3)\" width=800></article></body></html>").getBytes(StandardCharsets.UTF_8);
        Rewrite r = plan(page);
        assertEquals(URL, r.meta().meta().url());
        assertFalse(inserted(r).toLowerCase().contains("javascript"), inserted(r));
    }

    @Test
    void leavesBinaryJunkUnchanged() {
        byte[] junk = new byte[64 * 1024];
        new Random(42).nextBytes(junk);
        Rewrite r = plan(junk);
        assertFalse(r.changesBody());
        assertNotNull(r.skipped());
    }

    @Test
    void leavesTextWithNulBytesUnchanged() {
        byte[] page = "<html>\0\0\0<head></head></html>".getBytes(StandardCharsets.UTF_8);
        assertFalse(plan(page).changesBody());
    }

    @Test
    void transformsAnEmptyBodyWithoutFailing() {
        Rewrite r = plan(new byte[0]);
        assertNotNull(r.meta());
        assertArrayEquals(new byte[0], PageTransformerTest.withoutInsertions(r, r.apply(new byte[0])));
    }

    @Test
    void transformsATenMegabytePage() {
        StringBuilder sb = new StringBuilder("<html><head><title>Big page</title></head><body><article><h1>Big page headline</h1>");
        String para = "<p>" + "A long paragraph of filler text that goes on. ".repeat(20) + "</p>\n";
        while (sb.length() < 10 * 1024 * 1024) sb.append(para);
        sb.append("</article></body></html>");
        byte[] page = sb.toString().getBytes(StandardCharsets.UTF_8);
        Rewrite r = plan(page);
        assertTrue(r.changesBody());
        assertTrue(r.insertions().get(0).offset() < 100);
    }

    @Test
    void survivesDeeplyNestedMarkup() {
        String page = "<html><head><title>Deep</title></head><body>" + "<div>".repeat(100_000) + "deep" + "</div>".repeat(100_000) + "</body></html>";
        Rewrite r = plan(page.getBytes(StandardCharsets.UTF_8));
        assertTrue(r.changesBody());
        assertNoInternalFailure(r);
    }

    @Test
    void survivesDeeplyNestedJsonLd() {
        String json = "[".repeat(50_000) + "]".repeat(50_000);
        byte[] page = ("<html><head><script type=\"application/ld+json\">" + json + "</script><title>Nested</title></head></html>").getBytes(StandardCharsets.UTF_8);
        Rewrite r = plan(page);
        assertEquals("Nested", r.meta().meta().title());
    }

    @Test
    void survivesUnclosedCommentsScriptsAndAttributes() {
        for (String page : new String[] {"<html><head><!-- never closed <title>x</title>", "<html><head><script>var a = '</head>",
            "<html><head><meta property=\"og:title\" content=\"unterminated", "<", "</head>", "<head", "<html><head><title>",
            "<!doctype html><html><head><style>body{}</style><title>x</title><body><article><h1>H<p>x</article>"}) {
            byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
            Rewrite r = plan(bytes);
            assertArrayEquals(bytes, PageTransformerTest.withoutInsertions(r, r.apply(bytes)), page);
            assertNoInternalFailure(r);
        }
    }

    @Test
    void survivesEveryTruncationOfARealisticPage() {
        byte[] page = PageTransformerTest.fixture("wordpress-news.html");
        for (int len = 0; len <= page.length; len += 37) {
            byte[] cut = Arrays.copyOf(page, len);
            Rewrite r = plan(cut);
            for (Rewrite.Insertion i : r.insertions()) assertTrue(i.offset() <= len);
            assertNoInternalFailure(r);
            assertArrayEquals(cut, PageTransformerTest.withoutInsertions(r, r.apply(cut)), "length " + len);
        }
    }

    @Test
    void survivesRandomMutationsOfARealisticPage() {
        byte[] page = PageTransformerTest.fixture("newspaper-graph.html");
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            byte[] mutated = page.clone();
            String noise = "<>\"'/&=!- \0\u00e9";
            for (int k = 0; k < 20; k++) mutated[random.nextInt(mutated.length)] = (byte) noise.charAt(random.nextInt(noise.length()));
            Rewrite r = plan(mutated);
            assertArrayEquals(mutated, PageTransformerTest.withoutInsertions(r, r.apply(mutated)), "round " + round);
            assertNoInternalFailure(r);
        }
    }
}
