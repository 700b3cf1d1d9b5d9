package dev.herald.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Headlines on pages that mislead a naive reader, one class of page per test: blog platforms,
 * programme names in the headline slot, site-name suffixes, social-post pages, undeclared charsets.
 * Every page here is written for this test in the style of its class, not copied from a site.
 */
class HeadlineInferenceTest {
    private static String title(String html, String url) {
        return PageMeta.read(html, URI.create(url)).resolve(SiteDefaults.NONE).meta().title();
    }

    // ---- blog platforms ----

    @Test
    void aBloggerStylePostIsTitledByItsPostTitleNotTheBlogsNameInTheOnlyH1() {
        String html = """
                <!doctype html><html><head><title>Notes from the Allotment</title></head><body>
                <div class="header-outer"><div class="header"><h1 class="title"><a href="https://allotment-notes.blogspot.example/">Notes from the Allotment</a></h1>
                <p class="description">Growing vegetables on a windy hill since 2009</p></div></div>
                <div class="main"><div class="date-outer"><h2 class="date-header"><span>Sunday, 4 May 2025</span></h2>
                <div class="post hentry"><h3 class="post-title entry-title">Why my broad beans failed this spring</h3>
                <div class="post-header"><span class="post-author vcard">Posted by <span class="fn">Margaret</span></span></div>
                <div class="post-body entry-content"><p>The frost came late this year, and it came twice. By the second night the
                young plants had given up, and so, briefly, had I. Here is what I should have done.</p>
                <p>First, fleece. A layer of horticultural fleece would have kept two or three degrees in the soil.</p></div>
                </div></div></div></body></html>""";
        assertEquals("Why my broad beans failed this spring", title(html, "https://allotment-notes.blogspot.example/2025/05/broad-beans.html"));
    }

    @Test
    void aBlogWhoseTitleNamesTheBlogFirstIsTitledByThePost() {
        String html = """
                <!doctype html><html><head><title>Notes from the Allotment: Why my broad beans failed this spring</title></head><body>
                <header><h1><a href="/">Notes from the Allotment</a></h1></header>
                <div class="post"><h3 class="post-title">Why my broad beans failed this spring</h3>
                <div class="post-body"><p>The frost came late this year, and it came twice. By the second night the young plants
                had given up, and so, briefly, had I. Here is what I should have done.</p></div></div>
                </body></html>""";
        assertEquals("Why my broad beans failed this spring", title(html, "https://allotment.example/2025/05/broad-beans"));
    }

    @Test
    void aTumblrStylePostWithTheBlogNameAsItsOnlyHeadingIsTitledByThePostsHeading() {
        String html = """
                <!doctype html><html><head><title>paper and ink</title></head><body>
                <section id="blog"><h1 id="blog-title"><a href="/">paper and ink</a></h1></section>
                <article class="post text"><h2 class="post-title">A week with a fountain pen</h2>
                <p>I bought the cheapest fountain pen I could find and used nothing else for seven days. Some notes on
                what changed, what did not, and why my handwriting is now worse.</p></article>
                </body></html>""";
        assertEquals("A week with a fountain pen", title(html, "https://paperandink.tumblr.example/post/7301/a-week-with-a-fountain-pen"));
    }

    // ---- a programme's or section's name in the h1 slot ----

    @Test
    void aProgrammesNameInTheH1SlotGivesWayToTheHeadlineTheTitleAndBodyAgreeOn() {
        String html = """
                <!doctype html><html><head><title>Ferry crews vote to strike over rotas - Coast Tonight</title></head><body>
                <header class="site"><a href="/" class="brand">Channel Nine</a></header>
                <main><h1 class="programme-title">Coast Tonight</h1>
                <article><h2>Ferry crews vote to strike over rotas</h2>
                <p class="summary">Crews on the island routes say new rotas leave them too tired to work safely.</p>
                <p>Ferry crews on the three island routes have voted to strike over new rotas, the union said on Tuesday,
                after talks with the operator broke down for a second time.</p></article></main>
                </body></html>""";
        assertEquals("Ferry crews vote to strike over rotas", title(html, "https://channel9.example/coast-tonight/ferry-strike"));
    }

