package dev.herald.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where inference finds authors, dates, section and tags when a page declares none of them in the
 * tags Herald reads first: the less common meta names, microdata, {@code <time>} elements and links,
 * each source in the order a reader of the page would trust it. Every page is written for its test.
 */
class InferredSourcesTest {
    private static final URI PAGE = URI.create("https://news.example/2024/03/coast-road");
    private static final String PARAGRAPH = "<p>The coast road between the harbour and the lighthouse was closed before dawn after waves "
            + "threw stones across both lanes, and the council says it will stay shut until Friday.</p>";
    private static final String HEADLINE = "<h1 itemprop=\"headline\">Storm closes the coast road</h1>";

    private static ArticleMeta inferred(String head, String body) {
        return inferred("en", head, body);
    }

    private static ArticleMeta inferred(String lang, String head, String body) {
        return PageMeta.read("<!doctype html><html lang=\"" + lang + "\"><head><title>Storm closes the coast road | Coast News</title>"
                + head + "</head><body>" + body + "</body></html>", PAGE).inferred();
    }

    private static Author author(String name, String url) {
        return new Author(name, url == null ? null : URI.create(url));
    }

    private static OffsetDateTime utc(String iso) {
        return OffsetDateTime.parse(iso);
    }

    // ---- authors ----

    @Test
    void anAnalyticsAuthorMetaNamesTheAuthorBeforeTheBylineDoes() {
        ArticleMeta m = inferred("<meta name=\"parsely-author\" content=\"Ana Lima\">",
                "<article>" + HEADLINE + "<div class=\"byline\">By Max Berger</div>" + PARAGRAPH + "</article>");
        assertEquals(List.of(author("Ana Lima", null)), m.authors());
    }

    @Test
    void aMicrodataAuthorIsNamedByItsNamePropertyAndLinkedByItsUrlProperty() {
        ArticleMeta m = inferred("", "<article>" + HEADLINE
                + "<div itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\"><span itemprop=\"name\">Ana Lima</span>"
                + " <span itemprop=\"name\">A. Lima</span> <a itemprop=\"url\" href=\"/staff/ana\">profile</a>"
                + " <a itemprop=\"url\" href=\"/staff/a-lima\">older profile</a></div>" + PARAGRAPH + "</article>");
        assertEquals(List.of(author("Ana Lima", "https://news.example/staff/ana")), m.authors());
    }

    @Test
    void aMicrodataAuthorsPropertiesMayBeGivenAsMetaAndLinkElements() {
        ArticleMeta m = inferred("", "<article>" + HEADLINE
                + "<div itemprop=\"author\" itemscope><meta itemprop=\"name\" content=\"Ana Lima\"><link itemprop=\"url\" href=\"/staff/ana\">"
                + "<span>Staff writer</span></div>" + PARAGRAPH + "</article>");
        assertEquals(List.of(author("Ana Lima", "https://news.example/staff/ana")), m.authors());
    }

    @Test
    void aMicrodataAuthorUrlMayBeGivenAsMetaContent() {
        ArticleMeta m = inferred("", "<article>" + HEADLINE
                + "<div itemprop=\"author\" itemscope><span itemprop=\"name\">Ana Lima</span><meta itemprop=\"url\" content=\"/staff/ana\"></div>"
                + PARAGRAPH + "</article>");
        assertEquals(List.of(author("Ana Lima", "https://news.example/staff/ana")), m.authors());
    }

    @Test
    void anAuthorLinkMarkedAsMicrodataIsNamedByItsTextAndLinkedByItsAddress() {
        ArticleMeta m = inferred("", "<article>" + HEADLINE + "<p class=\"info\">By <a itemprop=\"author\" href=\"/staff/max\">Max Berger</a></p>"
                + PARAGRAPH + "</article>");
        assertEquals(List.of(author("Max Berger", "https://news.example/staff/max")), m.authors());
    }

    @Test
    void aMicrodataAuthorGivenAsMetaContentIsNamedByThatContent() {
        ArticleMeta m = inferred("", "<article>" + HEADLINE + "<meta itemprop=\"author\" content=\"Ana Lima\">" + PARAGRAPH + "</article>");
        assertEquals(List.of(author("Ana Lima", null)), m.authors());
    }

    @Test
    void aMicrodataAuthorInASidebarIsAnotherStorysAuthor() {
        ArticleMeta m = inferred("", "<article>" + HEADLINE + "<aside><span itemprop=\"author\">Max Berger</span></aside>"
                + "<div class=\"byline\">By Ana Lima</div>" + PARAGRAPH + "</article>");
        assertEquals(List.of(author("Ana Lima", null)), m.authors());
    }

