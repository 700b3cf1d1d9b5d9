package dev.herald.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GraphemesTest {
    @Test
    void countsAZwjFamilyAsOne() {
        assertEquals(1, Graphemes.count("👨‍👩‍👧‍👦"));
    }

    @Test
    void countsEachFlagAsOne() {
        assertEquals(2, Graphemes.count("🇺🇸🇫🇷"));
    }

    @Test
    void countsSkinToneAndTagSequencesAsOne() {
        assertEquals(1, Graphemes.count("👍🏽"));
        assertEquals(1, Graphemes.count("🏴󠁧󠁢󠁳󠁣󠁴󠁿"));
        assertEquals(1, Graphemes.count("❤️"));
    }

    @Test
    void keepsCombiningMarksWithTheirBase() {
        assertEquals(List.of("e\u0301", "t", "e\u0301"), Graphemes.split("e\u0301te\u0301"));
    }

    @Test
    void countsAsciiPerCharExceptCrLf() {
        assertEquals(5, Graphemes.count("ab\r\nc\n"));
        assertEquals(0, Graphemes.count(""));
    }

    @Test
    void countsTheSeedsCurlyQuotesAsOneEach() {
        assertEquals(14, Graphemes.count("Iran’s “reply”"));
    }
}
