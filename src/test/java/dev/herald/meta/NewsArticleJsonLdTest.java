package dev.herald.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The schema.org NewsArticle is pinned whole, so dropping any one field (description, dateModified,
 * an author's name, keywords...) or writing one a field should not have fails here.
 */
class NewsArticleJsonLdTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesEveryFieldOfAFullArticle() throws Exception {
        String expected = "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
                + "\"headline\":\"Iran says retaliation is complete\","
                + "\"description\":\"Tehran signals it will not seek escalation.\","
                + "\"image\":[\"https://news.example/img/lead.jpg\"],"
                + "\"datePublished\":\"2020-01-08T06:30:00Z\","
                + "\"dateModified\":\"2020-01-08T09:00:00-05:00\","
                + "\"author\":[{\"@type\":\"Person\",\"name\":\"Dana Whitfield\",\"url\":\"https://news.example/authors/dana\"},"
                + "{\"@type\":\"Person\",\"name\":\"Sam Roe\"}],"
                + "\"publisher\":{\"@type\":\"Organization\",\"name\":\"The Daily Ledger\","
                + "\"logo\":{\"@type\":\"ImageObject\",\"url\":\"https://news.example/logo.png\",\"width\":600,\"height\":60}},"
                + "\"mainEntityOfPage\":{\"@type\":\"WebPage\",\"@id\":\"https://news.example/world/iran\"},"
                + "\"inLanguage\":\"en-US\",\"articleSection\":\"World\",\"keywords\":\"Iran, United States\"}";

        assertEquals(expected, HeadTags.jsonLd(HeadTagsTest.FULL, HeadTagsTest.SITE));
    }

    @Test
    void leavesOutWhatTheArticleDoesNotHave() {
        ArticleMeta bare = ArticleMeta.builder().title("Bridge reopens").type("article").build();

        assertEquals("{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"Bridge reopens\"}",
                HeadTags.jsonLd(bare, SiteDefaults.NONE));
    }

    @Test
    void namesThePublisherFromTheLogoAloneWithoutSizesItDoesNotKnow() throws Exception {
        ArticleMeta bare = ArticleMeta.builder().title("Bridge reopens").type("article").build();
        SiteDefaults logoOnly = new SiteDefaults(null, null, null, null, ImageMeta.of(URI.create("https://news.example/logo.png")));

        JsonNode publisher = JSON.readTree(HeadTags.jsonLd(bare, logoOnly)).get("publisher");

        assertEquals("{\"@type\":\"Organization\",\"logo\":{\"@type\":\"ImageObject\",\"url\":\"https://news.example/logo.png\"}}",
                publisher.toString());
    }

    @Test
    void writesTheLogoWidthAndHeightEachOnlyWhenKnown() throws Exception {
        ArticleMeta bare = ArticleMeta.builder().title("Bridge reopens").type("article").build();
        SiteDefaults widthOnly = new SiteDefaults("Ledger", null, null, null,
                new ImageMeta(URI.create("https://news.example/logo.png"), 600, null, null, null));

        JsonNode logo = JSON.readTree(HeadTags.jsonLd(bare, widthOnly)).get("publisher").get("logo");

        assertEquals(600, logo.get("width").asInt());
        assertFalse(logo.has("height"));
    }

    @Test
    void writesTheLanguageTagOnlyForALocaleWithALanguage() throws Exception {
        ArticleMeta noLanguage = ArticleMeta.builder().title("Bridge reopens").type("article").locale(new Locale("", "DE")).build();
        ArticleMeta german = ArticleMeta.builder().title("Brücke wieder offen").type("article").locale(Locale.GERMAN).build();

        assertFalse(JSON.readTree(HeadTags.jsonLd(noLanguage, SiteDefaults.NONE)).has("inLanguage"));
        assertEquals("de", JSON.readTree(HeadTags.jsonLd(german, SiteDefaults.NONE)).get("inLanguage").asText());
    }
}
