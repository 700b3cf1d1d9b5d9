package dev.herald.page;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.meta.ArticleMeta;
import dev.herald.meta.SiteDefaults;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class PageTransformerCharsetTest {
    static final URI URL = URI.create("https://gazette.example/marche");
    static final Charset CP1252 = Charset.forName("windows-1252");
    static final PageTransformer T = new PageTransformer(SiteDefaults.NONE, null, ButtonPlacement.NONE);

    static Rewrite plan(byte[] page, Charset declared) {
        return T.plan(page, page.length, declared, PageRequest.of(URL));
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) { System.arraycopy(p, 0, out, at, p.length); at += p.length; }
        return out;
    }

    @Test
    void keepsAWindows1252PageInWindows1252() {
        byte[] page = PageTransformerTest.fixture("windows-1252.html");
        Rewrite r = plan(page, null);
        assertEquals(CP1252, r.charset());
        String inserted = new String(r.insertions().get(0).bytes(), CP1252);
        assertTrue(inserted.contains("content=\"“Le marché couvert” rouvre ses portes\""), inserted);
        byte[] expected = "content=\"\u201cLe march\u00e9".getBytes(CP1252);
        assertTrue(indexOf(r.insertions().get(0).bytes(), expected) >= 0, "curly quote encoded as byte 0x93");
    }

    @Test
    void fallsBackToWindows1252ForUndeclaredBytesThatAreNotUtf8() {
        byte[] page = PageTransformerTest.fixture("undeclared-latin.html");
        Rewrite r = plan(page, null);
        assertEquals(CP1252, r.charset());
        assertEquals("“Le marché couvert” rouvre ses portes", r.meta().meta().title());
    }

    @Test
    void readsUndeclaredCyrillicBytesThatAreNotUtf8AsWindows1251() {
        Charset cp1251 = Charset.forName("windows-1251");
        String html = "<!doctype html><html><head><title>Паром отменён из-за шторма</title></head><body>"
                + "<article><h1>Паром отменён из-за шторма</h1><p>Утренний рейс на остров отменён: ветер усилился до штормового.</p></article></body></html>";
        Rewrite r = plan(html.getBytes(cp1251), null);
        assertEquals(cp1251, r.charset());
        assertEquals("Паром отменён из-за шторма", r.meta().meta().title());
        // The same text in UTF-8 is UTF-8: validity decides first.
        assertEquals(StandardCharsets.UTF_8, plan(html.getBytes(StandardCharsets.UTF_8), null).charset());
    }

    @Test
    void westernTextWithAccentsBetweenAsciiLettersStaysWindows1252() {
        String html = "<title>Élève, café, naïve, Zürich, Größe, São Paulo, señor, déjà vu, à la carte, crème brûlée</title>";
        assertEquals(CP1252, plan(html.getBytes(CP1252), null).charset());
    }

    @Test
    void takesTheDeclaredCharsetOverTheMetaTag() {
        byte[] page = "<meta charset=\"windows-1252\"><title>Caf\u00e9 \u2014 open</title>".getBytes(StandardCharsets.UTF_8);
        Rewrite r = plan(page, StandardCharsets.UTF_8);
        assertEquals(StandardCharsets.UTF_8, r.charset());
        assertEquals("Café — open", r.meta().meta().title());
    }

    @Test
    void readsTheCharsetFromTheMetaTagWhenNoneIsDeclared() {
        byte[] page = "<meta http-equiv=Content-Type content=\"text/html;charset=ISO-8859-15\"><title>Prix en \u20ac</title>".getBytes(Charset.forName("ISO-8859-15"));
        Rewrite r = plan(page, null);
        assertEquals(Charset.forName("ISO-8859-15"), r.charset());
        assertEquals("Prix en €", r.meta().meta().title());
    }

    @Test
    void readsUtf8WithoutAnyDeclaration() {
        byte[] page = "<title>Zürich — “quoted”</title>".getBytes(StandardCharsets.UTF_8);
        Rewrite r = plan(page, null);
        assertEquals(StandardCharsets.UTF_8, r.charset());
        assertEquals("Zürich — “quoted”", r.meta().meta().title());
    }

    @Test
    void insertsAtTheRightByteAfterABomAndMultiByteText() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] page = concat(bom, "<html><head><title>日本語のタイトル 😀</title></head><body></body></html>".getBytes(StandardCharsets.UTF_8));
        Rewrite r = plan(page, null);
        String out = new String(r.apply(page), StandardCharsets.UTF_8);
        assertTrue(out.startsWith("\uFEFF<html><head><title>日本語のタイトル 😀</title><meta property=\"og:title\" content=\"日本語のタイトル 😀\">"), out);
        assertTrue(out.endsWith("</head><body></body></html>"));
    }

    @Test
    void computesByteOffsetsInAMultiByteLegacyCharset() {
        Charset sjis = Charset.forName("Shift_JIS");
        byte[] page = "<html><head><title>東京の天気</title></head><body><p>晴れ</p></body></html>".getBytes(sjis);
        Rewrite r = plan(page, sjis);
        String out = new String(r.apply(page), sjis);
        assertTrue(out.contains("<title>東京の天気</title><meta property=\"og:title\" content=\"東京の天気\">"), out);
        assertTrue(out.contains("<link rel=\"canonical\" href=\"https://gazette.example/marche\">\n</head><body><p>晴れ</p>"), out);
    }

    @Test
    void handlesUtf16Pages() {
        byte[] page = "<html><head><title>Überschrift</title></head><body></body></html>".getBytes(StandardCharsets.UTF_16LE);
        Rewrite r = plan(page, StandardCharsets.UTF_16LE);
        String out = new String(r.apply(page), StandardCharsets.UTF_16LE);
        assertTrue(out.contains("<meta property=\"og:title\" content=\"Überschrift\">"), out);
        assertTrue(out.endsWith("</head><body></body></html>"), out);
    }

    @Test
    void writesNoByteOrderMarksIntoAUtf16Page() {
        byte[] page = "<html><head><title>Überschrift</title></head><body></body></html>".getBytes(StandardCharsets.UTF_16BE);
        Rewrite r = plan(page, StandardCharsets.UTF_16);
        String out = new String(r.apply(page), StandardCharsets.UTF_16BE);
        assertFalse(out.contains("\uFEFF"), out);
        assertTrue(out.contains("<meta property=\"og:title\" content=\"Überschrift\">"), out);
        assertTrue(out.endsWith("</head><body></body></html>"), out);
    }

    @Test
    void leavesAPageWithMalformedBytesUnchanged() {
        byte[] page = concat("<html><head><title>Broken ".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, (byte) 0x28},
                "</title></head></html>".getBytes(StandardCharsets.UTF_8));
        Rewrite r = plan(page, StandardCharsets.UTF_8);
        assertFalse(r.changesBody());
        assertTrue(r.skipped().contains("not valid UTF-8"), r.skipped());
        assertArrayEquals(page, r.apply(page));
    }

    @Test
    void writesCharactersAWindows1252PageCannotHoldAsReferences() {
        byte[] page = PageTransformerTest.fixture("windows-1252.html");
        ArticleMeta app = ArticleMeta.builder().title("Kraków → Łódź 😀").build();
        Rewrite r = T.plan(page, page.length, null, new PageRequest(URL, app, null));
        String inserted = new String(r.insertions().get(0).bytes(), CP1252);
        assertTrue(inserted.contains("content=\"Kraków &#x2192; &#x141;ód&#x17A; &#x1F600;\""), inserted);
        assertTrue(inserted.contains("\"headline\":\"Kraków \\u2192 \\u0141ód\\u017a \\ud83d\\ude00\""), inserted);
        String out = new String(r.apply(page), CP1252);
        assertEquals("Kraków → Łódź 😀", Jsoup.parse(out).selectFirst("meta[property=og:title]").attr("content"));
    }

    @Test
    void keepsInsertionsWithinAnIso88591Label() {
        byte[] page = "<html><head><title>Caf\u00e9 prices</title></head></html>".getBytes(StandardCharsets.ISO_8859_1);
        ArticleMeta app = ArticleMeta.builder().description("“Quoted” price").build();
        Rewrite r = T.plan(page, page.length, StandardCharsets.ISO_8859_1, new PageRequest(URL, app, null));
        assertEquals(StandardCharsets.ISO_8859_1, r.charset());
        String inserted = new String(r.insertions().get(0).bytes(), StandardCharsets.ISO_8859_1);
        assertTrue(inserted.contains("content=\"&#x201C;Quoted&#x201D; price\""), inserted);
        assertTrue(inserted.contains("content=\"Café prices\""), inserted);
    }

    @Test
    void readsCurlyQuotesInAnIso88591LabelledPageTheWayBrowsersDo() {
        byte[] page = concat("<title>".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0x93, 'H', 'i', (byte) 0x94}, "</title>".getBytes(StandardCharsets.US_ASCII));
        assertEquals("“Hi”", plan(page, StandardCharsets.ISO_8859_1).meta().meta().title());
    }

    @Test
    void keepsOffsetsForBytesWindows1252LeavesUndefined() {
        byte[] page = concat("<html><head><title>Odd ".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0x81, (byte) 0x8D},
                " bytes</title></head><body></body></html>".getBytes(StandardCharsets.US_ASCII));
        Rewrite r = plan(page, CP1252);
        assertTrue(r.changesBody());
        assertArrayEquals(page, PageTransformerTest.withoutInsertions(r, r.apply(page)));
        assertTrue(new String(r.apply(page), CP1252).contains("<link rel=\"canonical\" href=\"https://gazette.example/marche\">\n</head>"));
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    @Test
    void leavesNoUnmappableBytesInTheInsertions() {
        byte[] page = PageTransformerTest.fixture("windows-1252.html");
        Rewrite r = plan(page, null);
        for (Rewrite.Insertion i : r.insertions()) assertFalse(new String(i.bytes(), CP1252).contains("?"), "no replacement characters");
        assertFalse(Arrays.equals(page, r.apply(page)));
    }
}
