package dev.herald.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each rule of content inference on its own: a page where only that rule keeps the wrong value
 * out (a logo as lead image, an update stamp as publication date, a sidebar paragraph as
 * description), so switching the rule off fails exactly here.
 */
class InferenceRulesTest {
    private static final URI PAGE = URI.create("https://news.example/2024/03/flood");
    private static final URI LEAD = URI.create("https://news.example/photos/flooded-high-street.jpg");
    private static final String LEAD_FIGURE = "<figure><img src=\"/photos/flooded-high-street.jpg\" alt=\"Water on the high street\"></figure>";
    private static final String PARAGRAPH = "Water rose above the kerbs on the high street before dawn, and shops stayed shut all day.";
    private static final String SIDEBAR_PARAGRAPH = "Read our guide to flood insurance and what to do when the river rises near your home.";

    private static ArticleMeta inferred(String body) {
        return PageMeta.read("<html lang=\"en\"><head><title>High street floods | News</title></head><body>" + body + "</body></html>", PAGE)
                .inferred();
    }

    private static URI leadImageAfter(String firstFigure) {
        ImageMeta image = inferred("<article><h1>High street floods after storm</h1>" + firstFigure + LEAD_FIGURE + "</article>").image();
        return image == null ? null : image.url();
    }

    // ---- lead image: what is never the story's picture ----

