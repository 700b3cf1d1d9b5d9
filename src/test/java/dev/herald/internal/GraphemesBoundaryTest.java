package dev.herald.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Cluster boundaries at and around an index, and CR LF pairs where the ASCII count meets the text's ends. */
class GraphemesBoundaryTest {
    private static final String TEXT = "e\u0301x\uD83D\uDC4D\uD83C\uDFFDy"; // é as two chars, x, 👍🏽 as four chars, y

    @Test
    void anIndexWhereAClusterStartsIsItsOwnBoundary() {
        assertEquals(2, Graphemes.boundaryAtOrBefore(TEXT, 2));
        assertEquals(3, Graphemes.boundaryAtOrBefore(TEXT, 3));
        assertEquals(7, Graphemes.boundaryAtOrBefore(TEXT, 7));
    }

    @Test
    void anIndexInsideAClusterFallsBackToItsStart() {
        assertEquals(0, Graphemes.boundaryAtOrBefore(TEXT, 1));
        assertEquals(3, Graphemes.boundaryAtOrBefore(TEXT, 4));
        assertEquals(3, Graphemes.boundaryAtOrBefore(TEXT, 6));
    }

    @Test
    void indexesOutsideTheTextAreClampedToItsEnds() {
        assertEquals(0, Graphemes.boundaryAtOrBefore(TEXT, 0));
        assertEquals(0, Graphemes.boundaryAtOrBefore(TEXT, -5));
        assertEquals(TEXT.length(), Graphemes.boundaryAtOrBefore(TEXT, TEXT.length()));
        assertEquals(TEXT.length(), Graphemes.boundaryAtOrBefore(TEXT, 99));
        assertEquals(0, Graphemes.boundaryAtOrBefore("", 1));
    }

    @Test
    void aLineFeedFirstOrALoneCarriageReturnIsAClusterOfItsOwn() {
        assertEquals(2, Graphemes.count("\nx"));
        assertEquals(2, Graphemes.count("\n\r"));
        assertEquals(1, Graphemes.count("\r\n"));
        assertEquals(2, Graphemes.count("\r\n\n"));
    }

    @Test
    void countsCrLfAsOneInNonAsciiTextToo() {
        assertEquals(3, Graphemes.count("\r\né\u0080"));
        assertEquals(2, Graphemes.count("\u007F\u0080"));
    }
}
