package dev.herald.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The formatter-free ISO-8601 reader on its own: what it reads, exactly, and each shape it leaves to
 * the slow reader (which would often reach the same answer, so only a direct test shows the fast one
 * is right); then the plausibility window, and the fast paths of locale and text clean-up.
 */
class FastIsoTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2024-03-08T06:30Z|2024-03-08T06:30Z",
        "2024-03-08T06:30z|2024-03-08T06:30Z",
        "2024-03-08 06:30Z|2024-03-08T06:30Z",
        "2024-03-08T06:30:15Z|2024-03-08T06:30:15Z",
        "2024-03-08T06:30:15.5Z|2024-03-08T06:30:15.500Z",
        "2024-03-08T06:30:15,25Z|2024-03-08T06:30:15.250Z",
        "2024-03-08T06:30:15.123456789Z|2024-03-08T06:30:15.123456789Z",
        "2024-03-08T06:30:15+01:00|2024-03-08T06:30:15+01:00",
        "2024-03-08T06:30-0130|2024-03-08T06:30-01:30",
        "2024-03-08T06:30+18:00|2024-03-08T06:30+18:00",
        "2024-03-08T06:30+00:59|2024-03-08T06:30+00:59",
        "1999-12-31T23:59:59-09:00|1999-12-31T23:59:59-09:00",
    })
    void readsTheCommonShapesExactly(String text, String expected) {
        assertEquals(OffsetDateTime.parse(expected), Dates.fastIso(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2024-03-08T06:3Z",            // 16 characters: too short for hours and minutes and a zone
        "2024-03-08T06:30",            // no zone
        "2024-03-08T06:30:1",          // a second cut short
        "2024-03-08T06:30:15.Z",       // a fraction without digits
        "2024-03-08T06:30:15.1234567890Z", // ten fraction digits
        "2024-03-08T06:30Zx",          // something after Z
        "2024-03-08T06:30+19:00",      // no offset beyond 18 hours
        "2024-03-08T06:30+01:60",      // nor a 60th minute
        "2024-03-08T06:30+01-00",      // a six-character offset needs its colon
        "2024-03-08T06:30+1:00",
        "2024-03-08T06:30+01:0",
        "2024-13-08T06:30Z",           // no 13th month
        "2024-02-30T06:30Z",
        "2O24-03-08T06:30Z",           // a letter O for a zero
        "2024-03-08T06:3/Z",           // '/' is just below '0'
        "2024-03-08T06:3:Z",           // ':' is just above '9'
    })
    void leavesEveryOtherShapeAlone(String text) {
        assertNull(Dates.fastIso(text), text);
    }

    @Test
    void onlyYears1900To2200ArePlausible() {
        assertEquals(OffsetDateTime.parse("1900-01-01T00:00Z"), Dates.parse("1900-01-01T00:00Z"));
        assertEquals(OffsetDateTime.parse("2200-12-31T23:59Z"), Dates.parse("2200-12-31T23:59Z"));
        assertNull(Dates.parse("1899-12-31T23:59Z"));
        assertNull(Dates.parse("2201-01-01T00:00Z"));
        assertEquals(OffsetDateTime.parse("1900-01-01T00:00Z"), Dates.parseText("1 January 1900", Locale.ENGLISH));
        assertNull(Dates.parseText("31 December 1899", Locale.ENGLISH));
    }

    @Test
    void unixTimesAreSecondsOrMilliseconds() {
        assertEquals(OffsetDateTime.parse("2024-03-08T06:30Z"), Dates.parse("1709879400"));
        assertEquals(OffsetDateTime.parse("2024-03-08T06:30:00.123Z"), Dates.parse("1709879400123"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"en|en", "EN|en", "en-gb|en-GB", "en_GB|en-GB", "zz-ZZ|zz-ZZ", "az-AZ|az-AZ", "AZ-az|az-AZ", "de, en|de"})
    void readsTheTwoCommonLanguageTagShapes(String tag, String expected) {
        assertEquals(Locale.forLanguageTag(expected), Locales.parse(tag), tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {"e1", "@n", "[n", "`n", "{n", "en-G1", "en-@B", "en-[B", "en-`B", "en-{B", "en-G[", "1n"})
    void aCharacterJustOutsideTheLettersIsNoLanguageTag(String tag) {
        assertNull(Locales.parse(tag), tag);
    }

    @Test
    void cleanTextIsKeptAndOnlyOddSpacingIsRewritten() {
        assertEquals("a b", Texts.clean("a b"));
        assertEquals("a b", Texts.clean("a  b"));
        assertEquals("a b", Texts.clean(" a b"));
        assertEquals("a b", Texts.clean("a b "));
        assertEquals("a b", Texts.clean("a\u001fb"));
        assertEquals("a~b", Texts.clean("a~b"));
        assertEquals("a b", Texts.clean("a\u007fb"));
        assertEquals("a b", Texts.clean("a\u00a0b"));
        assertEquals("a\u00a1b", Texts.clean("a\u00a1b"));
        assertEquals("ab", Texts.clean("a\u00adb"));
        assertNull(Texts.clean(""));
    }

    @Test
    void truncationPrefersASentenceEndInTheLastTwoFifths() {
        // max 20: a sentence may end at index 12 (20 * 3 / 5) or later.
        assertEquals("Abcdefghijkl.", Texts.truncate("Abcdefghijkl. Mnopqrstuvwxyz", 20));
        assertEquals("Abcdefghijk. Mnop…", Texts.truncate("Abcdefghijk. Mnop qrstuvwxyz", 20));
        assertEquals("Abcdefghijkl mnopqrs…", Texts.truncate("Abcdefghijkl mnopqrs tuvwxyz", 21), "a space exactly at the last place");
        assertEquals("Abcdefghijklmnopqrs…", Texts.truncate("Abcdefghijklmnopqrstuvwxyz", 20));
        assertEquals("abc", Texts.truncate("abc", 3));
    }
}
