package dev.herald.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageMetaTest {
    static final URI PAGE = URI.create("https://news.example/2024/05/story?utm_source=feed");

    static PageMeta html(String html) {
        return PageMeta.read(html, PAGE);
    }

    static ArticleMeta resolved(String html) {
        return html(html).resolve(SiteDefaults.NONE).meta();
    }

    // ---- title ----

    @Test
    void takesTheTitleFromTheArticleHeadline() {
        PageMeta p = Fixtures.read("wordpress-news.html", "https://courier.example/2024/05/14/flood-barrier/");
        assertEquals("Council approves riverside flood barrier after three-year fight", p.inferred().title());
    }

    @Test
    void stripsTheSiteNameSuffixFromTheTitleElement() {
        PageMeta p = Fixtures.read("title-and-paragraphs.html", "https://harbour.example/ferry");
        assertEquals("Why the old ferry still matters to the island", p.inferred().title());
    }

    @Test
    void takesTheStrippedSuffixAsTheSiteName() {
        PageMeta p = Fixtures.read("title-and-paragraphs.html", "https://harbour.example/ferry");
        assertEquals("Harbour Notes", p.inferred().siteName());
    }

    @Test
    void stripsAConfiguredSiteNameEvenWithAHyphen() {
        String page = "<title>Tide tables change - again - Coast Post</title><p>x</p>";
        ResolvedMeta r = html(page).resolve(ArticleMeta.EMPTY, ArticleMeta.EMPTY, new SiteDefaults("Coast Post", null, null, null, null));
        assertEquals("Tide tables change - again", r.meta().title());
    }

    @Test
    void keepsAHyphenatedHeadlineWhoseTailIsNotASiteName() {
        assertEquals("Minister resigns - and the party splits in two", resolved("<title>Minister resigns - and the party splits in two</title>").title());
    }

    @Test
    void prefersTheHeadlineOverALogoHeading() {
        String page = "<title>Dam report published | Valley Times</title><header><h1 class=\"site-logo\">Valley Times</h1></header>"
                + "<div class=\"post\"><h2 class=\"entry-title\">Dam report published</h2><p>text</p></div>";
        assertEquals("Dam report published", resolved(page).title());
    }

    @Test
    void aFrontPageIsNamedByItsTitleNotByItsLeadStory() {
        String page = "<title>The Ledger: World news, explained</title><header><a href=\"/\">The Ledger</a></header>"
                + "<div class=\"lead-story\"><h2 class=\"lead-story__headline\"><a href=\"/a/storm\">Storm closes the coast road</a></h2>"
                + "<p class=\"lead-story__summary\">Crews expect to reopen it on Friday after the seawall is checked.</p></div>"
                + "<div class=\"card\"><h2><a href=\"/a/vote\">Council vote delayed</a></h2><p>Members asked for a week more.</p></div>";
        ArticleMeta m = resolved(page);
        assertEquals("The Ledger: World news, explained", m.title());
        assertEquals(null, m.description(), "a teaser's summary does not describe the front page");
        assertEquals("website", m.type());
    }

    @Test
    void leavesParagraphsOutOfAnUnclosedHeadline() {
        PageMeta p = Fixtures.read("implicit-head.html", "https://tram.example/a");
        assertEquals("Tram line extension opens two months early", p.inferred().title());
    }

    @Test
    void unescapesEntitiesAndNormalisesWhitespace() {
        String page = "<title>x</title><article><h1>  Caf&eacute;\n   owners &amp;&nbsp;the &amp;#8220;rent&amp;#8221; rise </h1></article>";
        assertEquals("Café owners & the “rent” rise", resolved(page).title());
    }

    // ---- description ----

    @Test
    void takesTheFirstSubstantialParagraphSkippingBoilerplate() {
        PageMeta p = Fixtures.read("wordpress-news.html", "https://courier.example/2024/05/14/flood-barrier/");
        assertTrue(p.inferred().description().startsWith("Councillors voted by a wide margin on Monday evening"), p.inferred().description());
    }

    @Test
    void skipsAdvertisementsDatelinesAndCookieNotices() {
        PageMeta p = Fixtures.read("title-and-paragraphs.html", "https://harbour.example/ferry");
        assertTrue(p.inferred().description().startsWith("The ferry that links the island"), p.inferred().description());
    }

    @Test
    void prefersTheStandfirstUnderTheHeadline() {
        String page = "<article><h1>Bridge reopens to traffic</h1><p class=\"article-standfirst\">Engineers finished repairs a week early, "
                + "and the toll will stay suspended until the autumn.</p><p>Some long paragraph of body text that comes after the standfirst and says more about it.</p></article>";
        assertEquals("Engineers finished repairs a week early, and the toll will stay suspended until the autumn.", resolved(page).description());
    }

    @Test
    void cutsALongParagraphAtAWordBoundaryWithAnEllipsis() {
        String sentence = "word ".repeat(120).strip();
        ArticleMeta m = resolved("<article><h1>Long read about words</h1><p>" + sentence + "</p></article>");
        assertTrue(m.description().endsWith("…"), m.description());
        assertTrue(m.description().length() <= Inference.DESCRIPTION_MAX, m.description());
        assertTrue(m.description().endsWith("word…"), m.description());
    }

    @Test
    void prefersTheMetaDescriptionOverAParagraph() {
        ArticleMeta m = resolved("<meta name=description content=\"Short summary.\"><article><h1>A headline here</h1><p>" + "Body text ".repeat(20) + "</p></article>");
        assertEquals("Short summary.", m.description());
    }

    // ---- image ----

    @Test
    void takesTheWidestSrcsetCandidateOfTheLeadImage() {
        PageMeta p = Fixtures.read("wordpress-news.html", "https://courier.example/2024/05/14/flood-barrier/");
        assertEquals(URI.create("https://courier.example/wp-content/uploads/2024/05/wend-embankment.jpg"), p.inferred().image().url());
        assertEquals("Sandbags stacked along the River Wend embankment", p.inferred().image().alt());
    }

    @Test
    void skipsTrackingPixelsLogosAndAvatarsAndReadsLazyAttributes() {
        PageMeta p = Fixtures.read("lazy-images.html", "https://metroweekly.example/features/typewriters");
        assertEquals(URI.create("https://cdn.metroweekly.example/assets/photos/typewriter-shop-1600.jpg"), p.inferred().image().url());
    }

    @Test
    void readsLazyDataSrcWhenSrcIsAPlaceholder() {
        ArticleMeta m = resolved("<article><h1>Some headline here</h1><figure><img src=\"/img/blank.gif\" data-src=\"/photos/lead.jpg\" alt=\"Lead\"></figure></article>");
        assertEquals(URI.create("https://news.example/photos/lead.jpg"), m.image().url());
    }

    @Test
    void ignoresDataUriImages() {
        ArticleMeta m = resolved("<article><h1>Some headline here</h1><figure><img src=\"data:image/png;base64,iVBORw0KGgo=\" width=800></figure></article>");
        assertNull(m.image());
    }

    @Test
    void ignoresImagesWithTinyDeclaredSizes() {
        ArticleMeta m = resolved("<article><h1>Some headline here</h1><img src=\"/i/chart.png\" width=\"60\" height=\"40\"></article>");
        assertNull(m.image());
    }

    @Test
    void readsAmpImages() {
        PageMeta p = PageMeta.read("<article><h1>Some headline here</h1><amp-img src=\"/p/lead.jpg\" width=1600 height=900></amp-img></article>", PAGE);
        assertEquals(URI.create("https://news.example/p/lead.jpg"), p.inferred().image().url());
        assertEquals(1600, p.inferred().image().width());
    }

    @Test
    void makesProtocolRelativeImageUrlsAbsolute() {
        ArticleMeta m = resolved("<article><h1>Some headline here</h1><figure><img src=\"//cdn.news.example/a b.jpg\"></figure></article>");
        assertEquals(URI.create("https://cdn.news.example/a%20b.jpg"), m.image().url());
    }

    @Test
    void dropsAJavascriptOgImage() {
        PageMeta p = Fixtures.read("hostile.html", "https://news.example/x");
        assertNull(p.declared().image());
        assertNull(p.resolve(SiteDefaults.NONE).meta().image());
    }

    // ---- author, dates, section, tags, language ----

    @Test
    void readsTheBylineLinkAsAuthorWithProfileUrl() {
        PageMeta p = Fixtures.read("wordpress-news.html", "https://courier.example/2024/05/14/flood-barrier/");
        assertEquals(List.of(new Author("Maria Ortega", URI.create("https://courier.example/author/maria-ortega/"))), p.inferred().authors());
    }

    @Test
    void readsAPlainTextBylineWithoutItsPrefix() {
        ArticleMeta m = resolved("<article><h1>Some headline here</h1><div class=\"article-byline\">By Ana Lima and Joe Park | 4 March 2024</div></article>");
        assertEquals(List.of(Author.named("Ana Lima"), Author.named("Joe Park")), m.authors());
    }

    @Test
    void readsMetaAuthor() {
        PageMeta p = Fixtures.read("lazy-images.html", "https://metroweekly.example/features/typewriters");
        assertEquals(List.of(Author.named("Sam Okafor")), p.declared().authors());
    }

    @Test
    void readsPublishedAndModifiedTimesFromTimeElements() {
        PageMeta p = Fixtures.read("wordpress-news.html", "https://courier.example/2024/05/14/flood-barrier/");
        assertEquals(OffsetDateTime.parse("2024-05-14T08:12:45+01:00"), p.inferred().publishedTime());
        assertEquals(OffsetDateTime.parse("2024-05-14T10:01:00+01:00"), p.inferred().modifiedTime());
    }

    @Test
    void readsDateMetaVariants() {
        ArticleMeta m = resolved("<meta name=\"DC.date.issued\" content=\"2022-09-01T12:00:00+0200\"><title>t</title>");
        assertEquals(OffsetDateTime.parse("2022-09-01T12:00:00+02:00"), m.publishedTime());
    }

    @Test
    void readsSectionFromTheCategoryLinkAndTagsFromTagLinks() {
        ArticleMeta m = Fixtures.read("wordpress-news.html", "https://courier.example/2024/05/14/flood-barrier/").inferred();
        assertEquals("Politics", m.section());
        assertEquals(List.of("flooding", "River Wend", "town council"), m.tags());
    }

    @Test
    void readsKeywordsAsTags() {
        PageMeta p = Fixtures.read("lazy-images.html", "https://metroweekly.example/features/typewriters");
        assertEquals(List.of("typewriters", "small business", "craft"), p.inferred().tags());
    }

    @Test
    void readsTheLanguageFromHtmlLang() {
        PageMeta p = Fixtures.read("amp-article.html", "https://www.stadtanzeiger.example/amp/12345");
        assertEquals(Locale.forLanguageTag("de-DE"), p.declared().locale());
    }

    // ---- JSON-LD ----

    @Test
    void readsJsonLdGraphsFollowingIdReferences() {
        PageMeta p = Fixtures.read("newspaper-graph.html", "https://www.chronicle.example/uk/storm-power?ref=home");
        assertEquals(List.of(new Author("Tom Hale", URI.create("https://www.chronicle.example/profile/tom-hale")),
                new Author("Priya Nair", URI.create("https://www.chronicle.example/profile/priya-nair"))), p.declared().authors());
        assertEquals(List.of("storms", "power cuts", "weather"), p.declared().tags());
        assertEquals(OffsetDateTime.parse("2024-02-12T07:15:00Z"), p.declared().modifiedTime());
        assertEquals("The Northern Chronicle", p.declared().siteName());
    }

    @Test
    void takesTheUrlFromJsonLdMainEntityWhenThereIsNoCanonical() {
        PageMeta p = Fixtures.read("newspaper-graph.html", "https://www.chronicle.example/uk/storm-power?ref=home");
        assertEquals(URI.create("https://www.chronicle.example/uk/storm-power"), p.resolve(SiteDefaults.NONE).meta().url());
    }

    @Test
    void toleratesTrailingCommasInJsonLd() {
        PageMeta p = Fixtures.read("amp-article.html", "https://www.stadtanzeiger.example/amp/12345");
        assertEquals(List.of(Author.named("Jonas Becker")), p.declared().authors());
        assertEquals(new ImageMeta(URI.create("https://img.stadtanzeiger.example/2024/06/bruecke-1600.jpg"), 1600, 900, null, null), p.declared().image());
    }

    @Test
    void ignoresJsonLdThatDoesNotParse() {
        PageMeta p = html("<script type=application/ld+json>{\"@type\":\"NewsArticle\",\"headline\": </script><title>Fine</title>");
        assertFalse(p.existingTags().contains(HeadTags.JSON_LD));
        assertEquals("Fine", p.resolve(SiteDefaults.NONE).meta().title());
    }

    @Test
    void readsArticleTypesGivenAsArraysAndFullUrls() {
        PageMeta p = html("<script type=application/ld+json>[{\"@type\":[\"http://schema.org/BlogPosting\"],\"headline\":\"Post\"}]</script>");
        assertEquals("Post", p.declared().title());
        assertTrue(p.declared().isArticle());
    }

    // ---- existing tags, type, precedence ----

    @Test
    void recordsWhichTagsThePageAlreadyHas() {
        PageMeta p = Fixtures.read("newspaper-graph.html", "https://www.chronicle.example/uk/storm-power");
        assertTrue(p.existingTags().containsAll(List.of("og:title", "og:image", "twitter:card", "twitter:site", "article:section", HeadTags.JSON_LD)));
        assertFalse(p.existingTags().contains(HeadTags.CANONICAL));
    }

    @Test
    void typesAPageWithoutArticleMarkupAsWebsite() {
        assertEquals("website", Fixtures.read("title-and-paragraphs.html", "https://harbour.example/ferry").inferred().type());
    }

    @Test
    void typesAnArticleElementWithHeadlineAsArticle() {
        assertEquals("article", Fixtures.read("seed-article.html", "https://ledger.example/a").inferred().type());
    }

    @Test
    void resolvesFieldsByPrecedence() {
        PageMeta p = html("<meta property=og:title content=\"Page title\"><meta property=og:description content=\"Page description\">"
                + "<article><h1>Inferred headline</h1><p>" + "Inferred body text ".repeat(10) + "</p></article>");
        ArticleMeta app = ArticleMeta.builder().title("Application title").build();
        ArticleMeta taglib = ArticleMeta.builder().title("Taglib title").description("Taglib description").build();
        SiteDefaults site = new SiteDefaults("Site", null, "@site", Locale.UK, null);
        ResolvedMeta r = p.resolve(app, taglib, site);
        assertEquals("Application title", r.meta().title());
        assertEquals("Taglib description", r.meta().description());
        assertEquals("@site", r.meta().twitterSite());
        assertEquals(Map.of(MetaField.TITLE, MetaSource.APPLICATION, MetaField.DESCRIPTION, MetaSource.TAGLIB),
                Map.of(MetaField.TITLE, r.sourceOf(MetaField.TITLE), MetaField.DESCRIPTION, r.sourceOf(MetaField.DESCRIPTION)));
        assertEquals(MetaSource.SITE_DEFAULT, r.sourceOf(MetaField.TWITTER_SITE));
        assertEquals(MetaSource.PAGE, html("<meta property=og:title content=T><article><h1>Headline</h1></article>").resolve(SiteDefaults.NONE).sourceOf(MetaField.TITLE));
    }

    @Test
    void fallsBackToOgUrlThenThePageUrl() {
        assertEquals(URI.create("https://news.example/canonical"), resolved("<meta property=og:url content=\"/canonical\"><title>t</title>").url());
        assertEquals(PAGE, resolved("<title>t</title>").url());
    }

    @Test
    void resolvesRelativeUrlsAgainstBaseHref() {
        ArticleMeta m = resolved("<base href=\"https://static.example/media/\"><meta property=og:image content=\"pic.jpg\">");
        assertEquals(URI.create("https://static.example/media/pic.jpg"), m.image().url());
    }

    @Test
    void readsXHandlesFromProfileUrls() {
        assertEquals("@chron", resolved("<meta name=twitter:site content=\"https://x.com/chron\">").twitterSite());
    }

    // ---- printed dates, profile links, standfirsts, logos ----

    @Test
    void readsPrintedDatesInSeveralLanguages() {
        assertEquals(OffsetDateTime.parse("2024-03-09T00:00Z"), Dates.parseText("Sat 9 Mar 2024 07.00 GMT", null));
        assertEquals(OffsetDateTime.parse("2024-02-18T00:00Z"), Dates.parseText("Feb. 18, 2024", null));
        assertEquals(OffsetDateTime.parse("2024-01-23T00:00Z"), Dates.parseText("23.01.2024, 14.31 Uhr", Locale.GERMAN));
        assertEquals(OffsetDateTime.parse("2024-05-06T00:00Z"), Dates.parseText("Publié le 6 mai 2024 à 06h30", Locale.FRENCH));
        assertEquals(OffsetDateTime.parse("2024-07-16T00:00Z"), Dates.parseText("16 de julio de 2024", null));
        assertNull(Dates.parseText("6 min read", null));
    }

    @Test
    void readsSlashedDatesMonthFirstOnlyForAmericanEnglish() {
        assertEquals(OffsetDateTime.parse("2024-03-12T00:00Z"), Dates.parseText("03/12/2024", Locale.US));
        assertEquals(OffsetDateTime.parse("2024-12-03T00:00Z"), Dates.parseText("03/12/2024", Locale.UK));
    }

    @Test
    void takesAPrintedDateNextToTheHeadline() {
        ArticleMeta m = resolved("<html lang=fr><article><h1>Une ville teste la cantine sans plastique</h1>"
                + "<span class=\"meta__date\">Publié le 6 mai 2024 à 06h30</span><p>" + "Texte de l'article. ".repeat(8) + "</p></article>");
        assertEquals(OffsetDateTime.parse("2024-05-06T00:00Z"), m.publishedTime());
    }

    @Test
    void takesTheAuthorFromALinkToAnAuthorPage() {
        ArticleMeta m = resolved("<article><h1>Some headline here</h1><div class=x><a href=\"/autor/lena-hartmann\">Lena Hartmann</a></div></article>");
        assertEquals(List.of(new Author("Lena Hartmann", URI.create("https://news.example/autor/lena-hartmann"))), m.authors());
    }

    @Test
    void takesTheParagraphRightAfterTheHeadlineAsStandfirst() {
        ArticleMeta m = resolved("<main><h1>Bridge reopens to traffic</h1><p>Engineers finished repairs a week early and the toll stays suspended.</p>"
                + "<article><p>" + "Body text that is long enough to be a paragraph of its own. ".repeat(3) + "</p></article></main>");
        assertEquals("Engineers finished repairs a week early and the toll stays suspended.", m.description());
    }

    @Test
    void readsStandfirstsNamedByDataAttributes() {
        ArticleMeta m = resolved("<article><div data-gu-name=headline><h1>Beavers return to the valley</h1></div><div class=x>ad</div>"
                + "<div data-gu-name=standfirst><p>Dams built by one family are already slowing floodwater downstream, volunteers say.</p></div></article>");
        assertEquals("Dams built by one family are already slowing floodwater downstream, volunteers say.", m.description());
    }

    @Test
    void takesTheSiteNameFromTheLogoLink() {
        ArticleMeta m = resolved("<title>A headline without a suffix</title><header><a href=\"/\"><img src=/l.svg alt=\"Field Notes\"></a></header>"
                + "<article><h1>A headline without a suffix</h1></article>");
        assertEquals("Field Notes", m.siteName());
    }

    @Test
    void ignoresGenericLogoLabels() {
        ArticleMeta m = resolved("<title>A headline</title><header><a href=\"/\"><img src=/l.svg alt=\"Home\"></a></header><article><h1>A headline</h1></article>");
        assertNull(m.siteName());
    }

    @Test
    void takesAnH2CarryingThePageTitleAsHeadline() {
        ArticleMeta m = resolved("<title>Line reopens after storm - THE WEEKLY</title><article><h2><span>Storm damage</span> <span>Line reopens after storm</span></h2>"
                + "<div>Three days of closures ended on Monday as crews finished repairing the overhead wires.</div></article>");
        assertEquals("Line reopens after storm", m.title());
        assertEquals("Three days of closures ended on Monday as crews finished repairing the overhead wires.", m.description());
    }
}
