package dev.herald.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The less common shapes of the tags a page declares: image and canonical variants, blank values,
 * X Card images, JSON-LD publishers, authors and references in their several forms, and the limits
 * on what JSON-LD is read. Every page is written for its test.
 */
class DeclaredSourcesTest {
    private static final URI PAGE = URI.create("https://news.example/2024/03/coast-road");

    private static PageMeta read(String head) {
        return PageMeta.read("<!doctype html><html><head><title>Storm</title>" + head + "</head><body><p>Storm.</p></body></html>", PAGE);
    }

    private static ArticleMeta declared(String head) {
        return read(head).declared();
    }

    private static String jsonLd(String json) {
        return "<script type=\"application/ld+json\">" + json + "</script>";
    }

    // ---- meta tags and links ----

    @ParameterizedTest
    @ValueSource(strings = {"og:image:url", "og:image:secure_url"})
    void anImageGivenOnlyByItsUrlVariantCountsAsAnExistingImageTag(String property) {
        PageMeta page = read("<meta property=\"" + property + "\" content=\"https://news.example/photos/road.jpg\">");
        assertTrue(page.existingTags().contains("og:image"));
        assertEquals(URI.create("https://news.example/photos/road.jpg"), page.declared().image().url());
    }

    @Test
    void theFirstCanonicalLinkIsThePagesAddress() {
        assertEquals(URI.create("https://news.example/first"), declared("<link rel=\"canonical\" href=\"/first\"><link rel=\"canonical\" href=\"/second\">").url());
    }

    @Test
    void aBlankOpenGraphTitleGivesWayToTheXCardTitle() {
        assertEquals("Storm closes the coast road", declared("<meta property=\"og:title\" content=\"  \"><meta name=\"twitter:title\" content=\"Storm closes the coast road\">").title());
    }

    @Test
    void anXCardImageWithItsAltIsTheImageWhenThereIsNoOpenGraphImage() {
        ImageMeta image = declared("<meta name=\"twitter:image:src\" content=\"/photos/road.jpg\"><meta name=\"twitter:image:alt\" content=\"The road\">").image();
        assertEquals(URI.create("https://news.example/photos/road.jpg"), image.url());
        assertEquals("The road", image.alt());
    }

    @Test
    void onlyArticleAuthorValuesThatAreNotAddressesAreAuthorsNames() {
        ArticleMeta m = declared("<meta property=\"article:author\" content=\"https://social.example/ana\"><meta property=\"article:author\" content=\"Max Berger\">");
        assertEquals(List.of(new Author("Max Berger", null)), m.authors());
    }

    // ---- JSON-LD ----

    @Test
    void aJsonLdImageObjectsCaptionIsItsAlt() {
        ImageMeta image = declared(jsonLd("{\"@type\":\"NewsArticle\",\"headline\":\"Storm\",\"image\":{\"url\":\"/photos/road.jpg\",\"caption\":\"The road\"}}")).image();
        assertEquals("The road", image.alt());
    }

    @Test
    void aJsonLdAuthorGivenAsPlainTextIsTheAuthor() {
        assertEquals(List.of(new Author("Ana Lima", null)), declared(jsonLd("{\"@type\":\"NewsArticle\",\"headline\":\"Storm\",\"author\":\"Ana Lima\"}")).authors());
    }

    @Test
    void aJsonLdPublisherObjectNamesTheSite() {
        assertEquals("Coast News", declared(jsonLd("{\"@type\":\"NewsArticle\",\"headline\":\"Storm\",\"publisher\":{\"@type\":\"Organization\",\"name\":\"Coast News\"}}")).siteName());
    }

    @Test
    void theFirstOfSeveralJsonLdPublishersNamesTheSite() {
        assertEquals("Coast News", declared(jsonLd("{\"@type\":\"NewsArticle\",\"headline\":\"Storm\",\"publisher\":[{\"@type\":\"Organization\",\"name\":\"Coast News\"},"
                + "{\"@type\":\"Organization\",\"name\":\"Harbour Group\"}]}")).siteName());
    }

    @Test
    void aJsonLdPublisherGivenAsPlainTextGivesWayToTheNamedWebsite() {
        assertEquals("Coast News Online", declared(jsonLd("[{\"@type\":\"NewsArticle\",\"headline\":\"Storm\",\"publisher\":\"Coast News\"},"
                + "{\"@type\":\"WebSite\",\"name\":\"Coast News Online\"}]")).siteName());
    }

    @Test
    void aJsonLdWebsiteWithoutAnArticleNamesTheSite() {
        assertEquals("Coast News", declared(jsonLd("{\"@type\":\"WebSite\",\"name\":\"Coast News\"}")).siteName());
    }

    @Test
    void aBareReferenceInTheGraphDoesNotHideTheNodeItRefersTo() {
        ArticleMeta m = declared(jsonLd("{\"@graph\":[{\"@id\":\"#ana\"},{\"@type\":\"NewsArticle\",\"headline\":\"Storm\",\"author\":{\"@id\":\"#ana\"}},"
                + "{\"@id\":\"#ana\",\"@type\":\"Person\",\"name\":\"Ana Lima\"}]}"));
        assertEquals(List.of(new Author("Ana Lima", null)), m.authors());
    }

    @Test
    void anArticleNestedThirteenGraphsDeepIsNotRead() {
        String json = "{\"@type\":\"NewsArticle\",\"headline\":\"Storm\"}";
        for (int i = 0; i < 13; i++) json = "{\"@graph\":" + json + "}";
        assertNull(declared(jsonLd(json)).title());
    }

    @Test
    void anArticleNestedTwelveGraphsDeepIsRead() {
        String json = "{\"@type\":\"NewsArticle\",\"headline\":\"Storm\"}";
        for (int i = 0; i < 12; i++) json = "{\"@graph\":" + json + "}";
        assertEquals("Storm", declared(jsonLd(json)).title());
    }

    @Test
    void aTypeWithAnEmptyPrefixIsReadByItsName() {
        assertEquals("Storm", declared(jsonLd("{\"@type\":\":NewsArticle\",\"headline\":\"Storm\"}")).title());
    }

    @Test
    void aScriptOfAMillionCharactersIsReadButALongerOneIsNot() {
        String json = "{\"@type\":\"NewsArticle\",\"headline\":\"Storm\"}";
        String million = json + " ".repeat(1_000_000 - json.length());
        assertEquals("Storm", declared(jsonLd(million)).title());
        assertNull(declared(jsonLd(million + " ")).title());
    }
}
