package dev.herald.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * Which text becomes the inferred description: a standfirst found by its class, the element right
 * after the headline, or the story's first real paragraph, with each length, word-count and position
 * limit tried exactly at its edge. Every page is written for its test.
 */
class InferenceStandfirstTest {
    private static final URI PAGE = URI.create("https://news.example/2024/03/coast-road");
    private static final String H1 = "<h1>Storm closes the coast road</h1>";
    private static final String STORY = "The coast road between the harbour and the lighthouse was closed before dawn after waves "
            + "threw stones across both lanes, and the council says it will stay shut until Friday.";
    private static final String PARAGRAPH = "<p>" + STORY + "</p>";
    /** Two elements after the headline that the element-after-the-headline rule passes over, ending its look. */
    private static final String BYLINE_AND_DATE = "<div class=\"byline\">By Ana Lima</div><div class=\"date\">12 March 2024</div>";
    private static final String FIGURE = "<figure><img src=\"/photos/road.jpg\"></figure>";
    private static final String DEK = "Waves threw stones across both lanes overnight, and engineers will inspect the sea wall today.";

    private static String description(String body) {
        return PageMeta.read("<!doctype html><html lang=\"en\"><head><title>Storm closes the coast road | Coast News</title></head><body>"
                + body + "</body></html>", PAGE).inferred().description();
    }

    /** {@code text} cut or padded with " words" to exactly {@code length} characters, ending on a letter. */
    private static String ofLength(String text, int length) {
        StringBuilder sb = new StringBuilder(text);
        while (sb.length() < length) sb.append(" words");
        String s = sb.substring(0, length);
        if (s.endsWith(" ")) s = s.substring(0, length - 1) + "x";
        assertEquals(length, s.length());
        return s;
    }

    // ---- a standfirst found by its class ----

    @Test
    void aStandfirstFortyElementsAfterTheHeadlineOfAPageWithoutArticleIsTheDescription() {
        String between = "<div>" + "<span>x</span>".repeat(38) + "</div>";
        assertEquals(DEK, description("<div class=\"story\">" + H1 + between + "<div class=\"standfirst\">" + DEK + "</div>" + PARAGRAPH + "</div>"));
    }

    @Test
    void aStandfirstFortyOneElementsAfterTheHeadlineOfAPageWithoutArticleIsNot() {
        String between = "<div>" + "<span>x</span>".repeat(39) + "</div>";
        assertEquals(STORY, description("<div class=\"story\">" + H1 + between + "<div class=\"standfirst\">" + DEK + "</div>" + PARAGRAPH + "</div>"));
    }

    @Test
    void aStandfirstInAFigureOrASidebarGivesWayToTheStorysStandfirst() {
        String caption = "A lorry stranded on the coast road after the storm, photographed by a reader on Tuesday morning.";
        String sidebar = "Read our guide to what to do when the coast road closes and how to get to the harbour instead.";
        assertEquals(DEK, description("<article>" + H1 + BYLINE_AND_DATE
                + "<figure><img src=\"/photos/lorry.jpg\"><div class=\"summary\">" + caption + "</div></figure>"
                + "<aside><div class=\"summary\">" + sidebar + "</div></aside>"
                + "<div class=\"standfirst\">" + DEK + "</div>" + PARAGRAPH + "</article>"));
    }

    @Test
    void aStandfirstOfFortyCharactersIsTheDescription() {
        String dek = "Waves threw stones across all the lanes.";
        assertEquals(40, dek.length());
        assertEquals(dek, description("<article>" + H1 + BYLINE_AND_DATE + "<div class=\"standfirst\">" + dek + "</div>" + PARAGRAPH + "</article>"));
    }

    @Test
    void aStandfirstOfSixHundredCharactersIsTheDescriptionCutToItsLimit() {
        String dek = ofLength(DEK, 600);
        assertEquals(Texts.truncate(dek, Inference.DESCRIPTION_MAX),
                description("<article>" + H1 + BYLINE_AND_DATE + "<div class=\"standfirst\">" + dek + "</div>" + PARAGRAPH + "</article>"));
    }

