package dev.herald.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the page scan notices, seen through what a page yields: where an element sits (site header,
 * sidebar, article body), what an element calls itself, which links lead home or to an author, and
 * how far past the headline the scan reads. Every page is written for its test.
 */
class PageScanRegionTest {
    private static final URI PAGE = URI.create("https://news.example/2024/03/coast-road");
    private static final String H1 = "<h1>Storm closes the coast road</h1>";
    private static final String STORY = "The coast road between the harbour and the lighthouse was closed before dawn after waves "
            + "threw stones across both lanes, and the council says it will stay shut until Friday.";
    private static final String PARAGRAPH = "<p>" + STORY + "</p>";
    private static final String OTHER = "Our coast reporters have followed the storm along the northern shore since it arrived on Monday night.";
    private static final String FIGURE = "<figure><img src=\"/photos/road.jpg\"></figure>";
    private static final String BYLINE_AND_DATE = "<div class=\"byline\">By Ana Lima</div><div class=\"date\">12 March 2024</div>";
    private static final String DEK = "Waves threw stones across both lanes overnight, and engineers will inspect the sea wall today.";

    private static ArticleMeta inferred(String title, String body) {
        return PageMeta.read("<!doctype html><html lang=\"en\"><head><title>" + title + "</title></head><body>" + body + "</body></html>", PAGE).inferred();
    }

    private static ArticleMeta inferred(String body) {
        return inferred("Storm closes the coast road | Coast News", body);
    }

    private static String leadImage(String body) {
        ImageMeta image = inferred(body).image();
        return image == null ? null : image.url().getPath();
    }

    // ---- where an element sits ----

    @Test
    void aWideImageInABannerLosesToAPlainOneAfterTheHeadline() {
        assertEquals("/photos/after.jpg", leadImage("<div role=\"banner\"><img src=\"/photos/banner.jpg\" width=\"600\" height=\"200\"></div>"
                + H1 + "<div><img src=\"/photos/after.jpg\"></div>" + PARAGRAPH));
    }

    @Test
    void aWideImageInAClassedSiteHeaderLosesToAPlainOneAfterTheHeadline() {
        assertEquals("/photos/after.jpg", leadImage("<div class=\"Site-Header\"><img src=\"/photos/banner.jpg\" width=\"600\" height=\"200\"></div>"
                + H1 + "<div><img src=\"/photos/after.jpg\"></div>" + PARAGRAPH));
    }

    @Test
    void aPageHeaderInsideTheArticleIsTheStorysHeaderNotTheSites() {
        assertEquals("/photos/lead.jpg", leadImage("<article><div class=\"page-header\">" + H1 + "<img src=\"/photos/lead.jpg\"></div>"
                + PARAGRAPH + "<div><img src=\"/photos/later.jpg\"></div></article>"));
    }

    @Test
    void anArticleInsideABannerWrapperIsNoPartOfTheSitesHeader() {
        assertEquals("/photos/lead.jpg", leadImage("<div><img src=\"/photos/wide.jpg\" width=\"400\" height=\"300\"></div>"
                + "<div role=\"banner\"><article>" + H1 + "<img src=\"/photos/lead.jpg\">" + PARAGRAPH + "</article></div>"));
    }

    @Test
    void aWideImageNestedInsideTheSitesHeaderLosesToAPlainOneAfterTheHeadline() {
        assertEquals("/photos/after.jpg", leadImage("<header><div><img src=\"/photos/header.jpg\" width=\"600\" height=\"200\"></div></header>"
                + H1 + "<div><img src=\"/photos/after.jpg\"></div>" + PARAGRAPH));
    }

    @Test
    void aSidebarIsRecognisedWhateverTheCaseOfItsClass() {
        assertEquals(STORY, inferred(H1 + FIGURE + "<div class=\"Related-Stories\"><p>" + OTHER + "</p></div>" + PARAGRAPH).description());
    }

    @Test
    void anArticleBodyMarkedByMicrodataHoldsTheDescription() {
        assertEquals(STORY, inferred("<article>" + H1 + FIGURE + "<p>" + OTHER + "</p><div class=\"content\" itemprop=\"articleBody\">"
                + PARAGRAPH + "</div></article>").description());
    }

    @Test
    void anArticleBodyNamedByItsIdHoldsTheDescription() {
        assertEquals(STORY, inferred("<article>" + H1 + FIGURE + "<p>" + OTHER + "</p><div id=\"story-body\">" + PARAGRAPH + "</div></article>").description());
    }

    // ---- what an element calls itself ----

