package dev.herald.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The small text readers behind inference, each pinned to exact outputs: clean-up, truncation, keywords, bylines, languages, X handles. */
class TextRulesTest {

    // ---- Texts ----

    @Test
    void cleanCollapsesEveryKindOfSpaceAndDropsInvisibles() {
        assertEquals("a b c d", Texts.clean(" a \t\n b\u00A0\u2003c\u0007d "));
        assertEquals("coop zero", Texts.clean("co\u00ADop zero\u200B\uFEFF"), "soft hyphen, zero-width space and stray BOM go");
        // Joiners stay: they hold emoji sequences and scripts together (issue 10: a family is one person, not four).
        assertEquals("zero\u200C\u200D", Texts.clean("zero\u200C\u200D"));
        assertNull(Texts.clean(" \u00A0\u200B "));
        assertNull(Texts.clean(""));
        assertNull(Texts.clean(null));
    }

    @Test
    void cleanUnescapesEntitiesEscapedTwiceAndLeavesAmpersandsAlone() {
        assertEquals("Tom & Jerry", Texts.clean("Tom &amp; Jerry"));
        assertEquals("café é", Texts.clean("caf&#233; &#xE9;"));
        assertEquals("AT&T & co", Texts.clean("AT&T & co"));
    }

    @Test
    void cleanReturnsAnAlreadyCleanValueAsItIs() {
        String clean = "Already clean, with one space — and a dash";
        assertSame(clean, Texts.clean(clean));
        assertEquals("a b", Texts.clean("a  b"));
        assertEquals("a", Texts.clean("a "));
        assertEquals("a", Texts.clean(" a"));
        assertEquals("a\u00E9", Texts.clean("a\u00E9"));
    }

    @Test
    void truncateEndsAtASentenceInTheLastPartOfTheAllowance() {
        assertEquals("First sentence here.", Texts.truncate("First sentence here. Second sentence goes on and on", 30));
        assertEquals("Short! More", Texts.truncate("Short! More", 11));
        assertEquals("Hi. A longer second…", Texts.truncate("Hi. A longer second sentence follows", 21), "a sentence end too early is not used");
    }

    @Test
    void truncateOtherwiseCutsAtAWordWithAnEllipsis() {
        assertEquals("alpha beta gamma…", Texts.truncate("alpha beta gamma delta epsilon", 20));
        assertEquals("alpha beta…", Texts.truncate("alpha beta, gamma delta", 12), "trailing punctuation goes");
        assertEquals("abcdefghi…", Texts.truncate("abcdefghijklmnopqrstuvwxyz", 10), "no space in the second half: a hard cut");
        assertEquals("abcdefgh…", Texts.truncate("abcdefgh\uD83D\uDCF0xyz", 10), "never half a surrogate pair");
        assertEquals("exactly ten", Texts.truncate("exactly ten", 11));
        assertNull(Texts.truncate(null, 10));
    }

    @Test
    void wordsCountsRunsOfNonSpace() {
        assertEquals(3, Texts.words("a  b c"));
        assertEquals(1, Texts.words(" a "));
        assertEquals(0, Texts.words(""));
    }

    // ---- Keywords ----

    @Test
    void splitsOnCommasElseSemicolons() {
        assertEquals(List.of("politics", "world"), Keywords.split(List.of("politics; world")));
        assertEquals(List.of("a", "b; c"), Keywords.split(List.of("a, b; c")));
        assertEquals(List.of("floods", "rain"), Keywords.split(Arrays.asList("floods", null, "rain")));
    }

    @Test
    void dropsDuplicatesInAnyCaseAndCmsPrefixes() {
        assertEquals(List.of("Floods"), Keywords.split(List.of("Floods, floods, FLOODS")));
        assertEquals(List.of("politics", "World", "Tag:Upper"), Keywords.split(List.of("tag:politics, section_name:World, Tag:Upper")));
        assertEquals(List.of("abcdefghijklmnopqrs:x".substring(20)), Keywords.split(List.of("abcdefghijklmnopqrs:x")));
        assertEquals(List.of("abcdefghijklmnopqrst:x"), Keywords.split(List.of("abcdefghijklmnopqrst:x")), "a prefix is short");
        assertEquals(List.of("tag:"), Keywords.split(List.of("tag:")));
    }