    @Test
    void aStandfirstOfSixWordsIsTheDescription() {
        String dek = "Harbourside engineers inspect battered seawalls overnight";
        assertEquals(dek, description("<article>" + H1 + BYLINE_AND_DATE + "<div class=\"standfirst\">" + dek + "</div>" + PARAGRAPH + "</article>"));
    }

    @Test
    void aStandfirstRepeatingTheHeadlineIsNotTheDescription() {
        String headline = "Storm closes the coast road for the whole of the week";
        assertEquals(STORY, description("<article><h1>" + headline + "</h1>" + BYLINE_AND_DATE + "<p class=\"standfirst\">" + headline.toUpperCase()
                + "</p>" + PARAGRAPH + "</article>"));
    }

    @Test
    void aStandfirstThatIsAnAdvertisementOrABylineIsNotTheDescription() {
        assertEquals(DEK, description("<article>" + H1 + BYLINE_AND_DATE
                + "<p class=\"intro\">Advertisement: the best waterproof coats for a stormy week on the coast</p>"
                + "<p class=\"intro\">By Ana Lima, coast correspondent, reporting from the harbour town this morning</p>"
                + "<div class=\"standfirst\">" + DEK + "</div>" + PARAGRAPH + "</article>"));
    }

    // ---- the element right after the headline ----

    @Test
    void theElementAfterTheHeadlinesOnlyChildWrapperIsTheDescription() {
        String dek = ofLength("Waves threw stones across both lanes of the road", 55);
        assertEquals(dek, description("<div class=\"head\">" + H1 + "</div><p>" + dek + "</p>" + PARAGRAPH));
    }

    @Test
    void theElementAfterAWrapperThatHoldsMoreThanTheHeadlineIsNotTheDescription() {
        String dek = ofLength("Waves threw stones across both lanes of the road", 55);
        assertEquals(STORY, description("<div class=\"head\"><a href=\"/weather\">Weather</a>" + H1 + "</div><p>" + dek + "</p>" + PARAGRAPH));
    }

    @Test
    void theSecondElementAfterTheHeadlineMayBeTheDescriptionButNotTheThird() {
        String dek = ofLength("Waves threw stones across both lanes of the road", 55);
        assertEquals(dek, description(H1 + "<div class=\"byline\">By Ana Lima</div><p>" + dek + "</p>" + PARAGRAPH));
        assertEquals(STORY, description(H1 + BYLINE_AND_DATE + "<p>" + dek + "</p>" + PARAGRAPH));
    }

    @Test
    void anElementAfterTheHeadlineWithThreeChildrenIsTheDescriptionButNotOneWithFour() {
        String three = "<div>Waves threw <b>stones</b> across both <i>lanes</i> of the road, and <em>engineers</em> will inspect it.</div>";
        assertEquals("Waves threw stones across both lanes of the road, and engineers will inspect it.", description(H1 + three + PARAGRAPH));
        String four = "<div>Waves threw <b>stones</b> across both <i>lanes</i> of the road, and <em>engineers</em> will <u>inspect</u> it.</div>";
        assertEquals(STORY, description(H1 + four + PARAGRAPH));
    }

    @Test
    void anElementAfterTheHeadlineOfFiftyCharactersIsTheDescription() {
        String dek = ofLength("Waves threw stones across both lanes of the road", 50);
        assertEquals(dek, description(H1 + "<div>" + dek + "</div>" + PARAGRAPH));
    }

    @Test
    void anElementAfterTheHeadlineOfFourHundredCharactersIsTheDescriptionCutToItsLimit() {
        String dek = ofLength(DEK, 400);
        assertEquals(Texts.truncate(dek, Inference.DESCRIPTION_MAX), description(H1 + "<div>" + dek + "</div>" + PARAGRAPH));
    }

    @Test
    void anElementAfterTheHeadlineOfEightWordsIsTheDescription() {
        String dek = "Harbourside engineers inspect battered seawalls overnight after storms";
        assertEquals(dek, description(H1 + "<div>" + dek + "</div>" + PARAGRAPH));
    }