    @Test
    void anAuthorLinkInAnotherArticleOnThePageIsNotThisStorysAuthor() {
        ArticleMeta m = inferred("", "<main><article>" + HEADLINE + PARAGRAPH + "</article>"
                + "<article class=\"teaser\"><h2>Harbour wall repairs begin</h2><a rel=\"author\" href=\"https://news.example/u/max\">Max Berger</a></article></main>");
        assertEquals(List.of(), m.authors());
    }

    @Test
    void aBylinesNameLinkIsItsAuthorEvenWhenItPointsOffSite() {
        ArticleMeta m = inferred("", "<article>" + HEADLINE
                + "<div class=\"byline\">By <a class=\"name\" href=\"https://social.example/ana\">Ana Lima</a></div>" + PARAGRAPH + "</article>");
        assertEquals(List.of(author("Ana Lima", "https://social.example/ana")), m.authors());
    }

    @Test
    void theFirstBylineThatNamesSomeoneEndsTheSearch() {
        ArticleMeta m = inferred("", "<article>" + HEADLINE + "<div class=\"byline\">By Ana Lima</div>" + PARAGRAPH
                + "<p>More: <a rel=\"author\" href=\"https://news.example/u/max\">Max Berger</a></p></article>");
        assertEquals(List.of(author("Ana Lima", null)), m.authors());
    }

    @Test
    void profileLinksNearTheHeadlineNameTheAuthorButNotThoseInASidebarOrAnotherArticle() {
        ArticleMeta m = inferred("", "<article>" + HEADLINE + "<aside><a href=\"/staff/max\">Max Berger</a></aside>"
                + "<p>Words: <a href=\"/staff/ana\">Ana Lima</a></p>" + PARAGRAPH
                + "<article class=\"teaser\"><a href=\"/staff/eva\">Eva Stone</a></article></article>");
        assertEquals(List.of(author("Ana Lima", "https://news.example/staff/ana")), m.authors());
    }

    @Test
    void aRelAuthorLinkInTheHeadNamesTheAuthorWhenThePageShowsNone() {
        ArticleMeta m = inferred("<link rel=\"author\" title=\"Ana Lima\" href=\"/staff/ana\">", "<article>" + HEADLINE + PARAGRAPH + "</article>");
        assertEquals(List.of(author("Ana Lima", "https://news.example/staff/ana")), m.authors());
    }

    @Test
    void aRelAuthorLinkInTheHeadGivesWayToAProfileLinkOnThePage() {
        ArticleMeta m = inferred("<link rel=\"author\" title=\"Max Berger\" href=\"/staff/max\">",
                "<article>" + HEADLINE + "<p>Words: <a href=\"/staff/ana\">Ana Lima</a></p>" + PARAGRAPH + "</article>");
        assertEquals(List.of(author("Ana Lima", "https://news.example/staff/ana")), m.authors());
    }

    // ---- section and tags ----

    @Test
    void aSectionMetaLongerThanSixtyCharactersIsNotASection() {
        String sixty = "Weather " + "x".repeat(52);
        ArticleMeta m = inferred("<meta name=\"section\" content=\"" + sixty + "y\"><meta name=\"category\" content=\"" + sixty + "\">",
                "<article>" + HEADLINE + PARAGRAPH + "</article>");
        assertEquals(sixty, m.section());
    }

    @Test
    void anAnalyticsSectionMetaNamesTheSection() {
        assertEquals("Weather", inferred("<meta name=\"parsely-section\" content=\"Weather\">", "<article>" + HEADLINE + PARAGRAPH + "</article>").section());
    }

    @Test
    void aMicrodataSectionNamesTheSection() {
        assertEquals("Weather", inferred("", "<article>" + HEADLINE + "<meta itemprop=\"articleSection\" content=\"Weather\">" + PARAGRAPH + "</article>").section());
    }

    @Test
    void aCategoryLinkOfSixtyCharactersNamesTheSectionButALongerOneDoesNot() {
        String sixty = "Weather " + "x".repeat(52);
        ArticleMeta m = inferred("", "<article>" + HEADLINE + "<a rel=\"category\" href=\"/c/1\">" + sixty + "y</a>"
                + "<a rel=\"category\" href=\"/c/2\">" + sixty + "</a>" + PARAGRAPH + "</article>");
        assertEquals(sixty, m.section());
    }

    @Test
    void aPageWithoutAnySectionHasNone() {
        assertNull(inferred("", "<article>" + HEADLINE + PARAGRAPH + "</article>").section());
    }

    @Test
    void newsKeywordsComeBeforeAnalyticsTags() {
        ArticleMeta m = inferred("<meta name=\"news_keywords\" content=\"storm, coast road\"><meta name=\"parsely-tags\" content=\"weather\">",
                "<article>" + HEADLINE + PARAGRAPH + "</article>");
        assertEquals(List.of("storm", "coast road"), m.tags());
    }

