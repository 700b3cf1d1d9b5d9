package dev.herald.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A page's URLs become absolute http(s) URLs with a host, or nothing: an allow-list, not a block-list. */
class UrlsTest {
    private static final URI BASE = URI.create("https://news.example/world/story.html");

    @ParameterizedTest
    @ValueSource(strings = {"ftp://files.news.example/lead.jpg", "file:///etc/passwd", "file://news.example/lead.jpg",
        "gopher://news.example/1", "ws://news.example/live", "urn:isbn:0451450523", "http:///no-host", "https:lead.jpg"})
    void resolvesNoUrlThatIsNotHttpWithAHost(String href) {
        assertNull(Urls.resolve(BASE, href), href);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://files.news.example/lead.jpg", "file:///etc/passwd", "mailto:desk@news.example", "urn:isbn:0451450523", "http:///x"})
    void isHttpOnlyForHttpAndHttpsWithAHost(String url) {
        assertFalse(Urls.isHttp(URI.create(url)), url);
    }

    @Test
    void isHttpForEitherSchemeInAnyCase() {
        assertTrue(Urls.isHttp(URI.create("http://news.example/a")));
        assertTrue(Urls.isHttp(URI.create("HTTPS://news.example/a")));
        assertFalse(Urls.isHttp(null));
        assertFalse(Urls.isHttp(URI.create("/relative/path")));
    }

    @Test
    void anFtpImageOnThePageIsNotTheLeadImage() {
        ArticleMeta m = PageMeta.read("<article><h1>Some headline here</h1><figure><img src=\"ftp://files.news.example/lead.jpg\" width=800></figure>"
                + "</article>", BASE).resolve(SiteDefaults.NONE).meta();

        assertNull(m.image());
    }

    @Test
    void resolvesRelativeReferencesAgainstTheBase() {
        assertEquals(URI.create("https://news.example/world/lead.jpg"), Urls.resolve(BASE, "lead.jpg"));
        assertEquals(URI.create("https://news.example/img/lead.jpg"), Urls.resolve(BASE, "../img/./lead.jpg"));
        assertEquals(URI.create("https://cdn.news.example/lead.jpg"), Urls.resolve(BASE, "//cdn.news.example/lead.jpg"));
        assertEquals(URI.create("https://news.example/lead.jpg"), Urls.resolve(URI.create("https://news.example"), "lead.jpg"));
        assertNull(Urls.resolve(null, "lead.jpg"), "a relative reference needs a base");
    }

    @Test
    void stripsWhatBrowsersStripFromAnHref() {
        assertEquals(URI.create("https://news.example/a/b.jpg"), Urls.resolve(BASE, " \t https://news.example/a/\nb.jpg\r\n "));
        assertNull(Urls.resolve(BASE, "   "));
        assertNull(Urls.resolve(BASE, null));
    }

    @Test
    void percentEncodesWhatBrowsersAcceptButUriRejects() {
        assertEquals("https://news.example/caf%C3%A9%20menu.jpg?q=%7Bx%7D#top",
                Urls.resolve(BASE, "https://news.example/café menu.jpg?q={x}#top").toString());
        assertEquals("https://news.example/100%25-off.jpg", Urls.resolve(BASE, "https://news.example/100%-off.jpg").toString());
        assertEquals("https://news.example/a%2Fb.jpg", Urls.resolve(BASE, "https://news.example/a%2Fb.jpg").toString());
        assertEquals("https://news.example/%F0%9F%93%B0.jpg", Urls.resolve(BASE, "https://news.example/\uD83D\uDCF0.jpg").toString());
    }

    @Test
    void refusesAnHrefLongerThanFourKilobytes() {
        String longest = "https://news.example/" + "a".repeat(4096 - "https://news.example/".length());
        assertEquals(4096, longest.length());
        assertEquals(URI.create(longest), Urls.resolve(BASE, longest));
        assertNull(Urls.resolve(BASE, longest + "a"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(1)", "data:image/png;base64,AAAA", "vbscript:x", "about:blank", "blob:https://news.example/1"})
    void refusesScriptAndInlineSchemes(String href) {
        assertNull(Urls.resolve(BASE, href));
    }

    @ParameterizedTest
    @ValueSource(strings = {" https://news.example/a.jpg", "https://news.example/a.jpg ", "\u0001https://news.example/a.jpg",
        "https://news.example/a.jpg\u001f", "https://news.example/a\t.jpg", "https://news.example/a\n.jpg", "https://news.example/a\r.jpg"})
    void eachKindOfStrayWhitespaceIsStrippedOnItsOwn(String href) {
        assertEquals(URI.create("https://news.example/a.jpg"), Urls.resolve(BASE, href), href);
    }

    @Test
    void spacesAndDeleteArePercentEncodedButTildeIsNot() {
        assertEquals("https://news.example/a%20b.jpg", Urls.resolve(BASE, "https://news.example/a b.jpg").toString());
        assertEquals("https://news.example/a%7Fb.jpg", Urls.resolve(BASE, "https://news.example/a\u007fb.jpg").toString());
        assertEquals("https://news.example/~a/b.jpg", Urls.resolve(BASE, "https://news.example/~a/b.jpg").toString());
        assertEquals("https://news.example/!a.jpg", Urls.resolve(BASE, "https://news.example/!a.jpg").toString());
    }

    @Test
    void aPercentSignNotFollowedByTwoHexDigitsIsEncoded() {
        assertEquals("https://news.example/a%41", Urls.resolve(BASE, "https://news.example/a%41").toString(), "escape at the very end");
        assertEquals("https://news.example/a%254", Urls.resolve(BASE, "https://news.example/a%4").toString(), "one digit left");
        assertEquals("https://news.example/a%25", Urls.resolve(BASE, "https://news.example/a%").toString());
        // Every edge of the three hex ranges: 0-9, a-f, A-F and the characters just outside them.
        assertEquals("https://news.example/%00%99%aa%ff%AA%FF", Urls.resolve(BASE, "https://news.example/%00%99%aa%ff%AA%FF").toString());
        for (String outside : new String[] {"/0", ":0", "0/", "0:", "g0", "0g", "G0", "0G", "@0", "0@"}) {
            assertEquals("https://news.example/x%25" + outside, Urls.resolve(BASE, "https://news.example/x%" + outside).toString(), outside);
        }
        assertEquals("https://news.example/x%25%600", Urls.resolve(BASE, "https://news.example/x%`0").toString());
    }

    @Test
    void aLoneSurrogateAtTheEndIsEncodedNotFatal() {
        assertEquals("https://news.example/a%3F", Urls.resolve(BASE, "https://news.example/a\uD83D").toString());
    }
}
