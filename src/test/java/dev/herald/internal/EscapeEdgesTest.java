package dev.herald.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The edges of escaping: the first and last character of each dropped or kept range, lone
 * surrogates in charsets with and without U+FFFD, the Unicode charsets that need no references, and
 * line breaks in preformatted text.
 */
class EscapeEdgesTest {
    private static final Charset LATIN1 = StandardCharsets.ISO_8859_1;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Test
    void dropsExactlyTheControlCharacters() {
        assertEquals(" ~\u00A0", Escape.html("\u001F \u007E\u007F\u0080\u00A0", StandardCharsets.UTF_8));
        assertEquals(" ~\u00A0", Escape.html("\u001F \u007E\u007F\u0080\u00A0", LATIN1));
    }

    @Test
    void replacesEverySurrogateCodeUnitThatIsNotHalfOfAPair() {
        assertEquals("\uD7FF\uFFFD\uFFFD\uE000", Escape.html("\uD7FF\uDFFF\uD800\uE000", StandardCharsets.UTF_8));
        assertEquals("\uD83D\uDCF0", Escape.html("\uD83D\uDCF0", StandardCharsets.UTF_8));
    }

    @Test
    void writesALoneSurrogateAsAReferenceWhereTheCharsetHasNoReplacementCharacter() {
        String latin1 = Escape.html("a\uD800b\uDC00", LATIN1);
        String cp1252 = Escape.html("a\uD800b", WINDOWS_1252);

        assertEquals("a&#xFFFD;b&#xFFFD;", latin1);
        assertEquals("a&#xFFFD;b", cp1252);
        // What is escaped for the page's charset must encode in it.
        assertArrayEquals(latin1.getBytes(StandardCharsets.US_ASCII),
            new PageCharset(WINDOWS_1252, LATIN1, 0, "declared").encode(latin1));
    }

    @Test
    void unicodeCharsetsHoldEveryCharacter() {
        String text = "é€日\uD83D\uDCF0";

        for (Charset cs : new Charset[] {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, Charset.forName("UTF-32"),
            Charset.forName("GB18030")}) {
            assertEquals(text, Escape.html(text, cs), cs.name());
            assertEquals("\"" + text + "\"", Escape.jsonInScript("\"" + text + "\"", cs), cs.name());
            assertEquals("<p>" + text + "</p>", Escape.fragment("<p>" + text + "</p>", cs), cs.name());
        }
    }

    @Test
    void keepsAsciiInANarrowCharsetAsItIs() {
        assertEquals("a~ ", Escape.html("a~ ", StandardCharsets.US_ASCII));
        assertEquals("<a href=\"x\">~</a>", Escape.fragment("<a href=\"x\">~</a>", StandardCharsets.US_ASCII));
        assertEquals("\"~\u007F\"", Escape.jsonInScript("\"~\u007F\"", StandardCharsets.US_ASCII));
    }

    @Test
    void theFirstNonAsciiCharacterIsCheckedAgainstTheCharset() {
        assertEquals("\\u0080", Escape.jsonInScript("\u0080", StandardCharsets.US_ASCII));
        assertEquals("&#x80;", Escape.fragment("\u0080", StandardCharsets.US_ASCII));
    }

    @Test
    void escapesInJsonOnlyWhatTheCharsetCannotHold() {
        assertEquals("\"\u0080é\\u20ac\"", Escape.jsonInScript("\"\u0080é€\"", LATIN1));
        assertEquals("\"\u0080é€\"", Escape.jsonInScript("\"\u0080é€\"", StandardCharsets.UTF_8));
    }

    @Test
    void escapesInJsonEverySurrogateThatIsNotHalfOfAPair() {
        assertEquals("\\udc00x", Escape.jsonInScript("\uDC00x", StandardCharsets.UTF_8), "a low half first in the text");
        assertEquals("x\\ud800", Escape.jsonInScript("x\uD800", StandardCharsets.UTF_8), "a high half last in the text");
        assertEquals("\\ud800x", Escape.jsonInScript("\uD800x", StandardCharsets.UTF_8));
        assertEquals("x\\udc00", Escape.jsonInScript("x\uDC00", StandardCharsets.UTF_8));
        assertEquals("\uD83D\uDCF0", Escape.jsonInScript("\uD83D\uDCF0", StandardCharsets.UTF_8));
    }

    @Test
    void replacesLoneSurrogatesInAUtf8Fragment() {
        assertEquals("\uFFFD<b>\uD83D\uDCF0</b>\uFFFD", Escape.fragment("\uDC00<b>\uD83D\uDCF0</b>\uD800", StandardCharsets.UTF_8));
        assertEquals("&#xFFFD;<b>&#x1F4F0;</b>&#xFFFD;", Escape.fragment("\uDC00<b>\uD83D\uDCF0</b>\uD800", LATIN1));
        assertEquals("&#xFFFD;&#xFFFD;&#xE000;", Escape.fragment("\uDFFF\uD800\uE000", StandardCharsets.US_ASCII));
    }

    @Test
    void preformattedTextKeepsEachKindOfLineBreakOnceAndTrailingBreaks() {
        assertEquals("a\nb\n", Escape.preformatted("a\r\nb\n"));
        assertEquals("a b", Escape.preformatted("a\rb"), "a lone carriage return is no line break");
        assertEquals("\n&amp;\n", Escape.preformatted("\n&\n"));
    }
}
