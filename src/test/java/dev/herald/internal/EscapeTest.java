package dev.herald.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Escaping for each context Herald writes into, pinned character by character, in UTF-8 and in narrower page charsets. */
class EscapeTest {
    private static final Charset LATIN1 = StandardCharsets.ISO_8859_1;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Test
    void escapesMarkupCharactersForAttributesAndText() {
        assertEquals("&amp;&lt;&gt;&quot;&#39;", Escape.html("&<>\"'", StandardCharsets.UTF_8));
        assertEquals("a b c d e", Escape.html("a\tb\nc\rd\fe", StandardCharsets.UTF_8));
    }

    @Test
    void dropsControlCharactersAndReplacesLoneSurrogates() {
        assertEquals("ab", Escape.html("a\u0000\u0007\u007F\u0085\u009Fb", StandardCharsets.UTF_8));
        assertEquals("a\uFFFDb\uFFFD", Escape.html("a\uD800b\uDC00", StandardCharsets.UTF_8));
        assertEquals(" \u00A0é", Escape.html(" \u00A0é", StandardCharsets.UTF_8), "U+00A0 and above are kept");
    }

    @Test
    void writesWhatTheCharsetCannotHoldAsReferences() {
        assertEquals("café &#x20AC; &#x1F4F0;", Escape.html("café € \uD83D\uDCF0", LATIN1));
        assertEquals("café € &#x1F4F0;", Escape.html("café € \uD83D\uDCF0", WINDOWS_1252));
        assertEquals("café € \uD83D\uDCF0", Escape.html("café € \uD83D\uDCF0", StandardCharsets.UTF_8));
        assertEquals("日本", Escape.html("日本", Charset.forName("GB18030")));
        assertEquals("&#x65E5;", Escape.html("日", StandardCharsets.US_ASCII));
    }

    @Test
    void keepsLineBreaksInPreformattedText() {
        assertEquals("a &lt;b&gt;\nc\n\nd", Escape.preformatted("a <b>\r\nc\n\nd"));
        assertEquals("x\ty".replace('\t', ' '), Escape.preformatted("x\ty"));
    }

    @Test
    void makesJsonSafeInsideAScriptAndKeepsItsValue() throws Exception {
        String json = "{\"t\":\"</script><b>&\u2028\u2029é\uD83D\uDCF0\"}";

        String utf8 = Escape.jsonInScript(json, StandardCharsets.UTF_8);
        String latin1 = Escape.jsonInScript(json, LATIN1);

        assertEquals("{\"t\":\"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\\u2028\\u2029é\uD83D\uDCF0\"}", utf8);
        assertEquals("{\"t\":\"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\\u2028\\u2029é\\ud83d\\udcf0\"}", latin1);
        ObjectMapper mapper = new ObjectMapper();
        assertEquals(mapper.readTree(json), mapper.readTree(utf8));
        assertEquals(mapper.readTree(json), mapper.readTree(latin1));
    }

    @Test
    void escapesALoneSurrogateInJsonEvenInUtf8() {
        assertEquals("\"a\\ud800b\\udc00\"", Escape.jsonInScript("\"a\uD800b\uDC00\"", StandardCharsets.UTF_8));
        assertEquals("\"€\"", Escape.jsonInScript("\"€\"", WINDOWS_1252));
        assertEquals("\"\\u20ac\"", Escape.jsonInScript("\"€\"", LATIN1));
    }

    @Test
    void replacesOnlyWhatTheCharsetCannotHoldInAFragment() {
        assertEquals("<p class=\"x\">café &#x20AC; &#x1F4F0; &#xFFFD;</p>", Escape.fragment("<p class=\"x\">café € \uD83D\uDCF0 \uD800</p>", LATIN1));
        assertEquals("<p>€ \uD83D\uDCF0 \uFFFD \uFFFD</p>", Escape.fragment("<p>€ \uD83D\uDCF0 \uD800 \uDC00</p>", StandardCharsets.UTF_8));
        assertEquals("<b>&amp;</b>", Escape.fragment("<b>&amp;</b>", LATIN1), "markup is kept as it is");
    }
}
