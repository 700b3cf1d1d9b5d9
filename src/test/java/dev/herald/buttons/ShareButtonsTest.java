package dev.herald.buttons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.meta.ArticleMeta;
import dev.herald.meta.ImageMeta;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

class ShareButtonsTest {
    static final String PAGE = "https://herald.example/world/iran-retaliation";
    static final ArticleMeta META = ArticleMeta.builder()
            .title("Iran says retaliation for US strike is complete, will not seek escalation")
            .description("Tehran signals it does not want war after missile attacks on two bases in Iraq.")
            .url(PAGE)
            .twitterSite("@HeraldNews")
            .build();
    static final List<Network> ALL = List.of(Network.values());

    private static Document render(ButtonOptions options, ArticleMeta meta) {
        return Jsoup.parseBodyFragment(new ShareButtons(options).render(meta));
    }

    private static ButtonOptions all() {
        return ButtonOptions.builder().networks(ALL).endpoint("/share").build();
    }

    private static List<String> networks(Document doc) {
        return doc.select("[data-network]").eachAttr("data-network");
    }

    @Test
    void rendersANavigationLandmarkMarkedAsAHeraldBar() {
        Document doc = render(ButtonOptions.DEFAULTS, META);
        Element nav = doc.body().child(0);
        assertEquals("nav", nav.tagName());
        assertTrue(nav.hasClass("herald-share") && nav.hasClass("herald-share--row"));
        assertTrue(nav.hasAttr(ButtonRenderer.MARKER_ATTRIBUTE));
        assertEquals("Share", nav.attr("aria-label"));
        assertEquals("en", nav.attr("lang"));
        assertEquals(1, doc.body().childrenSize());
    }

    @Test
    void rendersOneListItemPerNetworkInTheConfiguredOrder() {
        Document doc = render(all(), META.toBuilder().image(ImageMeta.of(URI.create("https://herald.example/i.jpg"))).build());
        assertEquals(ALL.stream().map(Network::id).collect(Collectors.toList()), networks(doc));
        assertEquals(ALL.size(), doc.select("ul.herald-share__list > li.herald-share__item").size());
    }

    @Test
    void everyLinkIsAnAbsoluteHttpsOrMailtoUrl() {
        Document doc = render(all(), META.toBuilder().image(ImageMeta.of(URI.create("https://herald.example/i.jpg"))).build());
        Elements links = doc.select("a");
        assertEquals(ALL.size() - 1, links.size()); // all but the Web Share button
        for (Element a : links) {
            String href = a.attr("href");
            assertTrue(href.startsWith("https://") || href.startsWith("mailto:?"), href);
            assertTrue(URI.create(href).isAbsolute(), href);
        }
    }

    @Test
    void everyLinkHasRelNoopenerNoreferrer() {
        for (Element a : render(all(), META).select("a")) {
            assertEquals("noopener noreferrer", a.attr("rel"), a.attr("data-network"));
        }
    }

    @Test
    void linksToOtherSitesOpenInANewTabButMailAndCopyDoNot() {
        Document doc = render(all(), META);
        for (Element a : doc.select("a")) {
            Network n = Network.of(a.attr("data-network"));
            boolean expected = n != Network.EMAIL && n != Network.COPY;
            assertEquals(expected ? "_blank" : "", a.attr("target"), n.id());
        }
        assertEquals("Share links open in a new tab.", doc.selectFirst(".herald-share__sr").text());
    }

    @Test
    void everyButtonHasALocalisedAccessibleNameContainingItsVisibleName() {
        Document doc = render(all(), META);
        for (Element b : doc.select("[data-network]")) {
            String label = b.selectFirst(".herald-share__label").text();
            assertFalse(label.isEmpty());
            assertTrue(b.attr("aria-label").toLowerCase(Locale.ROOT).contains(label.toLowerCase(Locale.ROOT)), b.attr("aria-label"));
        }
        assertEquals("Share on Facebook", doc.selectFirst("[data-network=facebook]").attr("aria-label"));
        assertEquals("Share by email", doc.selectFirst("[data-network=email]").attr("aria-label"));
    }

    @Test
    void iconsAreInlineSvgHiddenFromAssistiveTechnology() {
        Elements svgs = render(all(), META).select("svg");
        assertEquals(ALL.size() - 1, svgs.size()); // Pinterest is skipped: no image
        for (Element svg : svgs) {
            assertEquals("true", svg.attr("aria-hidden"));
            assertFalse(svg.hasAttr("tabindex"));
            assertTrue(svg.hasClass("herald-share__icon"));
            assertFalse(svg.children().isEmpty());
        }
    }

