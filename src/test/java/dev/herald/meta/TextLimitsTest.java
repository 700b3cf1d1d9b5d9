package dev.herald.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The edges of the small text rules: where a shortened text is cut (sentence window, word boundary,
 * long word, trailing punctuation), how long a byline may be, and how field names are spelled in JSON.
 */
class TextLimitsTest {
    @Test
    void aSentenceEndingAtThreeFifthsOfTheLimitIsWhereTheTextIsCut() {
        // limit 10: the window for a sentence end is characters 6 to 9; the full stop is at 6.
        assertEquals("Abcdef.", Texts.truncate("Abcdef. ghijklmnop", 10));
    }

    @Test
    void aSentenceEndingJustPastTheLimitIsNotKept() {
        String cut = Texts.truncate("Abcdefghi. jkl", 9);
        assertEquals("Abcdefgh…", cut);
    }

    @Test
    void aSentenceEndingBeforeThreeFifthsOfTheLimitIsNotWhereTheTextIsCut() {
        // limit 12: the full stop at 3 lies before the window (7 to 11), and no space lies after 6, so the word is cut.
        assertEquals("Abc. defghi…", Texts.truncate("Abc. defghij klmnopq", 12));
    }

    @Test
    void aFullStopInsideAWordIsNoSentenceEnd() {
        assertEquals("Abc defgh.i…", Texts.truncate("Abc defgh.ij klmnopqrstu", 12));
    }

    @Test
    void aLongWordIsCutOneCharacterShortOfTheLimitToLeaveRoomForTheEllipsis() {
        String cut = Texts.truncate("abcdefghijklmnop", 10);
        assertEquals("abcdefghi…", cut);
        assertEquals(10, cut.length());
    }

    @Test
    void aCommaBeforeTheCutIsDropped() {
        assertEquals("Abc defgh…", Texts.truncate("Abc defgh, ijklmnopqrstu", 14));
    }

    @Test
    void aBylineOfTwoHundredCharactersIsReadButALongerOneIsNot() {
        String byline = "Ana Lima" + ", Ana Lima".repeat(18) + ", Max Berger";
        assertEquals(200, byline.length());
        assertEquals(List.of("Ana Lima", "Max Berger"), Bylines.split(byline));
        assertEquals(List.of(), Bylines.split(byline + "s"));
    }

    @Test
    void fieldNamesAreSpelledInCamelCaseInJson() {
        assertEquals("title", MetaField.TITLE.jsonName());
        assertEquals("siteName", MetaField.SITE_NAME.jsonName());
        assertEquals("publishedTime", MetaField.PUBLISHED_TIME.jsonName());
    }
}
