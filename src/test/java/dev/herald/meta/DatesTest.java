package dev.herald.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The date shapes publishers write, each read to the exact instant and offset, and what is refused. */
class DatesTest {

    @ParameterizedTest
    @CsvSource({
        "2024-03-12T10:15Z,                 2024-03-12T10:15Z",
        "2024-03-12T10:15:30z,              2024-03-12T10:15:30Z",
        "2024-03-12T10:15:30.5Z,            2024-03-12T10:15:30.500Z",
        "'2024-03-12T10:15:30,123456789Z',  2024-03-12T10:15:30.123456789Z",
        "2024-03-12T10:15:30+01:00,         2024-03-12T10:15:30+01:00",
        "2024-03-12T10:15:30-0530,          2024-03-12T10:15:30-05:30",
        "2024-03-12 10:15:30+0000,          2024-03-12T10:15:30Z",
        "2024-03-12T10:15:30,               2024-03-12T10:15:30Z",
        "2024-03-12T10:15,                  2024-03-12T10:15Z",
        "2024-03-12,                        2024-03-12T00:00Z",
        "' 2024-03-12 ',                    2024-03-12T00:00Z",
        "2024-03-12T10:15:30.000+02,        2024-03-12T10:15:30+02:00",
        "1710238530,                        2024-03-12T10:15:30Z",
        "1710238530123,                     2024-03-12T10:15:30.123Z",
        "'Tue, 12 Mar 2024 10:15:30 GMT',   2024-03-12T10:15:30Z",
        "'Tue, 12 Mar 2024 10:15:30 +0100', 2024-03-12T10:15:30+01:00"})
    void readsTheShapesPublishersWrite(String text, String expected) {
        OffsetDateTime t = Dates.parse(text);
        assertEquals(OffsetDateTime.parse(expected), t, text);
        assertEquals(OffsetDateTime.parse(expected).getOffset(), t.getOffset(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "yesterday", "2024-02-30T10:00Z", "2024-13-01", "1899-12-31", "2201-01-01T00:00Z", "12345",
        "Tue, 32 Mar 2024 10:15:30 GMT", "99999999999", "2024-1-2"})
    void refusesWhatIsNotAPlausibleInstant(String text) {
        assertNull(Dates.parse(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-12T10:15:30+19:00", "2024-03-12T10:15:30+01:60", "2024-03-12T10:15:30.1234567890Z", "2024-03-12T25:00Z",
        "2024-03-12T10:15:30+1"})
    void aBrokenTimeKeepsItsDate(String text) {
        assertNull(Dates.fastIso(text), text);
        assertEquals(OffsetDateTime.parse("2024-03-12T00:00Z"), Dates.parse(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-12T10:15:30.Z", "2024-03-12T10:15:30Z+", "2024-03-12x10:15Z", "2024/03/12T10:15Z", "2024-03-12T10-15Z", "2024-03-12T10:15:3xZ",
        "2024-03-12T10:15:30", "2024-03-12T10:15:30+01:00:00"})
    void theFastReaderLeavesOddShapesToTheSlowOne(String text) {
        assertNull(Dates.fastIso(text), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Sat 9 Mar 2024 07.00 GMT|en|2024-03-09",
        "Feb. 18, 2024|en|2024-02-18",
        "March 3rd 2024|en|2024-03-03",
        "23.01.2024|de|2024-01-23",
        "6 mai 2024|fr|2024-05-06",
        "12 de marzo de 2024|es|2024-03-12",
        "14. März 2024|de|2024-03-14",
        "03/12/2024|en|2024-03-12",
        "03/12/2024|en-GB|2024-12-03",
        "03/12/2024|fr|2024-12-03",
        "03/13/2024|fr|2024-03-13",
        "13/03/2024|en|2024-03-13",
        "posted 2024-03-12 at noon|en|2024-03-12",
        "1 décembre 2024|fr|2024-12-01"})
    void readsAPrintedDate(String text, String language, String date) {
        assertEquals(OffsetDateTime.parse(date + "T00:00Z"), Dates.parseText(text, Locale.forLanguageTag(language)), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no date here", "12 Foo 2024", "31 February 2024", "1.2.3.2024", "12:03/12/2024"})
    void findsNoPrintedDateWhereThereIsNone(String text) {
        assertNull(Dates.parseText(text, Locale.ENGLISH), text);
    }

    @org.junit.jupiter.api.Test
    void readsNoPrintedDateFromNullOrOverlongText() {
        assertNull(Dates.parseText(null, Locale.ENGLISH));
        assertNull(Dates.parseText("12 March 2024 " + "x".repeat(200), Locale.ENGLISH));
        assertEquals(OffsetDateTime.parse("2024-03-12T00:00Z"), Dates.parseText("03/12/2024", null), "no language: month first");
    }
}