    @ParameterizedTest
    @ValueSource(strings = {
        "<img src=\"/i/brand.jpg\" class=\"site-logo\">",
        "<img src=\"/i/brand.jpg\" id=\"icon-main\">",
        "<img src=\"/i/brand.jpg\" alt=\"Author avatar\">",
        "<span class=\"byline\"><img src=\"/i/ana.jpg\"></span>",
        "<span id=\"headshot\"><img src=\"/i/ana.jpg\"></span>",
        "<img src=\"/i/brand.jpg\" class=\"emoji\">",
        "<img src=\"/i/brand.jpg\" class=\"spinner\">",
        "<img src=\"/i/brand.jpg\" aria-hidden=\"TRUE\">",
        "<img src=\"/i/brand.jpg\" role=\"presentation\">",
        "<img src=\"/i/brand.jpg\" width=\"119\">",
        "<img src=\"/i/brand.jpg\" height=\"79\">"})
    void anImageMarkedAsDecorationIsNotTheLeadImage(String img) {
        assertEquals(LEAD, leadImageAfter("<figure>" + img + "</figure>"), img);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/i/brand.svg", "/i/brand.SVG", "/i/brand.svg?v=3", "/favicon.ico", "/assets/logo-wide.jpg",
        "/i/tracking.gif?id=1", "https://www.facebook.com/tr?id=1&ev=PageView", "/img/gravatar/ana.jpg", "/ads/summer.jpg",
        "/img/placeholder-16x9.jpg", "/img/flag-de.png", "/img/star-rating-4.png"})
    void anImageWhoseAddressNamesNoiseIsNotTheLeadImage(String src) {
        assertEquals(LEAD, leadImageAfter("<figure><img src=\"" + src + "\"></figure>"), src);
    }

    @Test
    void anImageJustLargeEnoughIsTheLeadImage() {
        ImageMeta image = inferred("<article><h1>High street floods after storm</h1><figure><img src=\"/photos/a.jpg\" width=\"120\" height=\"80\">"
                + "</figure></article>").image();

        assertEquals(URI.create("https://news.example/photos/a.jpg"), image.url());
        assertEquals(120, image.width());
        assertEquals(80, image.height());
        assertEquals("image/jpeg", image.type());
    }

    @Test
    void aNoisyItempropImageGivesWayToTheStoryPicture() {
        ImageMeta image = inferred("<article><h1>High street floods after storm</h1><meta itemprop=\"image\" content=\"/i/logo.svg\">"
                + LEAD_FIGURE + "</article>").image();

        assertEquals(LEAD, image.url());
    }

    @Test
    void aCleanItempropImageWinsOverThePicturesOnThePage() {
        ImageMeta image = inferred("<article><h1>High street floods after storm</h1><link itemprop=\"image\" href=\"/photos/chosen.png\">"
                + LEAD_FIGURE + "</article>").image();

        assertEquals(new ImageMeta(URI.create("https://news.example/photos/chosen.png"), null, null, null, "image/png"), image);
    }

    @ParameterizedTest
    @CsvSource({"a.jpeg,image/jpeg", "a.gif,image/gif", "a.webp,image/webp", "a.avif,image/avif", "a.PNG,image/png", "a,"})
    void guessesTheImageTypeFromTheFileEnding(String file, String type) {
        ImageMeta image = inferred("<article><h1>High street floods after storm</h1><figure><img src=\"/photos/" + file + "\"></figure></article>")
                .image();

        assertEquals(type, image.type());
    }

    // ---- bylines: rel=author ----

    @Test
    void aRelAuthorLinkCountsEvenInAnAside() {
        List<Author> authors = inferred("<article><h1>High street floods after storm</h1><p>" + PARAGRAPH + "</p>"
                + "<aside><a rel=\"author\" href=\"https://news.example/u/ana\">Ana Lima</a></aside></article>").authors();

        assertEquals(List.of(new Author("Ana Lima", URI.create("https://news.example/u/ana"))), authors);
    }

    @Test
    void aBylineInAnAsideWithoutRelAuthorIsAnotherStorysByline() {
        List<Author> authors = inferred("<article><h1>High street floods after storm</h1>"
                + "<aside><div class=\"byline\">By Max Berger</div></aside>"
                + "<div class=\"byline\">By Ana Lima</div><p>" + PARAGRAPH + "</p></article>").authors();

        assertEquals(List.of(Author.named("Ana Lima")), authors);
    }

    @Test
    void onlyTheProfileLinksOfABylineAreItsAuthors() {
        List<Author> authors = inferred("<article><h1>High street floods after storm</h1>"
                + "<div class=\"byline\">By <a rel=\"nofollow author\" href=\"https://news.example/u/ana\">Ana Lima</a>"
                + " in <a href=\"https://news.example/topics/floods\">Floods</a></div><p>" + PARAGRAPH + "</p></article>").authors();

        assertEquals(List.of(new Author("Ana Lima", URI.create("https://news.example/u/ana"))), authors);
    }

    // ---- dates: an update stamp is not the publication date ----

    @Test
    void aDateClassedAsModifiedIsNotThePublicationDate() {
        ArticleMeta m = inferred("<article><h1>High street floods after storm</h1>"
                + "<span class=\"date-modified\">14 March 2024</span><span class=\"date-published\">12 March 2024</span>"
                + "<p>" + PARAGRAPH + "</p></article>");

        assertEquals(OffsetDateTime.parse("2024-03-12T00:00Z"), m.publishedTime());
    }

    @Test
    void aDateClassedAsUpdatedIsNotThePublicationDate() {
        ArticleMeta m = inferred("<article><h1>High street floods after storm</h1>"
                + "<span class=\"date updated\">14 March 2024</span><span class=\"date\">12 March 2024</span>"
                + "<p>" + PARAGRAPH + "</p></article>");

        assertEquals(OffsetDateTime.parse("2024-03-12T00:00Z"), m.publishedTime());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en|Updated 14 March 2024|12 March 2024",
        "es|Actualizado el 14 de marzo de 2024|12 de marzo de 2024",
        "de|Aktualisiert am 14. März 2024|12. März 2024",
        "fr|Mis à jour le 14 mars 2024|12 mars 2024"})
    void anUpdateStampNearTheHeadlineIsNotThePublicationDate(String lang, String updated, String published) {
        ArticleMeta m = PageMeta.read("<html lang=\"" + lang + "\"><body><article><h1>High street floods after storm</h1>"
                + "<p>" + updated + "</p><p>" + published + "</p><p>" + PARAGRAPH + "</p></article></body></html>", PAGE).inferred();

        assertEquals(OffsetDateTime.parse("2024-03-12T00:00Z"), m.publishedTime(), updated);
    }

    @Test
    void aPrintedDateInsideAFigureIsTheCaptionsNotTheStorys() {
        ArticleMeta m = inferred("<article><h1>High street floods after storm</h1>"
                + "<figure><figcaption>10 March 2024</figcaption></figure><p>12 March 2024</p><p>" + PARAGRAPH + "</p></article>");

        assertEquals(OffsetDateTime.parse("2024-03-12T00:00Z"), m.publishedTime());
    }

    // ---- page furniture: nav, footer, aside, form... never describe the story ----

    @ParameterizedTest
    @ValueSource(strings = {"<nav>%s</nav>", "<footer>%s</footer>", "<aside>%s</aside>", "<form>%s</form>", "<dialog>%s</dialog>",
        "<div role=\"navigation\">%s</div>", "<div role=\"contentinfo\">%s</div>", "<div role=\"complementary\">%s</div>",
        "<div role=\"dialog\">%s</div>", "<div class=\"sidebar\">%s</div>", "<div class=\"x ad\">%s</div>", "<div class=\"ad-slot\">%s</div>",
        "<div class=\"ad_top\">%s</div>", "<div class=\"ads\">%s</div>", "<div class=\"ads-wide\">%s</div>", "<div class=\"advertorial\">%s</div>",
        "<div class=\"sponsored\">%s</div>", "<div class=\"newsletter-box\">%s</div>", "<div class=\"cookie-banner\">%s</div>",
        "<div class=\"more-stories\">%s</div>", "<div class=\"wrap\"><div class=\"related\">%s</div></div>"})
    void aParagraphInPageFurnitureDoesNotDescribeTheStory(String furniture) {
        ArticleMeta m = inferred("<article><header><h1>High street floods after storm</h1><p class=\"byline\">By Ana Lima</p></header>"
                + String.format(furniture, "<p>" + SIDEBAR_PARAGRAPH + "</p>") + "<div><p>" + PARAGRAPH + "</p></div></article>");

        assertEquals(PARAGRAPH, m.description(), furniture);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<div class=\"has-sidebar\">%s</div>", "<div class=\"with-newsletter\">%s</div>", "<div class=\"no-ads\">%s</div>",
        "<div class=\"is-sponsored\">%s</div>", "<div class=\"show-related\">%s</div>", "<div class=\"layout-sidebar\">%s</div>",
        "<div class=\"page-promo\">%s</div>", "<main>%s</main>", "<div class=\"road\">%s</div>", "<div class=\"  \">%s</div>"})
    void aLayoutModifierDoesNotMakeAWrapperFurniture(String wrapper) {
        ArticleMeta m = inferred("<article><header><h1>High street floods after storm</h1><p class=\"byline\">By Ana Lima</p></header>"
                + String.format(wrapper, "<p>" + PARAGRAPH + "</p>") + "<div><p>" + SIDEBAR_PARAGRAPH + "</p></div></article>");

        assertEquals(PARAGRAPH, m.description(), wrapper);
    }

    @Test
    void anImageInAnAsideIsNotTheLeadImage() {
        assertEquals(LEAD, leadImageAfter("<aside><figure><img src=\"/photos/other-story.jpg\"></figure></aside>"));
    }

    @Test
    void noImageAtAllWhenEveryPictureIsNoise() {
        assertNull(inferred("<article><h1>High street floods after storm</h1><figure><img src=\"/i/logo.png\"></figure></article>").image());
    }

    @Test
    void aPrintedDateInAnAsideIsAnotherStorysDate() {
        ArticleMeta m = inferred("<article><h1>High street floods after storm</h1>"
                + "<aside><span class=\"date\">10 March 2024</span></aside><span class=\"date\">12 March 2024</span>"
                + "<p>" + PARAGRAPH + "</p></article>");

        assertEquals(OffsetDateTime.parse("2024-03-12T00:00Z"), m.publishedTime());
    }

    @Test
    void readsADateFromAClassedElementOfUpTo120Characters() {
        String text = "Published on 12 March 2024 by the news desk";
        text = text + " " + "x".repeat(120 - text.length() - 1);
        String tooLong = text + "x";
        assertEquals(120, text.length());

        assertEquals(OffsetDateTime.parse("2024-03-12T00:00Z"), inferred("<article><h1>High street floods after storm</h1><div class=\"dateline\">"
                + text + "</div><p>" + PARAGRAPH + "</p></article>").publishedTime());
        assertNull(inferred("<article><h1>High street floods after storm</h1><div class=\"dateline\">"
                + tooLong + "</div><p>" + PARAGRAPH + "</p></article>").publishedTime());
    }

    @Test
    void readsADateNearTheHeadlineFromATextOfUpTo60Characters() {
        String text = "12 March 2024";
        text = text + " " + "y".repeat(60 - text.length() - 1);
        assertEquals(60, text.length());

        assertEquals(OffsetDateTime.parse("2024-03-12T00:00Z"), inferred("<article><h1>High street floods after storm</h1><p>" + text + "</p><p>"
                + PARAGRAPH + "</p></article>").publishedTime());
        assertNull(inferred("<article><h1>High street floods after storm</h1><p>" + text + "y</p><p>" + PARAGRAPH + "</p></article>").publishedTime());
    }
}