    @Test
    void keepsAtMostThirtyTagsOfAtMostEightyCharacters() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 35; i++) many.add("tag" + i);
        assertEquals(30, Keywords.split(many).size());
        assertEquals(List.of("x".repeat(80)), Keywords.split(List.of("x".repeat(80) + ", " + "y".repeat(81))));
    }

    @Test
    void readsJsonLdKeywordsAsAListOrAnArray() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals(List.of("a", "1"), Keywords.fromJson(json.readTree("[\"a\", 1, {\"x\": 1}]")));
        assertEquals(List.of("a", "b"), Keywords.fromJson(json.readTree("\"a, b\"")));
        assertEquals(List.of(), Keywords.fromJson(json.readTree("{\"a\": 1}")));
        assertEquals(List.of(), Keywords.fromJson(null));
    }

    // ---- Bylines ----

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        "By Jane Doe and John Roe | Updated 5 March#Jane Doe;John Roe",
        "Jane Doe, Staff Writer#Jane Doe",
        "Jane Doe – Political Correspondent#Jane Doe",
        "Von Anna Schmidt und Peter Müller#Anna Schmidt;Peter Müller",
        "Par Marie Dupont et Luc Martin#Marie Dupont;Luc Martin",
        "Por Ana Lima y Juan Pérez#Ana Lima;Juan Pérez",
        "Written by Sam Okafor & Lee Chan#Sam Okafor;Lee Chan",
        "Ana Lima; Ana Lima#Ana Lima",
        "author: Ana Lima • 5 min read#Ana Lima"})
    void splitsABylineIntoNames(String byline, String names) {
        assertEquals(List.of(names.split(";")), Bylines.split(byline));
    }

    @Test
    void aTextThatIsNoBylineHasNoNames() {
        assertEquals(List.of(), Bylines.split(null));
        assertEquals(List.of(), Bylines.split("x ".repeat(101)));
        assertEquals(List.of(), Bylines.split("Updated 5 minutes ago"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5 minutes ago", "Updated now", "@ana", "Jo", "Who?", "Hi!", "a/b", "(Ana Lima)", "one two three four five six",
        "Share this story", "Read more"})
    void cleanNameRefusesWhatIsNotAName(String s) {
        assertNull(Bylines.cleanName(s), s);
    }

    @Test
    void cleanNameKeepsANameOfThreeToSixtyCharactersAndUpToFiveWords() {
        assertEquals("Abe", Bylines.cleanName("Abe"));
        assertEquals("Ana Lima", Bylines.cleanName("— Ana Lima, "));
        assertEquals("Ana Lima", Bylines.cleanName("By: Ana Lima"));
        assertEquals("Ana Maria de la Cruz", Bylines.cleanName("Ana Maria de la Cruz"));
        assertEquals("A".repeat(60), Bylines.cleanName("A".repeat(60)));
        assertNull(Bylines.cleanName("A".repeat(61)));
        assertNull(Bylines.cleanName(null));
    }

    // ---- Locales ----

    @ParameterizedTest
    @CsvSource({"en,en", "EN,en", "en_gb,en-GB", "'en-GB, fr',en-GB", "' de-at ',de-AT", "zh-Hant-TW,zh-Hant-TW", "de-CH-1996,de-CH-1996", "fil,fil"})
    void readsLanguageTagsAsPagesWriteThem(String tag, String expected) {
        assertEquals(expected, Locales.parse(tag).toLanguageTag());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "x", "e1", "123", "en-", "en-12", "en--gb", "toolonglanguage"})
    void refusesWhatIsNotALanguageTag(String tag) {
        assertNull(Locales.parse(tag), tag);
    }

    @Test
    void refusesNullAndOverlongTags() {
        assertNull(Locales.parse(null));
        assertNull(Locales.parse("en-" + "abcdefgh-".repeat(4)));
        assertEquals(new Locale("en", "GB"), Locales.parse("en-gb"));
    }

    // ---- Handles ----

    @ParameterizedTest
    @CsvSource({"@herald,@herald", "herald,@herald", "' @h ',@h", "https://twitter.com/herald,@herald", "https://x.com/@herald/?s=1,@herald",
        "http://mobile.twitter.com/herald#top,@herald", "https://www.x.com/herald_news,@herald_news", "HTTPS://X.COM/Herald,@Herald",
        "@abcdefghijklmno,@abcdefghijklmno"})
    void readsAnXHandle(String s, String handle) {
        assertEquals(handle, Handles.parse(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://mastodon.social/@herald", "@abcdefghijklmnop", "a b", "https://x.com/herald/status/1", "@", "he-rald"})
    void refusesWhatIsNotAnXHandle(String s) {
        assertNull(Handles.parse(s), s);
    }

    @Test
    void refusesNoHandle() {
        assertNull(Handles.parse(null));
    }
}
