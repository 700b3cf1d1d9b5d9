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

    /** The networks of the bar's buttons, in order, read from their classes. */
    private static List<String> networks(Document doc) {
        return doc.select("nav > ul > li > *").stream().map(ShareButtonsTest::network).map(Network::id).toList();
    }

    private static Network network(Element button) {
        for (Network n : Network.values()) if (button.hasClass(n.cssClass())) return n;
        throw new AssertionError("no network class on " + button);
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
        assertEquals(ALL.size(), doc.select("nav > ul > li").size());
    }

    @Test
    void everyLinkIsAnAbsoluteHttpsOrMailtoUrl() {
        Document doc = render(ButtonOptions.builder().networks(ALL).build(),
                META.toBuilder().image(ImageMeta.of(URI.create("https://herald.example/i.jpg"))).build());
        Elements links = doc.select("a");
        assertEquals(ALL.size() - 2, links.size()); // all but the Web Share button, and Mastodon without an endpoint
        for (Element a : links) {
            String href = a.attr("href");
            assertTrue(href.startsWith("https://") || href.startsWith("mailto:?"), href);
            assertTrue(URI.create(href).isAbsolute(), href);
        }
    }

    @Test
    void linksToASitePathEndpointArePathsOnTheSiteThatServedThePage() {
        Document doc = render(all(), META);
        for (Element a : doc.select("a")) {
            Network n = network(a);
            if (n == Network.EMAIL || n == Network.COPY) continue;
            assertTrue(a.attr("href").startsWith("/share/" + n.id() + "?url="), a.attr("href"));
        }
        Document absolute = render(ButtonOptions.builder().networks("x").endpoint("https://share.herald.example/s").build(), META);
        assertTrue(absolute.selectFirst("a.hs-x").attr("href").startsWith("https://share.herald.example/s/x?url="));
    }

    @Test
    void linksSpendNoBytesOnEscapesTheirReceiversDoNotNeed() {
        ButtonOptions direct = ButtonOptions.builder().networks("x, email").build();
        String x = render(direct, META).selectFirst("a.hs-x").attr("href");
        assertTrue(x.contains("url=https://herald.example/world/iran-retaliation"), x);
        assertTrue(x.contains("text=Iran%20says%20"), x); // another site: a space stays %20
        assertEquals(META.title(), ShareLinksTest.param(x, "text"));
        assertEquals(PAGE, ShareLinksTest.param(x, "url"));
        String mail = render(direct, META).selectFirst("a.hs-em").attr("href");
        assertTrue(mail.endsWith("body=https%3A%2F%2Fherald.example%2Fworld%2Firan-retaliation"), mail); // RFC 6068 as it was
        String own = render(all(), META).selectFirst("a.hs-x").attr("href");
        assertTrue(own.contains("text=Iran+says+retaliation"), own); // the site's own endpoint reads + as a space
        assertEquals(META.title(), ShareLinksTest.param(own, "text"));
    }

    @Test
    void linksThatOpenANewTabSendNoReferrerAndSoNoOpener() {
        for (Element a : render(all(), META).select("a[target=_blank]")) {
            // HTML: noreferrer implies noopener.
            assertEquals("noreferrer", a.attr("rel"), a.className());
        }
        assertEquals(10, render(all(), META).select("a[target=_blank]").size());
    }

    @Test
    void linksToOtherSitesOpenInANewTabButMailAndCopyDoNot() {
        Document doc = render(all(), META);
        for (Element a : doc.select("a")) {
            Network n = network(a);
            boolean expected = n != Network.EMAIL && n != Network.COPY;
            assertEquals(expected ? "_blank" : "", a.attr("target"), n.id());
        }
        assertEquals("Share links open in a new tab.", doc.selectFirst(".hs-sr").text());
    }

    @Test
    void everyButtonIsNamedByItsVisibleTextInTheLandmarkNamedShare() {
        Document doc = render(all(), META);
        assertEquals("Share", doc.selectFirst("nav").attr("aria-label"));
        for (Element a : doc.select("a")) {
            assertFalse(a.text().isEmpty());
            assertFalse(a.hasAttr("aria-label"), a.outerHtml()); // its text is its name: no second copy in every page
        }
        assertEquals("Facebook", doc.selectFirst(".hs-fb").text());
        assertEquals("Email", doc.selectFirst(".hs-em").text());
        // "Share" alone, in a bar named "Share", would say too little.
        Element share = doc.selectFirst("button.hs-sh");
        assertEquals("Share", share.text());
        assertEquals("Share with another app", share.attr("aria-label"));
    }

    @Test
    void inlineIconsAreSvgHiddenFromAssistiveTechnology() {
        Elements svgs = render(all(), META).select("svg");
        assertEquals(ALL.size() - 1, svgs.size()); // Pinterest is skipped: no image
        for (Element svg : svgs) {
            assertEquals("true", svg.attr("aria-hidden"));
            assertFalse(svg.hasAttr("tabindex"));
            assertTrue(svg.parent().tagName().equals("a") || svg.parent().tagName().equals("button"));
            assertFalse(svg.children().isEmpty());
        }
    }

    @Test
    void aLinkedBarCarriesNoIconStyleOrScriptOnlyTwoLinksToHeraldsFiles() {
        ButtonOptions linked = ButtonOptions.builder().networks(ALL).endpoint("/share").assets("/herald/assets").build();
        Document doc = render(linked, META);
        assertTrue(doc.select("svg, style, script:not([src])").isEmpty(), doc.html());
        Element link = doc.selectFirst("nav > link[rel=stylesheet][data-herald-style]");
        Element script = doc.selectFirst("nav > script[src][defer][data-herald-script]");
        assertEquals("/herald/assets/" + ShareButtons.assets().get(0).fileName(), link.attr("href"));
        assertEquals("/herald/assets/" + ShareButtons.assets().get(1).fileName(), script.attr("src"));
        assertTrue(ShareButtons.assets().get(0).fileName().matches("share-[0-9a-f]{10}\\.css"));
        assertEquals(List.of(link.outerHtml(), script.outerHtml()),
                new ShareButtons(linked).headElements().stream().map(h -> Jsoup.parseBodyFragment(h).body().child(0).outerHtml()).toList());
        assertFalse(doc.selectFirst("nav").hasClass("hs-in"));
        assertTrue(render(all(), META).selectFirst("nav").hasClass("hs-in"));
    }

    @Test
    void aLinkedBarWithoutStyleOrScriptLinksNothing() {
        Document doc = render(ButtonOptions.builder().assets("/herald/assets").style(false).script(false).build(), META);
        assertTrue(doc.select("link, script, style, svg").isEmpty());
    }

    @Test
    void aBarLabelledInARightToLeftLanguageRunsRightToLeft() {
        assertEquals("rtl", render(ButtonOptions.builder().locale(new Locale("ar")).build(), META).selectFirst("nav").attr("dir"));
        assertFalse(render(ButtonOptions.DEFAULTS, META).selectFirst("nav").hasAttr("dir"));
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
        assertEquals(hostile, doc.selectFirst(".hs-sh").attr("data-title"));
        assertEquals(hostile, doc.selectFirst(".hs-h").text());
        assertEquals(hostile, ShareLinksTest.param(doc.selectFirst(".hs-rd").attr("href"), "title"));
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
                ShareLinksTest.param(doc.selectFirst(".hs-fb").attr("href"), "u"));
        assertEquals(PAGE + "?id=7&utm_source=x&utm_medium=social&utm_campaign=share",
                ShareLinksTest.param(doc.selectFirst(".hs-x").attr("href"), "url"));
        assertTrue(doc.selectFirst(".hs-em").attr("href").endsWith(
                "body=https%3A%2F%2Fherald.example%2Fworld%2Firan-retaliation%3Fid%3D7%26utm_source%3Demail%26utm_medium%3Dsocial%26utm_campaign%3Dshare"));
        assertEquals(PAGE + "?id=7&utm_source=copy&utm_medium=social&utm_campaign=share",
                doc.selectFirst(".hs-cp").attr("href"));
    }

    @Test
    void withoutUtmTheSharedUrlIsThePageUrlUnchanged() {
        Document doc = render(ButtonOptions.builder().networks("facebook, copy").build(), META);
        assertEquals(PAGE, ShareLinksTest.param(doc.selectFirst(".hs-fb").attr("href"), "u"));
        assertEquals(PAGE, doc.selectFirst(".hs-cp").attr("href"));
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
                ShareLinksTest.param(doc.selectFirst(".hs-pi").attr("href"), "media"));
    }

    @Test
    void mastodonAppearsOnlyWithAnEndpoint() {
        assertFalse(networks(render(ButtonOptions.builder().networks(ALL).build(), META)).contains("mastodon"));
        Element m = render(all(), META).selectFirst(".hs-ma");
        assertTrue(m.attr("href").startsWith("/share/mastodon?url=https://herald.example/world/iran-retaliation&text="),
                m.attr("href"));
    }

    @Test
    void withAnEndpointEveryNetworkLinkGoesThroughIt() {
        Document doc = render(all(), META);
        for (Element a : doc.select("a")) {
            Network n = network(a);
            if (n == Network.EMAIL) assertTrue(a.attr("href").startsWith("mailto:"));
            else if (n == Network.COPY) assertEquals(PAGE, a.attr("href"));
            else assertTrue(a.attr("href").startsWith("/share/" + n.id() + "?url="), a.attr("href"));
        }
    }

    @Test
    void labelsFollowTheConfiguredLocale() {
        Document doc = render(ButtonOptions.builder().networks(ALL).locale(Locale.GERMAN).build(), META);
        assertEquals("Link kopieren", doc.selectFirst(".hs-cp").text());
        assertEquals("Mit einer anderen App teilen", doc.selectFirst(".hs-sh").attr("aria-label"));
        assertEquals("Teilen", doc.selectFirst("nav").attr("aria-label"));
        assertEquals("de", doc.selectFirst("nav").attr("lang"));
    }

    @Test
    void labelsFollowTheArticleWhenNoLocaleIsConfigured() {
        Document fr = render(ButtonOptions.DEFAULTS, META.toBuilder().locale(Locale.CANADA_FRENCH).build());
        assertEquals("Copier le lien", fr.selectFirst(".hs-cp").text());
        Document es = render(ButtonOptions.DEFAULTS, META.toBuilder().locale(new Locale("es", "MX")).build());
        assertEquals("Copiar enlace", es.selectFirst(".hs-cp").text());
        Document ko = render(ButtonOptions.DEFAULTS, META.toBuilder().locale(Locale.KOREA).build());
        assertEquals("Copy link", ko.selectFirst(".hs-cp").text());
        assertEquals("en", ko.selectFirst("nav").attr("lang"));
    }

    @Test
    void aConfiguredLocaleWinsOverTheArticles() {
        Document doc = render(ButtonOptions.builder().locale(new Locale("es")).build(), META.toBuilder().locale(Locale.GERMAN).build());
        assertEquals("Compartir", doc.selectFirst("nav").attr("aria-label"));
    }

    @Test
    void theWebShareButtonIsAHiddenButtonRevealedByTheScript() {
        Element b = render(ButtonOptions.DEFAULTS, META).selectFirst(".hs-sh");
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
        assertEquals(PAGE, doc.selectFirst("a.hs-cp").attr("href"));
    }

    @Test
    void copyLinkWithTheScriptGetsALiveStatusAndLocalisedMessages() {
        Document doc = render(ButtonOptions.builder().networks("copy").locale(Locale.FRENCH).build(), META);
        assertEquals("Lien copié", doc.selectFirst("nav").attr("data-copied"));
        assertEquals(1, doc.select("nav > .hs-st[role=status]").size());
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
        String inline = Jsoup.parse(ShareButtons.styleElement()).selectFirst("style[data-herald-style]").data();
        assertTrue(ShareButtons.css().startsWith(inline), "the served stylesheet is the inline one plus the icons");
        assertFalse(inline.contains("url("));
    }

    @Test
    void iconsTakeTheirStrokeFromTheStylesheetAndCarryItOnlyWhenRenderedWithoutIt() {
        for (Element svg : render(ButtonOptions.DEFAULTS, META).select("svg")) assertFalse(svg.hasAttr("stroke"), svg.outerHtml());
        assertTrue(ShareButtons.css().contains(".herald-share svg{") && ShareButtons.css().contains("stroke:currentColor"));
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
        assertEquals("Share this article", doc.selectFirst("nav > p.hs-h").text());
        assertEquals("Share this article", doc.selectFirst("nav").attr("aria-label"));
        assertTrue(doc.select("h1, h2, h3, h4, h5, h6").isEmpty());
    }

    @Test
    void showsShareCountsWhenTheHookSuppliesThem() {
        ShareCounts counts = url -> url.toString().equals(PAGE) ? Map.of(Network.FACEBOOK, 1234L, Network.COPY, 9L) : Map.of();
        Document doc = render(ButtonOptions.builder().networks("facebook, x, copy").counts(counts).build(), META);
        Element fb = doc.selectFirst(".hs-fb");
        assertEquals("1.2K", fb.selectFirst("b").text());
        assertEquals("Facebook, 1,234 shares", fb.attr("aria-label"));
        assertNull(doc.selectFirst(".hs-x b"));
        assertNull(doc.selectFirst(".hs-cp b"));
    }

    @Test
    void aFailingCountsHookCostsOnlyTheCounts() {
        ShareCounts broken = url -> { throw new IllegalStateException("store down"); };
        Document doc = render(ButtonOptions.builder().networks("facebook, x").counts(broken).build(), META);
        assertEquals(List.of("facebook", "x"), networks(doc));
        assertTrue(doc.select("b").isEmpty());
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
    void everyButtonCarriesItsNetworksOwnShortClass() {
        Document doc = render(all(), META);
        for (Element e : doc.select("nav > ul > li > *")) {
            Network n = network(e);
            assertEquals(e, doc.selectFirst("." + n.cssClass()));
            assertTrue(n.cssClass().matches("hs-[a-z]{1,2}"), n.cssClass());
        }
    }
}
