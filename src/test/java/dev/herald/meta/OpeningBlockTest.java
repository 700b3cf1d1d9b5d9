package dev.herald.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where a story's opening ends (the headline, then its standfirst, byline and dateline): the place a
 * share bar goes "after the standfirst". Each test marks the element expected to end the opening
 * with {@code id="end"}.
 */
class OpeningBlockTest {
    private static final URI PAGE = URI.create("https://news.example/2024/03/flood");
    private static final String STORY = "<p>Water rose above the kerbs on the high street before dawn, and shops stayed shut all day long. "
            + "The council opened the town hall to families whose homes flooded, and the river is still rising this evening, "
            + "with more rain forecast overnight and the bridge on the London road closed until the water goes down again.</p>";

    // The story's first paragraph is longer than 300 characters, so it is never taken for a standfirst.
    private static PageMeta read(String body) {
        return PageMeta.read("<html lang=\"en\"><head><title>Floods | News</title></head><body>" + body + "</body></html>", PAGE);
    }

    private static String endId(String body) {
        Element end = read(body).openingEnd();
        return end == null ? null : end.id();
    }

    @Test
    void aHeadlineAloneIsItsOwnOpening() {
        assertEquals("end", endId("<article><h1 id=\"end\">High street floods</h1><figure><img src=\"/a.jpg\"></figure>" + STORY + "</article>"));
    }

    @Test
    void noHeadlineNoOpening() {
        assertNull(read("<div>" + STORY + "</div>").openingEnd());
    }

    @Test
    void standfirstBylineAndDatelineFollowTheHeadline() {
        assertEquals("end", endId("<article><h1>High street floods</h1><p class=\"standfirst\">Traders count the cost.</p>"
                + "<p class=\"byline\">Ana Ruiz</p><time id=\"end\" datetime=\"2024-03-08\">8 March 2024</time>" + STORY + "</article>"));
    }

    @Test
    void theOpeningIsAtMostFourElementsAfterTheHeadline() {
        assertEquals("end", endId("<article><h1>High street floods</h1><p class=\"dek\">One.</p><p class=\"byline\">Ana Ruiz</p>"
                + "<p class=\"dateline\">London</p><time id=\"end\">8 March 2024</time><p class=\"meta\">Five</p>" + STORY + "</article>"));
    }

    @Test
    void aShortParagraphRightUnderTheHeadlineIsTheStandfirstButALongOneIsTheStory() {
        assertEquals("end", endId("<article><h1>High street floods</h1><p id=\"end\">Traders count the cost as the river breaks its banks.</p>"
                + STORY + "</article>"));
        String long301 = "<p>" + "x".repeat(301) + "</p>";
        assertEquals("end", endId("<article><h1 id=\"end\">High street floods</h1>" + long301 + STORY + "</article>"));
        String three = "<p id=\"end\">Short <b>a</b> <i>b</i> <em>c</em></p>";
        assertEquals("end", endId("<article><h1>High street floods</h1>" + three + STORY + "</article>"), "three inline children are fine");
        String four = "<p>Short <b>a</b> <i>b</i> <em>c</em> <u>d</u></p>";
        assertEquals("h", endId("<article><h1 id=\"h\">High street floods</h1>" + four + STORY + "</article>"), "four are a block of its own");
    }

    @Test
    void aShortLineIsAStandfirstOnlyRightUnderAHeadline() {
        // After a byline, an unclassed short paragraph is the story's first line, not a standfirst.
        assertEquals("end", endId("<article><h1>High street floods</h1><p id=\"end\" class=\"byline\">Ana Ruiz</p>"
                + "<p>Traders count the cost as the river breaks its banks.</p>" + STORY + "</article>"));
        assertEquals("end", endId("<article><h1>High street floods</h1><h2 id=\"end\">A short subheading here</h2>" + STORY + "</article>"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<p>By Ana Ruiz</p>", "<p>Published 8 March 2024, 09:15</p>", "<address>Ana Ruiz, London</address>",
        "<span class=\"author\">Ana Ruiz</span>", "<div class=\"chapo\">Le fleuve déborde encore.</div>"})
    void bylinesDatelinesAndNamedPartsAreOpening(String line) {
        String marked = line.replaceFirst(">", " id=\"end\">");
        assertEquals("end", endId("<article><h1>High street floods</h1><figure><img src=\"/a.jpg\"></figure></article>"
                .replace("<figure>", marked + "<figure>")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<figure><img src=\"/a.jpg\"></figure>", "<img src=\"/a.jpg\">", "<picture><img src=\"/a.jpg\"></picture>",
        "<nav><a href=\"/\">Home</a></nav>", "<aside class=\"byline\">Ana</aside>", "<div data-herald-buttons>Share</div>", "<p></p>"})
    void picturesNavigationAsidesAndExistingBarsEndTheOpening(String next) {
        assertEquals("h", endId("<article><h1 id=\"h\">High street floods</h1>" + next + STORY + "</article>"));
    }

    @Test
    void aStoryHeaderIsTheOpeningAsAWhole() {
        assertEquals("end", endId("<article><header id=\"end\"><h1>High street floods</h1></header>" + STORY + "</article>"));
        assertEquals("end", endId("<article><header><h1>High street floods</h1></header><p id=\"end\" class=\"byline\">Ana Ruiz</p>"
                + "<figure><img src=\"/a.jpg\"></figure></article>"), "the opening goes on after the header");
        assertEquals("h", endId("<article><div><h1 id=\"h\">High street floods</h1></div>" + STORY + "</article>"),
                "a plain wrapper is not a header");
    }

    @Test
    void theReadersLandmarksAreExposed() {
        PageMeta page = read("<h1>Masthead</h1><article id=\"a\"><h1 id=\"h\">High street floods</h1><div data-herald-share id=\"s\"></div>"
                + STORY + "</article><article><p>Other</p></article>");
        assertEquals(PAGE, page.pageUrl());
        assertEquals("h", page.headline().id());
        assertEquals("a", page.article().id());
        assertEquals("s", page.sharePlaceholder().id());
        assertFalse(page.hasButtonBar());
        assertEquals(1, page.ordinalOf(page.headline()), "the second h1 of the page");
        assertEquals(0, page.ordinalOf(page.article()));
        assertEquals(0, page.ordinalOf(page.sharePlaceholder()), "the first div");
        assertEquals(-1, page.ordinalOf(null));
        assertEquals(-1, page.ordinalOf(new Element("h1")), "not in the document");
        assertEquals(-1, page.ordinalOf(new Element("article")));
        assertEquals(-1, page.ordinalOf(new Element("div")));
        assertTrue(read("<article><h1>T</h1><div data-herald-buttons></div></article>").hasButtonBar());
        assertNull(read("<p>Nothing here</p>").headline());
        assertNull(read("<p>Nothing here</p>").sharePlaceholder());
        assertNull(read("<p>Nothing here</p>").article());
    }

    @Test
    void aSecondArticleHasOrdinalOne() {
        PageMeta page = read("<article><p>Teaser</p></article><article><h1>High street floods</h1>" + STORY + "</article>");
        Element second = page.headline().parent();
        assertSame(second, page.article());
        assertEquals(1, page.ordinalOf(second));
    }
}