    // ---- site-name suffixes ----

    @Test
    void aSpacedColonSuffixThatIsTheSitesNameIsLeftOut() {
        String html = """
                <!doctype html><html><head><title>Why tides are late in spring : The Harbour Hour</title>
                <meta property="og:site_name" content="The Harbour Hour"></head><body>
                <p>Tides run late in spring because of the way the moon and the sun pull together at the equinox, and the
                harbour's shallow mouth makes it worse.</p></body></html>""";
        assertEquals("Why tides are late in spring", title(html, "https://harbourhour.example/episodes/41"));
    }

    @Test
    void aSuffixNamedByTheLogoLinkIsLeftOut() {
        String html = """
                <!doctype html><html><head><title>Interview with a lighthouse keeper, part two | Keepers of the Northern Lights</title></head><body>
                <a href="/" class="logo"><img src="/logo.png" alt="Keepers of the Northern Lights"></a>
                <p>In the second half of our conversation, Ewan talks about the winter he spent alone on the rock and what
                he read to pass the time.</p></body></html>""";
        assertEquals("Interview with a lighthouse keeper, part two", title(html, "https://keepers.example/episodes/12"));
    }

    @Test
    void aColonThatIsPartOfTheHeadlineStays() {
        String html = """
                <!doctype html><html><head><title>Brexit : ce qui change le 1er janvier</title>
                <meta property="og:site_name" content="Le Quotidien du Port"></head><body>
                <p>Douanes, permis de conduire, animaux de compagnie : voici ce qui change pour les voyageurs le premier janvier.</p>
                </body></html>""";
        assertEquals("Brexit : ce qui change le 1er janvier", title(html, "https://quotidien.example/brexit"));
    }

    // ---- social-post pages ----

    @Test
    void aStatusPageTitledByANumericIdIsTitledByItsAuthorAndText() {
        String html = """
                <!doctype html><html><head><title>1798230457716101232</title></head><body>
                <article class="status"><div class="status__author"><a href="/@harbourmaster" rel="author" class="author">Harbour Master</a></div>
                <div class="status__content"><p>The north quay is closed until Thursday while divers inspect the piles. Use the south
                steps for the ferry.</p></div></article></body></html>""";
        assertEquals("Harbour Master: “The north quay is closed until Thursday while divers inspect the piles.”",
                title(html, "https://social.example/@harbourmaster/1798230457716101232"));
    }

    @Test
    void aStatusPageWithoutAnAuthorIsTitledByItsText() {
        String html = """
                <!doctype html><html><head><title>Post 88213907</title></head><body>
                <div class="post-content"><p>Lost: one grey cat answering to Pilot, last seen near the lifeboat station on Monday
                evening. He is friendly but will not come to strangers.</p></div></body></html>""";
        assertEquals("“Lost: one grey cat answering to Pilot, last seen near the lifeboat station on Monday evening.”",
                title(html, "https://board.example/p/88213907"));
    }

    // ---- undeclared charsets ----

    @Test
    void undeclaredUtf8IsReadAsUtf8EvenInCyrillic() throws Exception {
        String html = "<!doctype html><html><head><title>Паром отменён из-за шторма</title></head><body>"
                + "<h1>Паром отменён из-за шторма</h1><p>Утренний рейс на остров отменён: ветер усилился до штормового.</p></body></html>";
        PageMeta page = PageMeta.read(html.getBytes(StandardCharsets.UTF_8), null, URI.create("https://port.example/ru/ferry"));
        assertEquals("Паром отменён из-за шторма", page.resolve(SiteDefaults.NONE).meta().title());
    }
}
