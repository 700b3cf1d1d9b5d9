package dev.herald.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How inference cleans a page's {@code <title>} when the page has no headline to take the title from:
 * which names count as the site's (declared, configured, from the address or the logo), which
 * suffixes look like a site's name, and what a social post's numeric title becomes; and what makes a
 * page an article. Every page is written for its test.
 */
class InferenceTitleTest {
    private static final URI PAGE = URI.create("https://news.example/2024/03/coast-road");
    private static final String PARAGRAPH = "<p>The coast road between the harbour and the lighthouse was closed before dawn after waves "
            + "threw stones across both lanes, and the council says it will stay shut until Friday.</p>";

    private static PageMeta read(String title, String head, String body) {
        return PageMeta.read("<!doctype html><html lang=\"en\"><head>" + (title == null ? "" : "<title>" + title + "</title>") + head
                + "</head><body>" + body + "</body></html>", PAGE);
    }

    /** The inferred title of a page with no headline element, so the title comes from {@code <title>}. */
    private static String title(String title, String head) {
        return read(title, head, "<div>" + PARAGRAPH + "</div>").inferred().title();
    }

    // ---- the site's known names ----

    @Test
    void theApplicationNameIsStrippedFromTheTitle() {
        assertEquals("Storm closes the coast road", title("Storm closes the coast road - keepers", "<meta name=\"application-name\" content=\"keepers\">"));
    }

    @Test
    void theHomeScreenTitleIsStrippedFromTheTitle() {
        assertEquals("Storm closes the coast road", title("Storm closes the coast road - keepers",
                "<meta name=\"apple-mobile-web-app-title\" content=\"keepers\">"));
    }

    @Test
    void theOrganisationNamedInJsonLdIsStrippedFromTheTitleEvenWhenTheDeclaredSiteNameDiffers() {
        assertEquals("Storm closes the coast road", title("Storm closes the coast road - keepers",
                "<meta property=\"og:site_name\" content=\"Coast News\"><script type=\"application/ld+json\">{\"@type\":\"Organization\",\"name\":\"keepers\"}</script>"));
    }

    @Test
    void thePagesHostIsStrippedFromTheTitle() {
        assertEquals("Storm closes the coast road", title("Storm closes the coast road - news.example", ""));
    }

    @Test
    void theHostSpelledAsWordsIsStrippedFromTheTitleAndNamesTheSite() {
        ArticleMeta m = read("Storm closes the coast road - news example", "", "<div>" + PARAGRAPH + "</div>").inferred();
        assertEquals("Storm closes the coast road", m.title());
        assertEquals("news example", m.siteName());
    }

    @Test
    void theConfiguredSiteNameIsStrippedFromTheTitle() {
        PageMeta page = read("Storm closes the coast road - keepers", "", "<div>" + PARAGRAPH + "</div>");
        assertEquals("Storm closes the coast road", page.resolve(SiteDefaults.NONE.withSiteName("keepers")).meta().title());
    }

    @Test
    void theFirstSiteNameStrippedFromTheTitleIsTheSitesName() {
        ArticleMeta m = read("Storm closes the coast road | News Example | Coast News", "<meta property=\"og:site_name\" content=\"Coast News\">",
                "<div>" + PARAGRAPH + "</div>").inferred();
        assertEquals("Storm closes the coast road", m.title());
        assertEquals("Coast News", m.siteName());
    }

    @Test
    void aSiteNameInFrontOfATwoWordTitleIsStrippedAndNamesTheSite() {
        ArticleMeta m = read("Coast News | Storm warning", "<meta property=\"og:site_name\" content=\"Coast News\">", "<div>" + PARAGRAPH + "</div>").inferred();
        assertEquals("Storm warning", m.title());
        assertEquals("Coast News", m.siteName());
    }

    @Test
    void aTitleLosesAtMostThreeSiteNameSuffixes() {
        assertEquals("Storm closes the coast road | Coast News", title("Storm closes the coast road | Coast News | Coast News | Coast News | Coast News",
                "<meta property=\"og:site_name\" content=\"Coast News\">"));
    }

    @Test
    void aPageWithoutTitleOrHeadlineHasNoTitle() {
        assertNull(title(null, ""));
    }

    // ---- what looks like a site name ----

    @Test
    void aSuffixIsStrippedFromAThreeWordTitle() {
        assertEquals("Storm closes road", title("Storm closes road | Weather", ""));
    }

    @Test
    void aPipedSuffixIsStrippedEvenInLowerCase() {
        assertEquals("Storm closes the coast road", title("Storm closes the coast road | weather desk", ""));
    }

    @Test
    void aDomainSuffixIsStrippedEvenInLowerCase() {
        assertEquals("Storm closes the coast road", title("Storm closes the coast road - coastnews.com", ""));
    }

