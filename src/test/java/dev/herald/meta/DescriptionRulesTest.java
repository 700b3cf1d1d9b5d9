package dev.herald.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How the description is inferred when the page declares none, one rule per test: the summary a
 * microdata {@code description} gives, a standfirst, the paragraph right under the headline, the
 * story's first real paragraph, and what never counts as one (captions, cookie banners, link lists,
 * shouting).
 */
class DescriptionRulesTest {
    private static final URI PAGE = URI.create("https://news.example/2024/03/flood");
    private static final String HEADLINE = "<h1>High street floods after storm</h1>";
    private static final String STORY = "Water rose above the kerbs on the high street before dawn, and shops stayed shut all day.";
    private static final String STANDFIRST = "Traders count the cost as the river breaks its banks for the second time this winter.";

    /** Between the headline and the body, so the body is not taken for a standfirst right under the headline. */
    private static final String FIGURE = "<figure><img src=\"/a.jpg\"></figure>";

    private static String description(String body) {
        return PageMeta.read("<html lang=\"en\"><head><title>Floods | News</title></head><body>" + body + "</body></html>", PAGE)
                .inferred().description();
    }

    private static String article(String inner) {
        return "<article>" + inner + "</article>";
    }

    @Test
    void aMicrodataDescriptionOfFortyCharactersWins() {
        String forty = "A short summary of exactly forty chars..";
        assertEquals(40, forty.length());
        assertEquals(forty, description(article("<meta itemprop=\"description\" content=\"" + forty + "\">" + HEADLINE + "<p>" + STORY + "</p>")));
    }

    @Test
    void aMicrodataDescriptionUnderFortyCharactersGivesWayToTheStory() {
        String short39 = "A short summary of only thirty-nine ch.";
        assertEquals(39, short39.length());
        assertEquals(STORY, description(article("<meta itemprop=\"description\" content=\"" + short39 + "\">" + HEADLINE + "<p>" + STORY + "</p>")));
    }

    @Test
    void aStandfirstWinsOverTheFirstParagraph() {
        assertEquals(STANDFIRST, description(article(HEADLINE + "<div class=\"standfirst\">" + STANDFIRST + "</div><div class=\"body\"><p>" + STORY
                + "</p></div>")));
    }

    @Test
    void aStandfirstBeforeTheHeadlineIsNotTheStorys() {
        assertEquals(STORY, description(article("<p class=\"teaser\">" + STANDFIRST + "</p>" + HEADLINE + "<p>" + STORY + "</p>")));
    }

    @Test
    void aStandfirstThatIsACaptionIsNotOne() {
        assertEquals(STORY, description(article(HEADLINE + "<figure><figcaption class=\"summary\">" + STANDFIRST
                + "</figcaption></figure><p>" + STORY + "</p>")));
    }

    @Test
    void aStandfirstOfFewerThanSixWordsIsNotOne() {
        String fiveWords = "Extraordinarily unprecedented floodwaters overwhelmed Westchestershire.";
        assertEquals(STORY, description(article(HEADLINE + "<p class=\"standfirst\">" + fiveWords + "</p><p>" + STORY + "</p>")));
    }

    @Test
    void theParagraphRightUnderTheHeadlineIsTheStandfirst() {
        String under = "Traders count the cost as the river breaks its banks again.";
        assertEquals(under, description(article(HEADLINE + "<p>" + under + "</p><figure><img src=\"/a.jpg\"></figure><p>" + STORY + "</p>")));
    }

    @Test
    void aLineUnderTheHeadlineMostlyOfLinksIsNotTheStandfirst() {
        String links = "<p>See also <a href=\"/a\">the river level live tracker for today</a> and <a href=\"/b\">our flood guide</a>.</p>";
        assertEquals(STORY, description(article(HEADLINE + links + "<p>" + STORY + "</p>")));
    }

    @Test
    void aBylineUnderTheHeadlineIsNotTheStandfirst() {
        String byline = "<p class=\"byline\">Reporting from the high street by our correspondents in the valley towns today</p>";
        assertEquals(STORY, description(article(HEADLINE + byline + "<p>" + STORY + "</p>")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<p class=\"caption\">%s</p>",
        "<p class=\"newsletter-pitch\">%s</p>",
        "<p id=\"copyright\">%s</p>",
    })
    void aParagraphNamedAsNoiseIsNotTheDescription(String noise) {
        String other = "Sandbags were handed out at the town hall from six in the morning until late evening.";
        assertEquals(STORY, description(article(HEADLINE + FIGURE + "<div class=\"body\">" + noise.formatted(other) + "<p>" + STORY + "</p></div>")));
    }

    @Test
    void aCookieBannerIsNotTheDescription() {
        String banner = "<p>We use cookies on this site; click accept to agree to our use of them while you read the news here.</p>";
        assertEquals(STORY, description("<div>" + banner + "</div>" + article(HEADLINE + "<div class=\"body\"><p>" + STORY + "</p></div>")));
    }

    @Test
    void aShoutedParagraphIsNotTheDescription() {
        String shouted = "<p>" + STORY.toUpperCase(java.util.Locale.ROOT) + "</p>";
        assertEquals(STORY, description(article(HEADLINE + FIGURE + "<div class=\"body\">" + shouted + "<p>" + STORY + "</p></div>")));
    }

    @Test
    void aParagraphMostlyOfLinksIsNotTheDescription() {
        String linked = "<p><a href=\"/1\">Flood warnings across the county tonight</a> and <a href=\"/2\">how to claim on your insurance policy</a> now</p>";
        assertEquals(STORY, description(article(HEADLINE + "<figure><img src=\"/a.jpg\"></figure><div class=\"body\">" + linked + "<p>" + STORY
                + "</p></div>")));
    }

    @Test
    void aParagraphOfFewerThanSixtyCharactersIsNotTheDescription() {
        String short59 = "Shops on the high street stayed closed for most of the day.";
        assertEquals(59, short59.length());
        assertEquals(STORY, description(article(HEADLINE + "<figure><img src=\"/a.jpg\"></figure><div class=\"body\"><p>" + short59 + "</p><p>" + STORY
                + "</p></div>")));
    }

    @Test
    void aPageWithNothingToSayHasNoDescription() {
        assertNull(description(article(HEADLINE + "<p>Short.</p>")));
    }
}