    @Test
    void makesNoThirdPartyRequestOfAnyKind() {
        String html = new ShareButtons(all()).render(META.toBuilder().image(ImageMeta.of(URI.create("https://herald.example/i.jpg"))).build());
        Document doc = Jsoup.parseBodyFragment(html);
        assertTrue(doc.select("img, iframe, link, object, embed, video, audio, source, form, input, [src], [srcset], [poster], [xlink:href], [style]").isEmpty());
        for (Element s : doc.select("script")) assertFalse(s.hasAttr("src"));
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                if (a.getKey().equals("href")) assertEquals("a", e.tagName());
                assertFalse(a.getKey().startsWith("on"), "inline handler " + a.getKey());
            }
        }
        String css = doc.select("style").html();
        assertFalse(css.contains("url(") || css.contains("@import") || css.contains("@font-face"), css);
        assertFalse(html.toLowerCase(Locale.ROOT).contains("javascript:"));
    }

    @Test
    void aHostileTitleStaysInert() {
        String hostile = "\"><script>alert(1)</script><img src=x onerror=alert(2)> & 'quotes' javascript:alert(3)";
        ArticleMeta meta = META.toBuilder().title(hostile).build();
        ButtonOptions options = ButtonOptions.builder().networks(ALL).heading(hostile).build();
        String html = new ShareButtons(options).render(meta);
        Document doc = Jsoup.parseBodyFragment(html);
        assertEquals(1, doc.select("script").size());
        assertTrue(doc.selectFirst("script").hasAttr("data-herald-script"));
        assertTrue(doc.select("img").isEmpty());
        assertEquals(1, doc.body().childrenSize());
        // The values survive exactly, as text, where they are meant to appear.
        assertEquals(hostile, doc.selectFirst("[data-network=share]").attr("data-title"));
        assertEquals(hostile, doc.selectFirst(".herald-share__heading").text());
        assertEquals(hostile, ShareLinksTest.param(doc.selectFirst("[data-network=reddit]").attr("href"), "title"));
        // "javascript:" survives only as text (title and heading); in every URL it is percent-encoded.
        for (Element a : doc.select("a")) assertTrue(a.attr("href").matches("(https://|mailto:\\?).*"), a.attr("href"));
        // Exactly three inert copies: the heading, the landmark name that repeats it, and data-title.
        assertEquals(3, html.split("javascript:", -1).length - 1, html);
    }

    @Test
    void utmParametersAreMergedIntoTheSharedUrlsExistingQuery() {
        ArticleMeta meta = META.toBuilder().url(PAGE + "?id=7&utm_source=newsletter").build();
        Document doc = render(ButtonOptions.builder().networks("facebook, x, email, copy").utm(true).build(), meta);
        assertEquals(PAGE + "?id=7&utm_source=facebook&utm_medium=social&utm_campaign=share",
                ShareLinksTest.param(doc.selectFirst("[data-network=facebook]").attr("href"), "u"));
        assertEquals(PAGE + "?id=7&utm_source=x&utm_medium=social&utm_campaign=share",
                ShareLinksTest.param(doc.selectFirst("[data-network=x]").attr("href"), "url"));
        assertTrue(doc.selectFirst("[data-network=email]").attr("href").endsWith(
                "%0D%0Ahttps%3A%2F%2Fherald.example%2Fworld%2Firan-retaliation%3Fid%3D7%26utm_source%3Demail%26utm_medium%3Dsocial%26utm_campaign%3Dshare"));
        assertEquals(PAGE + "?id=7&utm_source=copy&utm_medium=social&utm_campaign=share",
                doc.selectFirst("[data-network=copy]").attr("href"));
    }

    @Test
    void withoutUtmTheSharedUrlIsThePageUrlUnchanged() {
        Document doc = render(ButtonOptions.builder().networks("facebook, copy").build(), META);
        assertEquals(PAGE, ShareLinksTest.param(doc.selectFirst("[data-network=facebook]").attr("href"), "u"));
        assertEquals(PAGE, doc.selectFirst("[data-network=copy]").attr("href"));
    }

    @Test
    void escapesTheAmpersandsOfHrefsInTheMarkup() {
        String html = new ShareButtons(ButtonOptions.builder().networks("reddit").build()).render(META);
        assertTrue(html.contains("&amp;title="), html);
        assertFalse(html.contains("\"&title="), html);
    }

    @Test
    void pinterestIsSkippedWithoutAnImage() {
        assertFalse(networks(render(all(), META)).contains("pinterest"));
        Document doc = render(all(), META.toBuilder().image(ImageMeta.of(URI.create("https://herald.example/i.jpg"))).build());
        assertEquals("https://herald.example/i.jpg",
                ShareLinksTest.param(doc.selectFirst("[data-network=pinterest]").attr("href"), "media"));
    }

    @Test
    void mastodonAppearsOnlyWithAnEndpoint() {
        assertFalse(networks(render(ButtonOptions.builder().networks(ALL).build(), META)).contains("mastodon"));
        Element m = render(all(), META).selectFirst("[data-network=mastodon]");
        assertTrue(m.attr("href").startsWith("https://herald.example/share/mastodon?url=https%3A%2F%2Fherald.example%2Fworld%2Firan-retaliation&text="),
                m.attr("href"));
    }

    @Test
    void withAnEndpointEveryNetworkLinkGoesThroughIt() {
        Document doc = render(all(), META);
        for (Element a : doc.select("a")) {
            Network n = Network.of(a.attr("data-network"));
            if (n == Network.EMAIL) assertTrue(a.attr("href").startsWith("mailto:"));
            else if (n == Network.COPY) assertEquals(PAGE, a.attr("href"));
            else assertTrue(a.attr("href").startsWith("https://herald.example/share/" + n.id() + "?url="), a.attr("href"));
        }
    }

    @Test
    void labelsFollowTheConfiguredLocale() {
        Document doc = render(ButtonOptions.builder().networks(ALL).locale(Locale.GERMAN).build(), META);
        assertEquals("Auf Facebook teilen", doc.selectFirst("[data-network=facebook]").attr("aria-label"));
        assertEquals("Link kopieren", doc.selectFirst("[data-network=copy] .herald-share__label").text());
        assertEquals("Teilen", doc.selectFirst("nav").attr("aria-label"));
        assertEquals("de", doc.selectFirst("nav").attr("lang"));
    }

    @Test
    void labelsFollowTheArticleWhenNoLocaleIsConfigured() {
        Document fr = render(ButtonOptions.DEFAULTS, META.toBuilder().locale(Locale.CANADA_FRENCH).build());
        assertEquals("Partager sur Facebook", fr.selectFirst("[data-network=facebook]").attr("aria-label"));
        Document es = render(ButtonOptions.DEFAULTS, META.toBuilder().locale(new Locale("es", "MX")).build());
        assertEquals("Compartir en Facebook", es.selectFirst("[data-network=facebook]").attr("aria-label"));
        Document ja = render(ButtonOptions.DEFAULTS, META.toBuilder().locale(Locale.JAPAN).build());
        assertEquals("Share on Facebook", ja.selectFirst("[data-network=facebook]").attr("aria-label"));
        assertEquals("en", ja.selectFirst("nav").attr("lang"));
    }

    @Test
    void aConfiguredLocaleWinsOverTheArticles() {
        Document doc = render(ButtonOptions.builder().locale(new Locale("es")).build(), META.toBuilder().locale(Locale.GERMAN).build());
        assertEquals("Compartir en Facebook", doc.selectFirst("[data-network=facebook]").attr("aria-label"));
    }

    @Test
    void theWebShareButtonIsAHiddenButtonRevealedByTheScript() {
        Element b = render(ButtonOptions.DEFAULTS, META).selectFirst("[data-network=share]");
        assertEquals("button", b.tagName());
        assertEquals("button", b.attr("type"));
        assertTrue(b.parent().hasAttr("hidden"));
        assertEquals(PAGE, b.attr("data-url"));
        assertEquals(META.title(), b.attr("data-title"));
    }

    @Test
    void withoutTheScriptTheBarIsPlainLinksAndHasNoWebShareButton() {
        Document doc = render(ButtonOptions.builder().networks(ALL).script(false).build(), META);
        assertTrue(doc.select("script, button, [role=status]").isEmpty());
        assertFalse(doc.selectFirst("nav").hasAttr("data-copied"));
        assertEquals(PAGE, doc.selectFirst("a[data-network=copy]").attr("href"));
    }

    @Test
    void copyLinkWithTheScriptGetsALiveStatusAndLocalisedMessages() {
        Document doc = render(ButtonOptions.builder().networks("copy").locale(Locale.FRENCH).build(), META);
        assertEquals("Lien copié", doc.selectFirst("nav").attr("data-copied"));
        assertEquals(1, doc.select("nav > .herald-share__status[role=status]").size());
        Element script = doc.selectFirst("nav > script");
        assertEquals(script, doc.selectFirst("nav").children().last());
    }

    @Test
    void theScriptDefinesNoGlobalsAndTakesNoPerPageValues() {
        String js = ShareButtons.script();
        assertTrue(js.startsWith("(function () {") && js.endsWith("})();"), js);
        assertFalse(js.contains("//"), "comments are stripped: " + js);
        for (Document doc : List.of(render(ButtonOptions.DEFAULTS, META), render(ButtonOptions.builder().locale(Locale.GERMAN).build(),
                META.toBuilder().title("Other").url("https://herald.example/b").build()))) {
            assertEquals(js, doc.selectFirst("script").data());
        }
    }

    @Test
    void theStyleCanBeLeftOutForEveryBarButTheFirst() {
        Document doc = render(ButtonOptions.builder().style(false).build(), META);
        assertTrue(doc.select("style").isEmpty());
        assertEquals(ShareButtons.css(), Jsoup.parse(ShareButtons.styleElement()).selectFirst("style[data-herald-style]").data());
    }

    @Test
    void iconsTakeTheirStrokeFromTheStylesheetAndCarryItOnlyWhenRenderedWithoutIt() {
        for (Element svg : render(ButtonOptions.DEFAULTS, META).select("svg")) assertFalse(svg.hasAttr("stroke"), svg.outerHtml());
        assertTrue(ShareButtons.css().contains(".herald-share__icon{") && ShareButtons.css().contains("stroke:currentColor"));
        Elements unstyled = render(ButtonOptions.builder().style(false).build(), META).select("svg");
        assertFalse(unstyled.isEmpty());
        for (Element svg : unstyled) {
            assertEquals("currentColor", svg.attr("stroke"));
            assertEquals("none", svg.attr("fill"));
        }
    }

    @Test
    void cspHashesMatchTheInlineStyleAndScript() throws Exception {
        Document doc = render(ButtonOptions.DEFAULTS, META);
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        String style = "'sha256-" + java.util.Base64.getEncoder().encodeToString(
                sha.digest(doc.selectFirst("style").data().getBytes(java.nio.charset.StandardCharsets.UTF_8))) + "'";
        String script = "'sha256-" + java.util.Base64.getEncoder().encodeToString(
                sha.digest(doc.selectFirst("script").data().getBytes(java.nio.charset.StandardCharsets.UTF_8))) + "'";
        assertEquals(List.of(style, script), ShareButtons.cspHashes());
    }

    @Test
    void theLayoutIsAClassOnTheBar() {
        assertTrue(render(ButtonOptions.builder().layout(Layout.ICONS).build(), META).selectFirst("nav").hasClass("herald-share--icons"));
        assertTrue(render(ButtonOptions.builder().layout(Layout.COLUMN).build(), META).selectFirst("nav").hasClass("herald-share--column"));
    }

    @Test
    void aHeadingIsVisibleTextAndNamesTheLandmark() {
        Document doc = render(ButtonOptions.builder().heading("Share this article").build(), META);
        assertEquals("Share this article", doc.selectFirst("nav > p.herald-share__heading").text());
        assertEquals("Share this article", doc.selectFirst("nav").attr("aria-label"));
        assertTrue(doc.select("h1, h2, h3, h4, h5, h6").isEmpty());
    }

    @Test
    void showsShareCountsWhenTheHookSuppliesThem() {
        ShareCounts counts = url -> url.toString().equals(PAGE) ? Map.of(Network.FACEBOOK, 1234L, Network.COPY, 9L) : Map.of();
        Document doc = render(ButtonOptions.builder().networks("facebook, x, copy").counts(counts).build(), META);
        Element fb = doc.selectFirst("[data-network=facebook]");
        assertEquals("1.2K", fb.selectFirst(".herald-share__count").text());
        assertEquals("Share on Facebook, 1,234 shares", fb.attr("aria-label"));
        assertNull(doc.selectFirst("[data-network=x] .herald-share__count"));
        assertNull(doc.selectFirst("[data-network=copy] .herald-share__count"));
    }

    @Test
    void aFailingCountsHookCostsOnlyTheCounts() {
        ShareCounts broken = url -> { throw new IllegalStateException("store down"); };
        Document doc = render(ButtonOptions.builder().networks("facebook, x").counts(broken).build(), META);
        assertEquals(List.of("facebook", "x"), networks(doc));
        assertTrue(doc.select(".herald-share__count").isEmpty());
    }

    @Test
    void rendersNothingWithoutAUrl() {
        assertEquals("", new ShareButtons().render(ArticleMeta.builder().title("No URL").build()));
    }

    @Test
    void rendersNothingWhenNoConfiguredNetworkCanShareTheArticle() {
        assertEquals("", new ShareButtons(ButtonOptions.builder().networks("pinterest, mastodon").build()).render(META));
        assertEquals("", new ShareButtons(ButtonOptions.builder().networks("share").script(false).build()).render(META));
    }

    @Test
    void rendersTheSameBarEveryTimeSoItCanBeCached() {
        ShareButtons b = new ShareButtons(all());
        assertEquals(b.render(META), b.render(META));
    }

    @Test
    void networkButtonsCarryAStableDataAttributeForTests() {
        Document doc = render(all(), META);
        for (Element e : doc.select("[data-network]")) {
            assertTrue(e.hasClass("herald-share__link"));
            assertEquals(e, doc.selectFirst("[data-network=" + e.attr("data-network") + "]"));
        }
    }
}