    @Test
    void aSuffixOfFourWordsIsStrippedButNotOneOfFive() {
        assertEquals("Storm closes the coast road", title("Storm closes the coast road | Coast And Harbour News", ""));
        assertEquals("Storm closes the coast road | Read All About It Here", title("Storm closes the coast road | Read All About It Here", ""));
    }

    @Test
    void aSuffixOfFortyCharactersIsStripped() {
        String suffix = "Northumberland Coastal Harbour Bulletins";
        assertEquals(40, suffix.length());
        assertEquals("Storm closes the coast road", title("Storm closes the coast road | " + suffix, ""));
    }

    @Test
    void whatFollowsASpacedColonIsPartOfTheTitle() {
        assertEquals("Storm closes the coast road : what happens next", title("Storm closes the coast road : what happens next", ""));
    }

    // ---- the logo's name ----

    private static String siteName(String body) {
        return read("Storm closes the coast road", "", body + "<div>" + PARAGRAPH + "</div>").inferred().siteName();
    }

    @Test
    void aLogoImagesAltTextNamesTheSite() {
        assertEquals("Keepers Weekly", siteName("<header><a href=\"/\"><img src=\"/logo.png\" alt=\"Keepers Weekly\"></a></header>"));
    }

    @Test
    void aLogoSvgsTitleNamesTheSiteWhenTheLinksTextCannot() {
        assertEquals("Keepers Weekly", siteName("<header><a href=\"/\"><svg><title>Keepers Weekly</title><path d=\"M0 0\"/></svg>"
                + "<span>Go to the front page of our whole website</span></a></header>"));
    }

    @Test
    void aTwoLetterLogoNamesTheSite() {
        assertEquals("KW", siteName("<header><a href=\"/\">KW</a></header>"));
    }

    @Test
    void aFiftyCharacterLogoNamesTheSite() {
        String name = "Northumberland Coastal Harbourside Weekly Bulletin";
        assertEquals(50, name.length());
        assertEquals(name, siteName("<header><a href=\"/\">" + name + "</a></header>"));
    }

    @Test
    void aPageWithoutLogoOrSuffixHasNoInferredSiteName() {
        assertNull(siteName(""));
    }

    // ---- social posts ----

    @Test
    void aNumericTitleWithoutAnyTextStaysTheNumber() {
        assertEquals("Post 88213907", read("Post 88213907", "", "<div></div>").inferred().title());
    }

    @Test
    void aNumericTitleBecomesTheFirstSentenceWhenItIsTwentyCharactersLong() {
        assertEquals("“The seawall cracked.”", read("1798230457716101232", "",
                "<p>The seawall cracked. Engineers say the coast road will stay shut until the council has inspected it.</p>").inferred().title());
    }

    // ---- what is an article ----

    @Test
    void aPageWithArticleJsonLdIsAnArticleEvenWithoutAHeadline() {
        ArticleMeta m = read("Storm", "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Storm\"}</script>",
                "<div>" + PARAGRAPH + "</div>").inferred();
        assertEquals("article", m.type());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://schema.org/NewsArticle", "https://schema.org/Article", "http://schema.org/BlogPosting"})
    void aHeadlineInsideANestedArticleItemIsAnArticle(String itemtype) {
        ArticleMeta m = read("Coast News", "", "<div itemprop=\"mainEntity\" itemscope itemtype=\"" + itemtype + "\"><h1>Storm closes the coast road</h1>" + PARAGRAPH + "</div>").inferred();
        assertEquals("article", m.type());
    }

    @Test
    void aHeadlineInsideAWebPageItemIsNotAnArticle() {
        ArticleMeta m = read("Coast News", "", "<div itemprop=\"mainEntity\" itemscope itemtype=\"https://schema.org/WebPage\"><h1>Storm closes the coast road</h1>" + PARAGRAPH + "</div>").inferred();
        assertEquals("website", m.type());
    }

    @Test
    void aHeadlineInsideATopLevelArticleItemIsAnArticle() {
        ArticleMeta m = read("Coast News", "", "<div itemscope itemtype=\"https://schema.org/NewsArticle\"><h1>Storm closes the coast road</h1>" + PARAGRAPH + "</div>").inferred();
        assertEquals("article", m.type());
    }

    @Test
    void anUntitledPageWhoseOnlyHeadlineIsATeasersIsAListingWithoutDescription() {
        ArticleMeta m = read(null, "", "<div class=\"teasers\"><h2 class=\"headline\">Storm closes the coast road</h2>" + PARAGRAPH + "</div>").inferred();
        assertEquals("Storm closes the coast road", m.title());
        assertNull(m.description());
    }

    @Test
    void aLanguageMetaGivesTheInferredLocale() {
        assertEquals(Locale.GERMAN, read("Coast News", "<meta name=\"language\" content=\"de\">", "<div>" + PARAGRAPH + "</div>").inferred().locale());
    }
}
