package dev.herald.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URI;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The scores behind inference's choices of lead image and headline, one weight per test: each page
 * holds two candidates whose scores differ by exactly what the weight under test adds, so the choice
 * flips if that weight changes. Every page is written for its test.
 */
class InferenceScoringTest {
    private static final URI PAGE = URI.create("https://news.example/2024/03/coast-road");
    private static final String H1 = "<h1>Storm closes the coast road</h1>";
    private static final String PARAGRAPH = "<p>The coast road between the harbour and the lighthouse was closed before dawn after waves "
            + "threw stones across both lanes, and the council says it will stay shut until Friday.</p>";
    /** Before the headline, outside any story, 400 pixels wide: scores 2. */
    private static final String WIDE = "<div><img src=\"/photos/wide.jpg\" width=\"400\" height=\"300\"></div>";

    private static PageMeta read(String title, String body) {
        return PageMeta.read("<!doctype html><html lang=\"en\"><head><title>" + title + "</title></head><body>" + body + "</body></html>", PAGE);
    }

    private static String leadImage(String body) {
        ImageMeta image = read("Storm closes the coast road | Coast News", body).inferred().image();
        return image == null ? null : image.url().getPath();
    }

    private static String title(String pageTitle, String body) {
        return read(pageTitle, body).inferred().title();
    }

    // ---- lead image ----

    @Test
    void aWideImageBeforeTheHeadlineWinsOverAPlainOneAfterIt() {
        assertEquals("/photos/wide.jpg", leadImage(WIDE + H1 + "<div><img src=\"/photos/after.jpg\"></div>" + PARAGRAPH));
    }

    @Test
    void anImageInAnotherArticleLosesToAWideImageOutsideAny() {
        assertEquals("/photos/wide.jpg", leadImage(WIDE + "<main><article>" + H1 + PARAGRAPH + "</article>"
                + "<article class=\"teaser\"><h2>Harbour wall repairs begin</h2><img src=\"/photos/teaser.jpg\"></article></main>"));
    }

    @Test
    void anImageInTheStorysArticleWinsOverAWideImageOutsideIt() {
        assertEquals("/photos/story.jpg", leadImage(WIDE + "<article>" + H1 + "<div><img src=\"/photos/story.jpg\"></div>" + PARAGRAPH + "</article>"));
    }

    @Test
    void anImageInTheArticleBodyWinsOverAWideImageOutsideIt() {
        assertEquals("/photos/body.jpg", leadImage(WIDE + H1 + "<div class=\"article-body\"><div><img src=\"/photos/body.jpg\"></div>" + PARAGRAPH + "</div>"));
    }

    @Test
    void aFigureWinsOverAWideImageOutsideIt() {
        assertEquals("/photos/figure.jpg", leadImage(WIDE + H1 + "<figure><img src=\"/photos/figure.jpg\"></figure>" + PARAGRAPH));
    }

    @Test
    void anImageAfterTheHeadlineWinsOverOneBeforeIt() {
        assertEquals("/photos/after.jpg", leadImage("<div><img src=\"/photos/before.jpg\"></div>" + H1
                + "<div><img src=\"/photos/after.jpg\"></div>" + PARAGRAPH));
    }

    @Test
    void onAPageWithoutAHeadlineAPlainImageIsTheLeadImage() {
        assertEquals("/photos/only.jpg", leadImage("<div><img src=\"/photos/only.jpg\"></div>" + PARAGRAPH));
    }

    @Test
    void aWideImageInTheSitesHeaderLosesToAPlainOneAfterTheHeadline() {
        assertEquals("/photos/after.jpg", leadImage("<header><img src=\"/photos/header.jpg\" width=\"600\" height=\"200\"></header>"
                + H1 + "<div><img src=\"/photos/after.jpg\"></div>" + PARAGRAPH));
    }

    @Test
    void theFirstImageGoodEnoughEndsTheSearch() {
        assertEquals("/photos/first.jpg", leadImage(H1 + "<figure><img src=\"/photos/first.jpg\"></figure>"
                + "<div class=\"article-body\"><figure><img src=\"/photos/second.jpg\"></figure>" + PARAGRAPH + "</div>"));
    }