    @Test
    void anElementAfterTheHeadlineAThirdOfWhichIsLinkTextIsTheDescription() {
        String plain = ofLength("Waves threw stones across both lanes of the road overnight", 40);
        String linked = ofLength("Harbour engineers on call", 20);
        String text = plain + linked;
        assertEquals(60, text.length());
        assertEquals(text, description(H1 + "<div>" + plain + "<a href=\"/engineers\">" + linked + "</a></div>" + PARAGRAPH));
    }

    // ---- the first real paragraph ----

    @Test
    void aParagraphInTheArticleBodyWinsOverAnEarlierOneElsewhereInTheArticle() {
        String other = "<p>Our coast reporters have followed the storm along the northern shore since it arrived on Monday night.</p>";
        assertEquals(STORY, description("<article>" + H1 + FIGURE + other + "<div class=\"article-body\">" + PARAGRAPH + "</div></article>"));
    }

    @Test
    void aParagraphInTheStorysArticleWinsOverAnEarlierOneOutsideIt() {
        String loose = "<p>Our coast reporters have followed the storm along the northern shore since it arrived on Monday night.</p>";
        assertEquals(STORY, description(H1 + FIGURE + loose + "<article>" + PARAGRAPH + "</article>"));
    }

    @Test
    void aParagraphAfterTheHeadlineWinsOverOneBeforeIt() {
        String before = "<p>Our coast reporters have followed the storm along the northern shore since it arrived on Monday night.</p>";
        assertEquals(STORY, description(before + H1 + FIGURE + PARAGRAPH));
    }

    @Test
    void aCaptionParagraphIsNotTheDescription() {
        assertEquals(STORY, description(H1 + "<figure><img src=\"/photos/road.jpg\"><figcaption><p>A lorry stranded on the coast road after "
                + "the storm, photographed by a reader on Tuesday morning.</p></figcaption></figure>" + PARAGRAPH));
    }

    @Test
    void aSidebarParagraphIsTheDescriptionOnlyWhenThePageHasNoOther() {
        assertEquals(STORY, description(H1 + FIGURE + "<aside>" + PARAGRAPH + "</aside>"));
    }

    @Test
    void aPageWithoutAnyParagraphHasNoDescription() {
        assertNull(description("<article>" + H1 + FIGURE + "</article>"));
    }

    @Test
    void aParagraphOfSixtyCharactersIsTheDescription() {
        String p = ofLength("Waves threw stones across both lanes of the road overnight", 60);
        assertEquals(p, description(H1 + FIGURE + "<p>" + p + "</p>" + PARAGRAPH));
    }

    @Test
    void aParagraphOfEightWordsIsTheDescription() {
        String p = "Harbourside engineers inspect battered seawalls overnight after thunderstorms";
        assertEquals(p, description(H1 + FIGURE + "<p>" + p + "</p>" + PARAGRAPH));
    }

    @Test
    void paragraphsAboutCookiesAreNotTheDescription() {
        assertEquals(STORY, description(H1 + FIGURE
                + "<p>This site stores a small cookie on your device; press accept to continue reading the story.</p>"
                + "<p>Your consent lets us store a cookie on your device so that we can count the readers of this story.</p>"
                + "<p>To count readers we use a cookie on your device, which you can remove at any time in your browser.</p>"
                + PARAGRAPH));
    }

    @Test
    void aParagraphSixTenthsOfWhichIsLinkTextIsTheDescription() {
        String plain = ofLength("Waves threw stones across both lanes of the road overnight", 40);
        String linked = ofLength("Harbour engineers on call through the night at the sea wall", 60);
        assertEquals(plain + linked, description(H1 + FIGURE + "<p>" + plain + "<a href=\"/engineers\">" + linked + "</a></p>" + PARAGRAPH));
    }

    @Test
    void aParagraphOpeningWithByIsABylineOnlyWhenShorterThan120Characters() {
        String byline = "By Ana Lima and Max Berger, coast correspondents, reporting from the harbour town";
        assertEquals(STORY, description(H1 + FIGURE + "<p>" + byline + "</p>" + PARAGRAPH));
        String sentence = ofLength("By the time the ferry reached the harbour the waves had already thrown stones across the coast road", 120);
        assertEquals(sentence, description(H1 + FIGURE + "<p>" + sentence + "</p>" + PARAGRAPH));
    }
}
