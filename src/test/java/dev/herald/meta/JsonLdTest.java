package dev.herald.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading schema.org JSON-LD as publishers really write it: wrapped, graphed, referenced, and sometimes broken. */
class JsonLdTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String headline(String... scripts) {
        JsonLd ld = JsonLd.read(List.of(scripts));
        return ld.article == null ? null : JsonLd.text(ld.field("headline"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"@type\":\"NewsArticle\",\"headline\":\"Flood\"}",
        "  <!--{\"@type\":\"NewsArticle\",\"headline\":\"Flood\"}-->  ",
        "//<![CDATA[\n{\"@type\":\"NewsArticle\",\"headline\":\"Flood\"}\n//]]>",
        "/* <![CDATA[ */{\"@type\":\"NewsArticle\",\"headline\":\"Flood\"}/* ]]> */",
        "<![CDATA[{\"@type\":\"NewsArticle\",\"headline\":\"Flood\"}]]>",
        "{\"@type\":\"NewsArticle\",\"headline\":\"Flood\",}",
        "{'@type':'NewsArticle', /* a comment */ 'headline':'Flood'}",
        "[{\"@type\":\"WebSite\",\"name\":\"Ledger\"},{\"@type\":\"https://schema.org/NewsArticle\",\"headline\":\"Flood\"}]",
        "{\"@type\":[\"Thing\",\"schema:BlogPosting\"],\"headline\":[\"Flood\",\"Other\"]}",
        "{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebPage\"},{\"@type\":\"LiveBlogPosting\",\"headline\":{\"@value\":\"Flood\"}}]}",
        "{\"@type\":\"WebPage\",\"mainEntity\":{\"@type\":\"ReportageNewsArticle\",\"headline\":\"Flood\"}}",
        "{\"@type\":\"NewsArticle\",\"headline\":\"Flood\"} {\"@type\":\"Organization\",\"name\":\"Ledger\"}"})
    void findsTheArticleInTheShapesPublishersWrite(String script) {
        assertEquals("Flood", headline(script), script);
    }

    @Test
    void keepsWhatParsedBeforeAnError() {
        assertEquals("Flood", headline("{\"@type\":\"NewsArticle\",\"headline\":\"Flood\"} {\"broken\": "));
        assertNull(headline("{\"@type\":\"NewsArticle\",\"headline\":"));
        assertNull(headline(""), "an empty script");
        assertNull(headline("{\"@type\":\"Recipe\",\"headline\":\"Soup\"}"), "not an article");
    }

    @Test
    void takesTheFirstArticleAcrossScripts() {
        assertEquals("First", headline("{\"@type\":\"WebSite\",\"name\":\"x\"}", "{\"@type\":\"Article\",\"headline\":\"First\"}",
                "{\"@type\":\"Article\",\"headline\":\"Second\"}"));
    }

    @Test
    void skipsAScriptOverAMillionCharacters() {
        String padded = "{\"@type\":\"NewsArticle\",\"headline\":\"Flood\",\"x\":\"" + "a".repeat(1_000_000) + "\"}";
        assertNull(headline(padded));
    }

    @Test
    void followsIdReferencesIntoTheGraph() {
        JsonLd ld = JsonLd.read(List.of("{\"@graph\":[{\"@type\":\"NewsArticle\",\"author\":[{\"@id\":\"#ana\"},{\"@id\":\"#nobody\"}],"
                + "\"publisher\":{\"@id\":\"#org\"}},{\"@id\":\"#ana\",\"@type\":\"Person\",\"name\":\"Ana Lima\"},"
                + "{\"@id\":\"#org\",\"@type\":\"NewsMediaOrganization\",\"name\":\"The Ledger\"}]}"));

        List<JsonNode> authors = ld.all(ld.field("author"));
        assertEquals("Ana Lima", JsonLd.text(authors.get(0)));
        assertEquals("{\"@id\":\"#nobody\"}", authors.get(1).toString(), "an unknown reference stays as it is");
        assertEquals("The Ledger", JsonLd.text(ld.field("publisher")));
        assertEquals("The Ledger", ld.orgName);
    }

    @Test
    void namesTheOrganisationWhenThereIsNoArticle() {
        JsonLd ld = JsonLd.read(List.of("{\"@type\":\"WebSite\",\"name\":\"Harbour Notes\"}"));

        assertNull(ld.article);
        assertNull(ld.field("headline"));
        assertEquals("Harbour Notes", ld.orgName);
    }

    @Test
    void stopsDescendingTwelveLevelsDeep() {
        String deep = "{\"@type\":\"NewsArticle\",\"headline\":\"Deep\"}";
        // The outermost array is the script's list of values; twelve levels more are read.
        for (int i = 0; i < 13; i++) deep = "[" + deep + "]";
        String tooDeep = "[" + deep + "]";

        assertEquals("Deep", headline(deep));
        assertNull(headline(tooDeep));
    }

    @Test
    void readsTextFromScalarsArraysAndNamedObjects() throws Exception {
        assertEquals("a b", JsonLd.text(JSON.readTree("\" a  b \"")));
        assertEquals("42", JsonLd.text(JSON.readTree("42")));
        assertEquals("x", JsonLd.text(JSON.readTree("[\"x\", \"y\"]")));
        assertEquals("Ana", JsonLd.text(JSON.readTree("{\"name\":\"Ana\"}")));
        assertNull(JsonLd.text(JSON.readTree("[]")));
        assertNull(JsonLd.text(JSON.readTree("null")));
        assertNull(JsonLd.text(JSON.readTree("{\"url\":\"x\"}")));
        assertNull(JsonLd.text(null));
    }

    @Test
    void matchesTypesByTheirLastPathOrPrefixSegment() throws Exception {
        Set<String> article = JsonLd.ARTICLE_TYPES;
        assertTrue(JsonLd.hasType(JSON.readTree("{\"@type\":\"http://schema.org/NewsArticle\"}"), article));
        assertTrue(JsonLd.hasType(JSON.readTree("{\"@type\":\"schema:Article\"}"), article));
        assertFalse(JsonLd.hasType(JSON.readTree("{\"@type\":[\"Thing\",\"WebPage\"]}"), article));
        assertFalse(JsonLd.hasType(JSON.readTree("{\"name\":\"x\"}"), article));
        assertFalse(JsonLd.hasType(JSON.readTree("{\"@type\":\"NewsArticleX\"}"), article));
    }

    @Test
    void listsAllValuesOfAFieldSkippingNulls() throws Exception {
        JsonLd ld = JsonLd.read(List.of());
        JsonNode one = JSON.readTree("\"x\"");

        assertEquals(List.of(one), ld.all(one));
        assertEquals(2, ld.all(JSON.readTree("[\"a\", null, \"b\"]")).size());
        assertEquals(List.of(), ld.all(null));
        assertEquals(List.of(), ld.all(JSON.readTree("null")));
        assertSame(one, ld.deref(one));
    }
}
