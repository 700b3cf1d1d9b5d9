package dev.herald.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The small readers behind declared metadata, each at its edges: image sizes from tags and from
 * JSON-LD, image URLs from JSON-LD things, MIME types, author names and bylines.
 */
class ValueReadersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {"1200|1200", " 630 |630", "1|1", "999999|999999", "0|null", "1000000|null",
        "12a|null", "-5|null", "''|null", "/|null", ":|null", "1.5|null"})
    void aTagSizeIsOneToSixDigitsAboveZero(String text, Integer expected) {
        assertEquals(expected, DeclaredMeta.positive(text), text);
    }

    @Test
    void noTagSizeWithoutAValue() {
        assertNull(DeclaredMeta.positive(null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {"image/jpeg|image/jpeg", "image/PNG|image/png", "Image/png|null", "image/svg+xml|image/svg+xml",
        "text/html|null", "image/|null", "image/jpeg; q=1|null", "null|null"})
    void anImageTypeIsAnImageMimeType(String text, String expected) {
        assertEquals(expected, DeclaredMeta.imageType(text), text);
    }

    @Test
    void aJsonLdSizeIsAPositiveNumberOrNumericText() throws Exception {
        assertEquals(1200, JsonLd.integer(json("1200")));
        assertEquals(1200, JsonLd.integer(json("\"1200\"")));
        assertEquals(1200, JsonLd.integer(json("\" 1200 px\"")));
        assertEquals(1200, JsonLd.integer(json("\"1200PX\"")));
        assertEquals(1, JsonLd.integer(json("1")));
        assertEquals(630, JsonLd.integer(json("{\"@type\":\"QuantitativeValue\",\"value\":630}")));
        assertNull(JsonLd.integer(json("0")));
        assertNull(JsonLd.integer(json("-3")));
        assertNull(JsonLd.integer(json("\"0\"")));
        assertNull(JsonLd.integer(json("\"1234567\"")));
        assertNull(JsonLd.integer(json("\"wide\"")));
        assertNull(JsonLd.integer(json("true")));
        assertNull(JsonLd.integer(json("{\"unit\":\"px\"}")));
        assertNull(JsonLd.integer(null));
    }

    @Test
    void aJsonLdThingsUrlIsItsUrlThenContentUrlThenId() throws Exception {
        assertEquals("https://a.example/1.jpg", JsonLd.urlOf(json("\"https://a.example/1.jpg\"")));
        assertEquals("https://a.example/u.jpg", JsonLd.urlOf(json("{\"url\":\"https://a.example/u.jpg\",\"contentUrl\":\"https://a.example/c.jpg\"}")));
        assertEquals("https://a.example/c.jpg", JsonLd.urlOf(json("{\"contentUrl\":\"https://a.example/c.jpg\",\"@id\":\"https://a.example/#i\"}")));
        assertEquals("https://a.example/#i", JsonLd.urlOf(json("{\"@id\":\"https://a.example/#i\"}")));
        assertEquals("https://a.example/first.jpg", JsonLd.urlOf(json("{\"url\":[\"https://a.example/first.jpg\",\"https://a.example/2.jpg\"]}")));
        assertEquals("https://a.example/c.jpg", JsonLd.urlOf(json("{\"url\":[],\"contentUrl\":\"https://a.example/c.jpg\"}")), "an empty list is no URL");
        assertEquals("https://a.example/c.jpg", JsonLd.urlOf(json("{\"url\":[{\"x\":1}],\"contentUrl\":\"https://a.example/c.jpg\"}")));
        assertEquals("https://a.example/c.jpg", JsonLd.urlOf(json("{\"url\":5,\"contentUrl\":\"https://a.example/c.jpg\"}")));
        assertNull(JsonLd.urlOf(json("{\"name\":\"no url\"}")));
        assertNull(JsonLd.urlOf(json("[\"https://a.example/1.jpg\"]")), "a list is not a thing");
        assertNull(JsonLd.urlOf(json("42")));
        assertNull(JsonLd.urlOf(null));
    }

    @Test
    void anAuthorIsAddedOnceAndOnlyWithAPlausibleName() {
        List<Author> out = new ArrayList<>();
        DeclaredMeta.add(out, "Ana Ruiz", null);
        DeclaredMeta.add(out, " ana  ruiz ", null);
        DeclaredMeta.add(out, "x".repeat(100), null);
        DeclaredMeta.add(out, "y".repeat(101), null);
        DeclaredMeta.add(out, "  ", null);
        assertEquals(List.of(Author.named("Ana Ruiz"), Author.named("x".repeat(100))), out);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Ana|Ana", "By Ana Ruiz|Ana Ruiz", "Bo Li,|Bo Li", "— Bo Li|Bo Li", "Ana Ruiz and Bo Li|Ana Ruiz", "Jo Ann Mary Lee Smith|Jo Ann Mary Lee Smith"})
    void aNameIsThreeToSixtyCharactersOfAtMostFiveWords(String text, String expected) {
        assertEquals(expected, Bylines.split(text).get(0), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Al", "Jo Ann Mary Lee Van Smith", "Ana 2", "@ana", "ana/bo", "Who?", "Hi!", "*Ana", "(Ana"})
    void whatIsNotAName(String text) {
        assertNull(Bylines.cleanName(text), text);
    }

    @Test
    void aNameOfSixtyCharactersIsStillOne() {
        String sixty = "A" + "b".repeat(29) + " " + "C" + "d".repeat(28);
        assertEquals(60, sixty.length());
        assertEquals(sixty, Bylines.cleanName(sixty));
        assertNull(Bylines.cleanName(sixty + "e"));
    }

    @Test
    void aBylineEndsAtTheFirstBarOrBullet() {
        assertEquals(List.of("Ana Ruiz"), Bylines.split("Ana Ruiz | 8 March 2024"));
        assertEquals(List.of("Ana Ruiz"), Bylines.split("Ana Ruiz · 5 min read | News"));
        assertEquals(List.of("Ana Ruiz"), Bylines.split("Ana Ruiz • Updated"));
        assertEquals(List.of(), Bylines.split("| Ana Ruiz"), "a bar first leaves nothing before it");
        assertEquals(List.of(), Bylines.split("x".repeat(201)));
        assertEquals(List.of(), Bylines.split(null));
    }
}