    @Test
    void ofTwoEquallyPlainImagesTheFirstIsTheLeadImage() {
        assertEquals("/photos/first.jpg", leadImage(H1 + "<div><img src=\"/photos/first.jpg\"></div><div><img src=\"/photos/second.jpg\"></div>" + PARAGRAPH));
    }

    @Test
    void anImageLinkInTheHeadIsTheLeadImage() {
        ImageMeta image = PageMeta.read("<html><head><title>Storm</title><link rel=\"image_src\" href=\"/photos/linked.png\"></head><body>"
                + H1 + "<figure><img src=\"/photos/figure.jpg\"></figure>" + PARAGRAPH + "</body></html>", PAGE).inferred().image();
        assertEquals(URI.create("https://news.example/photos/linked.png"), image.url());
        assertEquals("image/png", image.type());
    }

    @Test
    void aPlaceholderWithoutARealSourceIsNoImage() {
        assertNull(leadImage(H1 + "<figure><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"></figure>" + PARAGRAPH));
    }

    @Test
    void aPicturesWidestJpegSourceIsTheImageAndAWebpOnlySourceIsPassedOver() {
        assertEquals("/p/large.jpg", leadImage(H1 + "<figure><picture><source type=\"image/webp\" srcset=\"/p/huge.webp 2400w\">"
                + "<source type=\"image/jpeg\" srcset=\"/p/small.jpg 400w, /p/large.jpg 1200w\"><img src=\"/p/fallback.jpg\"></picture></figure>" + PARAGRAPH));
    }

    @Test
    void aPicturesUntypedLazySourceIsReadFromItsDataSrcset() {
        assertEquals("/p/lazy.jpg", leadImage(H1 + "<figure><picture><source data-srcset=\"/p/lazy.jpg 1000w\" srcset=\"/p/tiny.jpg 10w\">"
                + "<img src=\"/p/fallback.jpg\"></picture></figure>" + PARAGRAPH));
    }

    @Test
    void aPictureWhoseSourcesOfferNothingFallsBackToTheImgSource() {
        assertEquals("/p/fallback.jpg", leadImage(H1 + "<figure><picture><source type=\"image/avif\" srcset=\"/p/a.avif 900w\">"
                + "<source type=\"image/png\" srcset=\"\"><img src=\"/p/fallback.jpg\"></picture></figure>" + PARAGRAPH));
    }

    @Test
    void aSrcsetWithATrailingCommaIsRead() {
        assertEquals("/p/large.jpg", leadImage(H1 + "<figure><img srcset=\"/p/small.jpg 400w, /p/large.jpg 1200w, \"></figure>" + PARAGRAPH));
    }

    @Test
    void aSrcsetWhoseLastCandidateHasNoDescriptorIsRead() {
        assertEquals("/p/large.jpg", leadImage(H1 + "<figure><img srcset=\"/p/large.jpg 1200w, /p/plain.jpg\"></figure>" + PARAGRAPH));
    }

    @Test
    void ofSrcsetCandidatesWithoutDescriptorsTheFirstWins() {
        assertEquals("/p/a.jpg", leadImage(H1 + "<figure><img srcset=\"/p/a.jpg, /p/b.jpg\"></figure>" + PARAGRAPH));
    }

    @Test
    void aDensityDescriptorCountsAsAThousandPixelsPerUnit() {
        assertEquals("/p/retina.jpg", leadImage(H1 + "<figure><img srcset=\"/p/wide.jpg 1500w, /p/retina.jpg 2x\"></figure>" + PARAGRAPH));
    }

    @Test
    void ofTwoEquallyWideSrcsetCandidatesTheFirstWins() {
        assertEquals("/p/a.jpg", leadImage(H1 + "<figure><img srcset=\"/p/a.jpg 800w, /p/b.jpg 800w\"></figure>" + PARAGRAPH));
    }

    @Test
    void aSrcsetIsReadOnlyForItsFirstFiftyCandidates() {
        StringBuilder srcset = new StringBuilder();
        for (int i = 1; i <= 50; i++) srcset.append("/p/c").append(i).append(".jpg ").append(100 + i).append("w, ");
        srcset.append("/p/c51.jpg 9000w");
        assertEquals("/p/c50.jpg", leadImage(H1 + "<figure><img srcset=\"" + srcset + "\"></figure>" + PARAGRAPH));
    }

    // ---- headline ----

    @Test
    void aThreeLetterHeadlineIsAHeadline() {
        assertEquals("War", title("Coast News front page", "<article><h1>War</h1>" + PARAGRAPH + "</article>"));
    }

    @Test
    void aHeadlineOfThreeHundredCharactersIsAHeadline() {
        String long300 = ("Storm closes the coast road " + "and more ".repeat(40)).substring(0, 299) + "x";
        assertEquals(300, long300.length());
        assertEquals(long300, title("Coast News front page", "<article><h1>" + long300 + "</h1>" + PARAGRAPH + "</article>"));
    }

    @Test
    void ofTwoH1sTheOneThePageTitleRepeatsIsTheHeadline() {
        assertEquals("Storm closes the coast road", title("Storm closes the coast road | Coast News",
                "<h1>Weekend weather outlook</h1>" + H1 + PARAGRAPH));
    }

    @Test
    void ofTwoH1sTheOneClassedAsAHeadlineIsTheHeadline() {
        assertEquals("Storm closes the coast road", title("Coast News",
                "<h1>Weekend weather outlook</h1><h1 class=\"article-headline\">Storm closes the coast road</h1>" + PARAGRAPH));
    }

    @Test
    void anH1ClassedAsTheBrandIsNotTheHeadline() {
        assertEquals("Storm closes the coast road", title("Coast News",
                "<h1 class=\"brand\">Harbour Daily Record</h1>" + H1 + PARAGRAPH));
    }

    @Test
    void aOneWordH1LosesToALaterTwoWordOne() {
        assertEquals("Storm warning", title("Coast News", "<h1>Weather</h1><h1>Storm warning</h1>" + PARAGRAPH));
    }

    @Test
    void ofTwoEquallyGoodH1sTheFirstIsTheHeadline() {
        assertEquals("Weekend weather outlook", title("Coast News", "<h1>Weekend weather outlook</h1>" + H1 + PARAGRAPH));
    }

    @Test
    void anH1InsideTheStorysShareBlockIsStillItsHeadlineWhenThereIsNoOther() {
        assertEquals("Storm closes the coast road", title("Coast News", "<article><div class=\"social\">" + H1 + "</div>" + PARAGRAPH + "</article>"));
    }

    @Test
    void aSubheadingOfTheTenCharacterPageTitleIsTheHeadlineWhenThereIsNoH1() {
        Element h = read("Road works", "<div><h2>Road works</h2>" + PARAGRAPH + "</div>").headline();
        assertEquals("Road works", h == null ? null : h.text());
    }

    @Test
    void aDivClassedAsTheHeadlineIsTheHeadlineWhenThereIsNoH1() {
        Element h = read("Coast News", "<div class=\"story\"><div class=\"headline\">Storm closes the coast road</div>" + PARAGRAPH + "</div>").headline();
        assertEquals("div", h == null ? null : h.normalName());
    }

    @Test
    void anH6ClassedAsTheHeadlineIsTheHeadlineWhenThereIsNoH1() {
        Element h = read("Coast News", "<div class=\"story\"><h6 class=\"entry-title\">Storm closes the coast road</h6>" + PARAGRAPH + "</div>").headline();
        assertEquals("h6", h == null ? null : h.normalName());
    }

    @Test
    void aParagraphClassedAsTheHeadlineIsNotTheHeadline() {
        assertNull(read("Coast News", "<div class=\"story\"><p class=\"headline\">Storm closes the coast road</p>" + PARAGRAPH + "</div>").headline());
    }

    // ---- the story's container ----

    @Test
    void withTheHeadlineOutsideAnyArticleTheArticleHoldingMostParagraphsIsTheStory() {
        PageMeta page = read("Coast News", H1 + "<article class=\"a\">" + PARAGRAPH + "<aside>" + PARAGRAPH + PARAGRAPH + "</aside></article>"
                + "<article class=\"b\">" + PARAGRAPH + PARAGRAPH + "</article>");
        assertEquals("b", page.article().className());
    }

    @Test
    void withTheHeadlineOutsideTheOnlyArticleThatArticleIsTheStoryEvenWithoutParagraphs() {
        PageMeta page = read("Coast News", H1 + "<article class=\"only\"><div>Waves threw stones across both lanes.</div></article>");
        assertEquals("only", page.article().className());
    }

    @Test
    void aStandfirstBetweenAnOutsideHeadlineAndTheArticleIsTheDescription() {
        String dek = "Waves threw stones across both lanes of the road overnight, and engineers will inspect it today.";
        PageMeta page = read("Coast News", "<main>" + H1 + "<div class=\"byline\">By Ana Lima</div><div class=\"date\">12 March 2024</div>"
                + "<p class=\"standfirst\">" + dek + "</p><article>" + PARAGRAPH + PARAGRAPH + "</article></main>");
        assertEquals(dek, page.inferred().description());
    }

    @Test
    void aStandfirstBetweenADeeplyNestedHeadlineAndTheArticleIsTheDescription() {
        String dek = "Waves threw stones across both lanes of the road overnight, and engineers will inspect it today.";
        PageMeta page = read("Coast News", "<main><div class=\"top\"><div class=\"head\">" + H1 + "</div></div>"
                + "<div class=\"byline\">By Ana Lima</div><div class=\"date\">12 March 2024</div>"
                + "<div class=\"standfirst\">" + dek + "</div><article>" + PARAGRAPH + PARAGRAPH + "</article></main>");
        assertEquals(dek, page.inferred().description());
    }

    @Test
    void aShortParagraphOfThreeHundredCharactersAndThreeChildrenUnderTheHeadlineIsPartOfTheOpening() {
        String text = ("Waves threw stones across both lanes of the road overnight, and engineers will inspect it today. ".repeat(4)).substring(0, 290);
        String p = "<p class=\"x\">" + text + "<b>one</b> <i>two</i> <u>xy</u></p>";
        PageMeta page = read("Coast News", "<article>" + H1 + p + PARAGRAPH + "</article>");
        assertEquals(300, page.openingEnd().text().length());
        assertEquals("p", page.openingEnd().normalName());
    }

    @Test
    void withoutAnArticleTheBylineIsLookedForAroundTheHeadlineOnly() {
        PageMeta page = read("Coast News", "<div class=\"page\"><div class=\"story\"><div class=\"head\">" + H1 + "</div>" + PARAGRAPH + "</div></div>"
                + "<div class=\"other\"><div class=\"byline\">By Max Berger</div></div>");
        assertEquals(java.util.List.of(), page.inferred().authors());
    }

    @Test
    void theArticleBodyBeyondWhereTheRegionScanStopsStillGivesTheDescription() {
        String kicker = "<p>From our coast correspondents, reporting on the weather along the whole northern shore this week.</p>";
        String body = "<p>Council engineers will inspect the sea wall on Thursday before deciding when the coast road can reopen to traffic.</p>";
        PageMeta page = read("Coast News", "<article>" + kicker + H1 + "<figure><img src=\"/photos/a.jpg\"></figure><div>"
                + "<span>x</span>".repeat(85) + "</div><div class=\"article-body\">" + body + "</div></article>");
        assertEquals("Council engineers will inspect the sea wall on Thursday before deciding when the coast road can reopen to traffic.",
                page.inferred().description());
    }

    @Test
    void theStorysArticleIsTheOneHoldingTheHeadline() {
        PageMeta page = read("Coast News", "<article class=\"teaser\">" + PARAGRAPH + PARAGRAPH + "</article><article class=\"story\">" + H1 + PARAGRAPH + "</article>");
        assertSame(page.headline().parent(), page.article());
    }
}