    @ParameterizedTest
    @ValueSource(strings = {"data-component=\"standfirst\"", "id=\"standfirst\"", "class=\"standfirst\" id=\"s1\"", "id=\"s1\" data-gu-name=\"standfirst\""})
    void aStandfirstIsFoundByItsClassIdOrComponentName(String naming) {
        assertEquals(DEK, inferred("<article>" + H1 + BYLINE_AND_DATE + "<div " + naming + ">" + DEK + "</div>" + PARAGRAPH + "</article>").description());
    }

    // ---- links home ----

    private static String logoName(String href) {
        return inferred("Storm closes the coast road", "<header><a href=\"" + href + "\">Keepers Weekly</a></header><div>" + PARAGRAPH + "</div>").siteName();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "./", "https://news.example", "https://news.example/", "http://news.example/"})
    void aLinkToTheSitesRootNamesTheSite(String href) {
        assertEquals("Keepers Weekly", logoName(href));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "about", "https://news.example/about", "https://news.example/about/", "gopher1://news.example/"})
    void aLinkElsewhereDoesNotNameTheSite(String href) {
        assertNull(logoName(href));
    }

    @Test
    void aRootLinkOfEightyCharactersNamesTheSiteButOneOfEightyOneDoesNot() {
        String eighty = "https://" + "n".repeat(71) + "/";
        assertEquals(80, eighty.length());
        assertEquals("Keepers Weekly", logoName(eighty));
        assertNull(logoName("https://" + "n".repeat(72) + "/"));
    }

    @Test
    void onlyTheFirstFiveLinksHomeAreReadForTheSitesName() {
        ArticleMeta m = inferred("Storm closes the coast road", "<header>" + "<a href=\"/\">Home</a>".repeat(5)
                + "<a href=\"/\">Keepers Weekly</a></header><div>" + PARAGRAPH + "</div>");
        assertNull(m.siteName());
    }

    // ---- links to authors and tags ----

    @Test
    void linksThatLeadNowhereOrNotToAProfileAreNoAuthors() {
        assertEquals(List.of(), inferred("<article>" + H1 + "<p><a class=\"anchor\">Ana Lima</a> <a href=\"/weather\">Weather Desk</a></p>"
                + PARAGRAPH + "</article>").authors());
    }

    @Test
    void aLinkToAnAtNameProfileIsTheAuthor() {
        assertEquals(List.of(new Author("Ana Lima", URI.create("https://news.example/@analima"))),
                inferred("<article>" + H1 + "<p><a href=\"/@analima\">Ana Lima</a></p>" + PARAGRAPH + "</article>").authors());
    }

    @Test
    void tagLinksAreThoseWhoseRelHasTheWordTag() {
        ArticleMeta m = inferred("<article>" + H1 + PARAGRAPH + "<p><a rel=\"nofollow tag\" href=\"/t/storm\">storm</a> "
                + "<a rel=\"tagged tag\" href=\"/t/coast\">coast</a> <a rel=\"hashtag\" href=\"/t/x\">hashtag</a></p></article>");
        assertEquals(List.of("storm", "coast"), m.tags());
    }

    // ---- how far the scan reads ----

    @Test
    void aStandfirstEightyOneElementsAfterTheHeadlineInAnArticleIsStillRead() {
        String between = "<div>" + "<span>x</span>".repeat(79) + "</div>";
        assertEquals(DEK, inferred("<article>" + H1 + between + "<div class=\"standfirst\">" + DEK + "</div>" + PARAGRAPH + "</article>").description());
    }

    @Test
    void aShortDateFortyElementsAfterTheHeadlineIsThePublicationDate() {
        String between = "<div>" + "<span>x</span>".repeat(38) + "</div>";
        assertEquals(OffsetDateTime.parse("2024-03-12T00:00:00Z"),
                inferred("<article>" + H1 + between + "<span>12 March 2024</span>" + PARAGRAPH + "</article>").publishedTime());
    }

    @Test
    void aDateInTheHeadlineIsNotThePublicationDate() {
        assertNull(inferred("<article><h1>Remembering 12 March 1990</h1>" + PARAGRAPH + "</article>").publishedTime());
    }

    @Test
    void aLongerTextThatOnlyMentionsADateIsNotThePublicationDate() {
        assertNull(inferred("<article>" + H1 + FIGURE + "<div class=\"note\">A look back at the great storm of 12 March 1990, "
                + "which closed the same road for a month</div>" + PARAGRAPH + "</article>").publishedTime());
    }
}
