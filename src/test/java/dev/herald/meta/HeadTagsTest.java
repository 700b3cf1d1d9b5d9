package dev.herald.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class HeadTagsTest {
    static final ImageMeta IMAGE = new ImageMeta(URI.create("https://news.example/img/lead.jpg"), 1200, 630, "A lead image", "image/jpeg");
    static final ArticleMeta FULL = ArticleMeta.builder()
            .title("Iran says retaliation is complete")
            .description("Tehran signals it will not seek escalation.")
            .url("https://news.example/world/iran")
            .image(IMAGE)
            .siteName("The Daily Ledger")
            .locale(Locale.US)
            .type("article")
            .authors(List.of(new Author("Dana Whitfield", URI.create("https://news.example/authors/dana")), Author.named("Sam Roe")))
            .publishedTime(OffsetDateTime.parse("2020-01-08T06:30Z"))
            .modifiedTime(OffsetDateTime.parse("2020-01-08T09:00:00-05:00"))
            .section("World")
            .tags(List.of("Iran", "United States"))
            .twitterSite("@ledger")
            .twitterCreator("@dana")
            .build();
    static final SiteDefaults SITE = new SiteDefaults("The Daily Ledger", null, null, null,
            new ImageMeta(URI.create("https://news.example/logo.png"), 600, 60, null, null));

    static List<String> keys(String html) {
        List<String> keys = new ArrayList<>();
        for (Element e : Jsoup.parse(html).head().children()) {
            keys.add(e.hasAttr("property") ? e.attr("property") : e.hasAttr("name") ? e.attr("name") : e.hasAttr("rel") ? "link:" + e.attr("rel") : e.tagName());
        }
        return keys;
    }

    static JsonNode jsonLd(String html) throws Exception {
        return new ObjectMapper().readTree(Jsoup.parse(html).selectFirst("script[type=application/ld+json]").data());
    }

    @Test
    void rendersEveryTagInOrderWithImagePropertiesRightAfterTheImage() {
        assertEquals(List.of("og:title", "og:type", "og:url", "og:description", "og:image", "og:image:width", "og:image:height",
                "og:image:alt", "og:image:type", "og:site_name", "og:locale", "article:published_time", "article:modified_time",
                "article:author", "article:author", "article:section", "article:tag", "article:tag", "twitter:card", "twitter:site",
                "twitter:creator", "link:canonical", "script"), keys(HeadTags.render(FULL, SITE)));
    }

    @Test
    void writesTimesAsIso8601WithSecondsAndOffset() {
        String html = HeadTags.render(FULL, SITE);
        assertTrue(html.contains("<meta property=\"article:published_time\" content=\"2020-01-08T06:30:00Z\">"), html);
        assertTrue(html.contains("<meta property=\"article:modified_time\" content=\"2020-01-08T09:00:00-05:00\">"), html);
    }

    @Test
    void writesAuthorsAsProfileUrlsOrNames() {
        Document d = Jsoup.parse(HeadTags.render(FULL, SITE));
        assertEquals(List.of("https://news.example/authors/dana", "Sam Roe"), d.select("meta[property=article:author]").eachAttr("content"));
    }

    @Test
    void leavesOutTagsThePageAlreadyHas() {
        String html = HeadTags.render(FULL, SITE, Set.of("og:title", "twitter:card", "article:tag", HeadTags.CANONICAL, HeadTags.JSON_LD), StandardCharsets.UTF_8);
        List<String> keys = keys(html);
        assertFalse(keys.contains("og:title"));
        assertFalse(keys.contains("twitter:card"));
        assertFalse(keys.contains("article:tag"));
        assertFalse(keys.contains("link:canonical"));
        assertFalse(keys.contains("script"));
        assertTrue(keys.contains("og:description"));
    }

    @Test
    void emitsNoImagePropertiesWhenThePageHasItsOwnImage() {
        List<String> keys = keys(HeadTags.render(FULL, SITE, Set.of("og:image"), StandardCharsets.UTF_8));
        assertTrue(keys.stream().noneMatch(k -> k.startsWith("og:image")), keys.toString());
    }

    @Test
    void usesTheSmallCardWithoutAnImage() {
        String html = HeadTags.render(FULL.toBuilder().image(null).build(), SITE);
        assertTrue(html.contains("<meta name=\"twitter:card\" content=\"summary\">"), html);
    }

    @Test
    void usesTheLargeCardWithAnImage() {
        assertTrue(HeadTags.render(FULL, SITE).contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
    }

    @Test
    void escapesAttributeValues() {
        String html = HeadTags.render(ArticleMeta.builder().title("\"><script>alert('x')</script> & co").build(), SiteDefaults.NONE);
        assertTrue(html.contains("content=\"&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co\""), html);
        assertEquals("\"><script>alert('x')</script> & co", Jsoup.parse(html).selectFirst("meta[property=og:title]").attr("content"));
    }

    @Test
    void turnsLineBreaksInValuesIntoSpaces() {
        String html = HeadTags.render(ArticleMeta.builder().description("one\r\ntwo").build(), SiteDefaults.NONE);
        assertTrue(html.contains("content=\"one  two\""), html);
    }

    @Test
    void keepsAScriptEndTagInsideJsonLdInert() throws Exception {
        ArticleMeta m = FULL.toBuilder().title("</script><script>alert(1)</script>\u2028&").build();
        String html = HeadTags.render(m, SITE);
        String script = html.substring(html.indexOf("<script type=\"application/ld+json\">"));
        assertEquals(1, script.split("</script>", -1).length - 1, "only the block's own end tag: " + script);
        assertFalse(script.contains("\u2028"));
        assertEquals("</script><script>alert(1)</script>\u2028&", jsonLd(html).get("headline").asText());
    }

    @Test
    void writesCharactersTheCharsetCannotHoldAsReferences() throws Exception {
        Charset cp1252 = Charset.forName("windows-1252");
        ArticleMeta m = FULL.toBuilder().title("“Łódź” → 😀").build();
        String html = HeadTags.render(m, SITE, Set.of(), cp1252);
        assertTrue(html.contains("content=\"“&#x141;ód&#x17A;” &#x2192; &#x1F600;\""), html);
        assertTrue(cp1252.newEncoder().canEncode(html));
        assertEquals("“Łódź” → 😀", Jsoup.parse(html).selectFirst("meta[property=og:title]").attr("content"));
        assertEquals("“Łódź” → 😀", jsonLd(html).get("headline").asText());
    }

    @Test
    void writesSchemaOrgNewsArticle() throws Exception {
        JsonNode j = jsonLd(HeadTags.render(FULL, SITE));
        assertEquals("NewsArticle", j.get("@type").asText());
        assertEquals("https://schema.org", j.get("@context").asText());
        assertEquals("Iran says retaliation is complete", j.get("headline").asText());
        assertEquals("https://news.example/img/lead.jpg", j.get("image").get(0).asText());
        assertEquals("2020-01-08T06:30:00Z", j.get("datePublished").asText());
        assertEquals("Person", j.get("author").get(0).get("@type").asText());
        assertEquals("https://news.example/authors/dana", j.get("author").get(0).get("url").asText());
        assertNull(j.get("author").get(1).get("url"));
        assertEquals("The Daily Ledger", j.get("publisher").get("name").asText());
        assertEquals("https://news.example/logo.png", j.get("publisher").get("logo").get("url").asText());
        assertEquals("https://news.example/world/iran", j.get("mainEntityOfPage").get("@id").asText());
        assertEquals("en-US", j.get("inLanguage").asText());
    }

    @Test
    void rendersNoArticleTagsOrJsonLdForAWebsite() {
        List<String> keys = keys(HeadTags.render(FULL.toBuilder().type("website").build(), SITE));
        assertTrue(keys.stream().noneMatch(k -> k.startsWith("article:")), keys.toString());
        assertFalse(keys.contains("script"));
    }

    @Test
    void rendersNothingWhenThePageHasEverything() {
        Set<String> all = Set.of("og:title", "og:type", "og:url", "og:description", "og:image", "og:site_name", "og:locale",
                "article:published_time", "article:modified_time", "article:author", "article:section", "article:tag",
                "twitter:card", "twitter:site", "twitter:creator", HeadTags.CANONICAL, HeadTags.JSON_LD);
        assertEquals("", HeadTags.render(FULL, SITE, all, StandardCharsets.UTF_8));
    }

    @Test
    void formatsLocalesTheOpenGraphWay() {
        assertEquals("en_US", HeadTags.ogLocale(Locale.US));
        assertEquals("pt_BR", HeadTags.ogLocale(Locale.forLanguageTag("pt-BR")));
        assertEquals("de_DE", HeadTags.ogLocale(Locale.GERMAN), "a bare language is not a valid og:locale");
        assertNull(HeadTags.ogLocale(null));
    }

    @Test
    void writesNonAsciiUrlsAsAscii() {
        ArticleMeta m = ArticleMeta.builder().url(URI.create("https://news.example/caf%C3%A9")).build();
        assertTrue(HeadTags.render(m, SiteDefaults.NONE).contains("href=\"https://news.example/caf%C3%A9\""));
    }
}
