package dev.herald.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.buttons.ButtonRenderer;
import dev.herald.buttons.ButtonOptions;
import dev.herald.buttons.ShareButtons;
import dev.herald.meta.ArticleMeta;
import dev.herald.meta.ImageSize;
import dev.herald.meta.MetaField;
import dev.herald.meta.MetaSource;
import dev.herald.meta.SiteDefaults;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PageTransformerTest {
    static final URI URL = URI.create("https://ledger.example/world/iran-retaliation");
    static final ButtonRenderer BAR = meta -> "<nav data-herald-buttons>share</nav>";
    static final PageTransformer TAGS_ONLY = new PageTransformer(SiteDefaults.NONE, null, ButtonPlacement.NONE);

    static byte[] fixture(String name) {
        try (InputStream in = PageTransformerTest.class.getResourceAsStream("/pages/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Rewrite plan(PageTransformer t, byte[] page) {
        return t.plan(page, page.length, null, PageRequest.of(URL));
    }

    static String transform(PageTransformer t, String page) {
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        return new String(plan(t, bytes).apply(bytes), StandardCharsets.UTF_8);
    }

    static String transform(PageTransformer t, byte[] page) {
        Rewrite r = plan(t, page);
        return new String(r.apply(page), r.charset());
    }

    /** Cuts the inserted bytes back out of {@code out}. */
    static byte[] withoutInsertions(Rewrite r, byte[] out) {
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        int shift = 0;
        int cursor = 0;
        for (Rewrite.Insertion i : r.insertions()) {
            back.write(out, cursor, i.offset() + shift - cursor);
            cursor = i.offset() + shift + i.bytes().length;
            shift += i.bytes().length;
        }
        back.write(out, cursor, out.length - cursor);
        return back.toByteArray();
    }

    static PageTransformer withButtons(ButtonPlacement placement) {
        return new PageTransformer(SiteDefaults.NONE, BAR, placement);
    }

    // ---- the bar's stylesheet ----

    private static final String STORM = "<!doctype html><html><head><title>Storm</title>"
            + "<meta property=\"og:title\" content=\"Storm\"></head><body><article><h1>Storm</h1><p>Rain.</p></article></body></html>";

    @Test
    void theBarsStylesheetGoesIntoTheHeadOnceAndTheBarCarriesNone() {
        PageTransformer t = new PageTransformer(SiteDefaults.NONE, new ShareButtons(ButtonOptions.DEFAULTS), ButtonPlacement.AFTER_HEADLINE);
        Document out = Jsoup.parse(transform(t, STORM));
        assertEquals(1, out.select("style[data-herald-style]").size());
        assertEquals("head", out.selectFirst("style[data-herald-style]").parent().tagName());
        assertEquals(0, out.select("[data-herald-buttons] style").size());
        assertEquals(1, out.select("[data-herald-buttons]").size());
    }

    @Test
    void aPageThatHasTheStylesheetAlreadyDoesNotGetItTwice() {
        PageTransformer t = new PageTransformer(SiteDefaults.NONE, new ShareButtons(ButtonOptions.DEFAULTS), ButtonPlacement.AFTER_HEADLINE);
        String page = STORM.replace("</head>", ShareButtons.styleElement() + "</head>");
        assertEquals(1, Jsoup.parse(transform(t, page)).select("style[data-herald-style]").size());
    }

    // ---- head block ----

    @Test
    void insertsHeadTagsRightBeforeTheHeadEndTag() {
        String out = transform(TAGS_ONLY, fixture("seed-article.html"));
        assertTrue(out.contains("<link rel=\"stylesheet\" href=\"/css/site.css\">\n<meta property=\"og:title\""), out);
        assertTrue(out.contains("</script>\n</head>"), out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed-article.html", "wordpress-news.html", "newspaper-graph.html", "title-and-paragraphs.html",
        "amp-article.html", "lazy-images.html", "hostile.html", "implicit-head.html", "windows-1252.html", "undeclared-latin.html"})
    void changesNothingButInsertions(String name) {
        byte[] page = fixture(name);
        Rewrite r = plan(withButtons(ButtonPlacement.AFTER_HEADLINE), page);
        assertTrue(java.util.Arrays.equals(page, withoutInsertions(r, r.apply(page))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed-article.html", "wordpress-news.html", "newspaper-graph.html", "title-and-paragraphs.html",
        "amp-article.html", "lazy-images.html", "hostile.html", "implicit-head.html", "windows-1252.html", "undeclared-latin.html"})
    void putsEveryInsertedTagIntoTheHead(String name) {
        byte[] page = fixture(name);
        Rewrite r = plan(TAGS_ONLY, page);
        Document out = Jsoup.parse(new String(r.apply(page), r.charset()));
        assertEquals(1, out.select("meta[property=og:title]").size(), name);
        assertEquals(out.select("meta[property^=og:], meta[name^=twitter:], link[rel=canonical]").size(),
                out.head().select("meta[property^=og:], meta[name^=twitter:], link[rel=canonical]").size(), name);
    }

    @Test
    void ignoresHeadEndTagsInCommentsAndScripts() {
        String out = transform(TAGS_ONLY, fixture("newspaper-graph.html"));
        int inserted = out.indexOf("<meta property=\"og:url\"");
        assertTrue(inserted > out.indexOf("\"@type\":\"Person\""), "after the last script in the head");
        assertTrue(out.indexOf("</head>", inserted) - inserted < 2000 && out.substring(inserted, out.indexOf("</head>\n<body>")).indexOf("</head>") < 0);
    }

    @Test
    void neverEmitsATagThePageAlreadyHas() {
        Document out = Jsoup.parse(transform(TAGS_ONLY, fixture("newspaper-graph.html")));
        for (String key : List.of("og:title", "og:description", "og:image", "og:type", "article:published_time", "article:section")) {
            assertEquals(1, out.select("meta[property=" + key + "]").size(), key);
        }
        assertEquals(1, out.select("meta[name=twitter:card]").size());
        assertEquals(1, out.select("script[type=application/ld+json]").size());
        assertEquals(0, out.select("meta[property^=og:image:]").size());
    }

    @Test
    void insertsWhereTheParserClosedAnImplicitHead() {
        String out = transform(TAGS_ONLY, fixture("implicit-head.html"));
        assertTrue(out.contains("two months early</title>\n<meta property=\"og:title\""), out);
    }

    @Test
    void insertsIntoAPageWithNoHeadAtAll() {
        String out = transform(TAGS_ONLY, "<p>Just one paragraph of text, nothing else at all on this page.</p>");
        assertTrue(out.startsWith("<meta property=\"og:title\"") || out.startsWith("<meta property=\"og:type\""), out);
        assertTrue(out.endsWith("<p>Just one paragraph of text, nothing else at all on this page.</p>"));
        assertFalse(Jsoup.parse(out).head().select("meta[property=og:url]").isEmpty());
    }

    @Test
    void insertsBeforeContentThatClosesTheHeadEarly() {
        String out = transform(TAGS_ONLY, "<html><head><title>Early body</title><p>Stray paragraph</p></head><body>x</body></html>");
        assertTrue(out.contains("Early body</title><meta property="), out);
        assertEquals(1, Jsoup.parse(out).head().select("meta[property=og:title]").size());
    }

    @Test
    void usesApplicationValuesOverThePagesOwn() {
        byte[] page = fixture("seed-article.html");
        ArticleMeta app = ArticleMeta.builder().title("Set by the application").build();
        Rewrite r = TAGS_ONLY.plan(page, page.length, null, new PageRequest(URL, app, null));
        assertEquals(MetaSource.APPLICATION, r.meta().sourceOf(MetaField.TITLE));
        assertTrue(new String(r.apply(page), StandardCharsets.UTF_8).contains("<meta property=\"og:title\" content=\"Set by the application\">"));
    }

    @Test
    void addsNothingToAPageThatHasEveryTag() {
        String complete = transform(TAGS_ONLY, fixture("seed-article.html"));
        byte[] page = complete.getBytes(StandardCharsets.UTF_8);
        Rewrite r = plan(TAGS_ONLY, page);
        assertFalse(r.changesBody());
        assertNull(r.skipped());
    }

    @Test
    void fillsTheImageSizeFromTheServedFile() {
        String page = "<title>t</title><article><h1>A headline for a test</h1><figure><img src=\"/img/lead.jpg\"></figure></article>";
        PageTransformer t = new PageTransformer(SiteDefaults.NONE, null, ButtonPlacement.NONE,
                url -> url.getPath().equals("/img/lead.jpg") ? Optional.of(new ImageSize(1600, 900, "image/jpeg")) : Optional.empty());
        String out = transform(t, page);
        assertTrue(out.contains("<meta property=\"og:image\" content=\"https://ledger.example/img/lead.jpg\">\n"
                + "<meta property=\"og:image:width\" content=\"1600\">\n<meta property=\"og:image:height\" content=\"900\">"), out);
    }

    @Test
    void transformsOnlyTheGivenLength() {
        byte[] page = fixture("seed-article.html");
        byte[] padded = java.util.Arrays.copyOf(page, page.length + 100);
        Rewrite r = TAGS_ONLY.plan(padded, page.length, null, PageRequest.of(URL));
        assertEquals(plan(TAGS_ONLY, page).insertions().get(0).offset(), r.insertions().get(0).offset());
    }

    // ---- buttons ----

    @Test
    void putsButtonsIntoThePlaceholderWhateverThePlacement() {
        for (ButtonPlacement p : List.of(ButtonPlacement.AFTER_HEADLINE, ButtonPlacement.END_OF_ARTICLE, ButtonPlacement.PLACEHOLDER_ONLY)) {
            String out = transform(withButtons(p), fixture("seed-article.html"));
            assertTrue(out.contains("<div data-herald-share><nav data-herald-buttons>share</nav></div>"), p.name());
            assertEquals(1, Jsoup.parse(out).select("[data-herald-buttons]").size(), p.name());
        }
    }

    static final String ARTICLE = "<html><head><title>t</title></head><body><article><h1 class=x>Bridge reopens after repairs</h1>"
            + "<p>Traffic flowed across the old bridge again on Monday morning after nine weeks of repair work.</p></article></body></html>";

    @Test
    void putsButtonsRightAfterTheHeadline() {
        assertTrue(transform(withButtons(ButtonPlacement.AFTER_HEADLINE), ARTICLE).contains("after repairs</h1><nav data-herald-buttons>share</nav><p>"));
    }

    @Test
    void placesNoBarInsideANoscriptThatABrowserWithScriptingOnShowsAsText() {
        String unclosed = ARTICLE.replace("<article>", "<noscript><article>");
        assertFalse(transform(withButtons(ButtonPlacement.AFTER_HEADLINE), unclosed).contains("data-herald-buttons"));
        String placeholder = ARTICLE.replace("<article>", "<noscript><div data-herald-share></div></noscript><article>");
        assertFalse(transform(withButtons(ButtonPlacement.AFTER_HEADLINE), placeholder).contains("data-herald-buttons"));
        String closedElsewhere = ARTICLE.replace("<article>", "<noscript><p>Turn on JavaScript for the map.</p></noscript><article>");
        assertTrue(transform(withButtons(ButtonPlacement.AFTER_HEADLINE), closedElsewhere)
                .contains("after repairs</h1><nav data-herald-buttons>share</nav><p>"), "a closed noscript elsewhere changes nothing");
    }

    static final String OPENING = "<html><head><title>t</title></head><body><article><header><h1>Bridge reopens after repairs</h1>"
            + "<p class=standfirst>Nine weeks of work end a day early.</p><p class=byline>By Ana Ruiz</p></header>"
            + "<figure><img src=/b.jpg alt=''></figure>"
            + "<p>Traffic flowed across the old bridge again on Monday morning after nine weeks of repair work.</p></article></body></html>";

    @Test
    void putsButtonsAfterTheStandfirstAndBylineThatOpenTheStory() {
        String out = transform(withButtons(ButtonPlacement.AFTER_STANDFIRST), OPENING);
        assertTrue(out.contains("By Ana Ruiz</p></header><nav data-herald-buttons>share</nav><figure>"), out);
    }

    @Test
    void afterTheStandfirstWalksSiblingsAndStopsAtTheStory() {
        String page = "<html><head><title>t</title></head><body><article><h1>Bridge reopens after repairs</h1>"
                + "<p class=dek>Nine weeks of work end a day early.</p><div class=meta><time datetime=2025-05-04>4 May 2025</time></div>"
                + "<p>Traffic flowed across the old bridge again on Monday morning after nine weeks of repair work, and then"
                + " some more words so that this reads as the story's first paragraph rather than a standfirst of any kind at all."
                + " It goes on, as stories do, well past what a standfirst would hold, into a third sentence.</p></article></body></html>";
        String out = transform(withButtons(ButtonPlacement.AFTER_STANDFIRST), page);
        assertTrue(out.contains("4 May 2025</time></div><nav data-herald-buttons>share</nav><p>Traffic"), out);
    }

    @Test
    void afterTheStandfirstIsRightAfterTheHeadlineWhenNothingOpensTheStory() {
        String out = transform(withButtons(ButtonPlacement.AFTER_STANDFIRST),
                "<html><head><title>t</title></head><body><article><h1>Bridge reopens</h1><figure><img src=/b.jpg alt=''></figure>"
                + "<p>Traffic flowed.</p></article></body></html>");
        assertTrue(out.contains("Bridge reopens</h1><nav data-herald-buttons>share</nav><figure>"), out);
    }

    @Test
    void severalPlacementsPutTheSameBarInEachPlaceOnce() {
        PageTransformer t = new PageTransformer(SiteDefaults.NONE, BAR,
                List.of(ButtonPlacement.AFTER_HEADLINE, ButtonPlacement.END_OF_ARTICLE), dev.herald.meta.ImageSizes.NONE);
        String out = transform(t, ARTICLE);
        assertTrue(out.contains("after repairs</h1><nav data-herald-buttons>share</nav><p>"), out);
        assertTrue(out.contains("work.</p><nav data-herald-buttons>share</nav></article>"), out);
        assertEquals(2, Jsoup.parse(out).select("[data-herald-buttons]").size());
        // Two placements that land on one spot give one bar.
        PageTransformer same = new PageTransformer(SiteDefaults.NONE, BAR,
                List.of(ButtonPlacement.AFTER_HEADLINE, ButtonPlacement.AFTER_STANDFIRST), dev.herald.meta.ImageSizes.NONE);
        assertEquals(1, Jsoup.parse(transform(same, ARTICLE.replace("<p>Traffic", "<figure></figure><p>Traffic"))).select("[data-herald-buttons]").size());
    }

    @Test
    void aPlaceholderHoldsTheOnlyBarWhateverThePlacements() {
        PageTransformer t = new PageTransformer(SiteDefaults.NONE, BAR,
                List.of(ButtonPlacement.AFTER_HEADLINE, ButtonPlacement.END_OF_ARTICLE), dev.herald.meta.ImageSizes.NONE);
        assertEquals(1, Jsoup.parse(transform(t, fixture("seed-article.html"))).select("[data-herald-buttons]").size());
    }

    @Test
    void putsButtonsAtTheEndOfTheArticle() {
        assertTrue(transform(withButtons(ButtonPlacement.END_OF_ARTICLE), ARTICLE).contains("work.</p><nav data-herald-buttons>share</nav></article>"));
    }

    @Test
    void guessesNoPlaceWhenPlacementIsPlaceholderOnly() {
        assertFalse(transform(withButtons(ButtonPlacement.PLACEHOLDER_ONLY), ARTICLE).contains("data-herald-buttons"));
    }

    @Test
    void addsNoButtonsWhenPlacementIsNone() {
        assertFalse(transform(withButtons(ButtonPlacement.NONE), fixture("seed-article.html")).contains("data-herald-buttons"));
    }

    @Test
    void neverAddsASecondButtonBar() {
        String page = ARTICLE.replace("</article>", "<div data-herald-buttons>own bar</div></article>");
        assertEquals(1, Jsoup.parse(transform(withButtons(ButtonPlacement.END_OF_ARTICLE), page)).select("[data-herald-buttons]").size());
    }

    @Test
    void addsNoButtonsToAPageThatIsNotAnArticle() {
        assertFalse(transform(withButtons(ButtonPlacement.END_OF_ARTICLE), fixture("title-and-paragraphs.html")).contains("data-herald-buttons"));
    }

    @Test
    void addsNoButtonsAfterAnUnclosedHeadline() {
        assertFalse(transform(withButtons(ButtonPlacement.AFTER_HEADLINE), fixture("implicit-head.html")).contains("data-herald-buttons"));
    }

    @Test
    void passesTheResolvedMetadataToTheButtonRenderer() {
        PageTransformer t = new PageTransformer(SiteDefaults.NONE, meta -> "<nav data-herald-buttons data-url=\"" + meta.url() + "\"></nav>", ButtonPlacement.AFTER_HEADLINE);
        assertTrue(transform(t, ARTICLE).contains("data-url=\"" + URL + "\""));
    }

    @Test
    void putsHeadTagsAndButtonsInOffsetOrder() {
        Rewrite r = plan(withButtons(ButtonPlacement.AFTER_HEADLINE), ARTICLE.getBytes(StandardCharsets.UTF_8));
        assertEquals(2, r.insertions().size());
        assertTrue(r.insertions().get(0).offset() < r.insertions().get(1).offset());
    }

    @Test
    void placesButtonsRightWhenTheParserAddsElementsTheSourceLacks() {
        String page = ARTICLE.replace("</article>", "<table><tr><td>cell</td></tr></table></article>");
        assertTrue(transform(withButtons(ButtonPlacement.END_OF_ARTICLE), page).contains("</table><nav data-herald-buttons>share</nav></article>"));
    }

    @Test
    void placesButtonsRightAfterAMisnestedHeadline() {
        String page = "<html><head><title>t</title></head><body><article><h1>Bridge <b>reopens</h1><p>Traffic flowed across "
                + "the old bridge again on Monday morning after nine weeks of work.</b></p></article></body></html>";
        String out = transform(withButtons(ButtonPlacement.AFTER_HEADLINE), page);
        assertTrue(out.contains("reopens</h1><nav data-herald-buttons>share</nav><p>"), out);
    }

    @Test
    void keepsTheHeadTagsWhenTheButtonRendererFails() {
        PageTransformer t = new PageTransformer(SiteDefaults.NONE, meta -> { throw new IllegalStateException("broken"); }, ButtonPlacement.AFTER_HEADLINE);
        String out = transform(t, ARTICLE);
        assertTrue(out.contains("<meta property=\"og:title\""), out);
        assertFalse(out.contains("data-herald-buttons"));
    }
}