    // ---- dates ----

    @Test
    void aMicrodataPublicationDateGivenAsMetaContentIsThePublicationTime() {
        ArticleMeta m = inferred("", "<article>" + HEADLINE + "<meta itemprop=\"datePublished\" content=\"yesterday\">"
                + "<meta itemprop=\"datePublished\" content=\"2024-03-12T08:00:00Z\">" + PARAGRAPH + "</article>");
        assertEquals(utc("2024-03-12T08:00:00Z"), m.publishedTime());
    }

    @Test
    void aModifiedMetaUnderADublinCoreNameIsTheModifiedTime() {
        ArticleMeta m = inferred("<meta name=\"dcterms.modified\" content=\"2024-03-14T10:00:00Z\">", "<article>" + HEADLINE + PARAGRAPH + "</article>");
        assertEquals(utc("2024-03-14T10:00:00Z"), m.modifiedTime());
    }

    @Test
    void aMicrodataModifiedDateOnATimeElementIsTheModifiedTime() {
        ArticleMeta m = inferred("", "<article>" + HEADLINE + "<time itemprop=\"dateModified\" datetime=\"2024-03-14T10:00:00Z\"></time>"
                + PARAGRAPH + "</article>");
        assertEquals(utc("2024-03-14T10:00:00Z"), m.modifiedTime());
    }

    @Test
    void aMicrodataModifiedDatePrintedAsTextIsTheModifiedTime() {
        ArticleMeta m = inferred("", "<article>" + HEADLINE + "<span itemprop=\"dateModified\">2024-03-14T10:00:00Z</span>"
                + PARAGRAPH + "</article>");
        assertEquals(utc("2024-03-14T10:00:00Z"), m.modifiedTime());
    }

    @Test
    void aTimeInsideAnUpdatedWrapperIsTheModifiedTimeNotThePublicationTime() {
        ArticleMeta m = inferred("", "<article>" + HEADLINE + "<span class=\"updated\"><time datetime=\"2024-03-14T10:00:00Z\"></time></span>"
                + "<span class=\"posted\"><time datetime=\"2024-03-12T08:00:00Z\"></time></span>" + PARAGRAPH + "</article>");
        assertEquals(utc("2024-03-14T10:00:00Z"), m.modifiedTime());
        assertEquals(utc("2024-03-12T08:00:00Z"), m.publishedTime());
    }

    @Test
    void aTimeInAnotherArticleOnThePageIsNotThisStorysDate() {
        ArticleMeta m = inferred("", "<main><article>" + HEADLINE + PARAGRAPH + "</article>"
                + "<article class=\"teaser\"><h2>Harbour wall repairs begin</h2><time class=\"date\" datetime=\"2020-01-05T08:00:00Z\"></time></article></main>");
        assertNull(m.publishedTime());
    }

    @Test
    void aMarkedTimeWinsOverAnEarlierUnmarkedOne() {
        ArticleMeta m = inferred("", "<article>" + HEADLINE + "<p><time datetime=\"2024-03-10T08:00:00Z\"></time></p>"
                + "<p><time class=\"published\" datetime=\"2024-03-12T08:00:00Z\"></time></p>" + PARAGRAPH + "</article>");
        assertEquals(utc("2024-03-12T08:00:00Z"), m.publishedTime());
    }

    @Test
    void aTimeWithThePubdateAttributeWinsOverAnEarlierUnmarkedOne() {
        ArticleMeta m = inferred("", "<article>" + HEADLINE + "<p><time datetime=\"2024-03-10T08:00:00Z\"></time></p>"
                + "<p><time pubdate datetime=\"2024-03-12T08:00:00Z\"></time></p>" + PARAGRAPH + "</article>");
        assertEquals(utc("2024-03-12T08:00:00Z"), m.publishedTime());
    }

    @Test
    void withoutAMarkedTimeTheFirstTimeInTheStoryIsThePublicationTime() {
        ArticleMeta m = inferred("", "<article>" + HEADLINE + "<p><time datetime=\"2024-03-10T08:00:00Z\"></time></p>"
                + "<p><time datetime=\"2024-03-12T08:00:00Z\"></time></p>" + PARAGRAPH + "</article>");
        assertEquals(utc("2024-03-10T08:00:00Z"), m.publishedTime());
    }

    @Test
    void aPrintedNumericDateIsReadTheWayThePagesLanguageWritesIt() {
        ArticleMeta m = inferred("en-GB", "", "<article>" + HEADLINE + "<span class=\"date\">03/12/2024</span>" + PARAGRAPH + "</article>");
        assertEquals(utc("2024-12-03T00:00:00Z"), m.publishedTime());
    }
}
