package dev.herald.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Random;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class HttpUrlsTest {
    @Test
    void encodesAnIriOnceAndKeepsWhatIsAlreadyEncoded() {
        assertEquals("https://news.example/caf%C3%A9?q=a%20b", HttpUrls.page("https://news.example/café?q=a b").toString());
        assertEquals("https://news.example/caf%C3%A9?q=a%20b", HttpUrls.page("https://news.example/caf%C3%A9?q=a%20b").toString());
        assertEquals("https://news.example/caf%C3%A9", HttpUrls.page("https://news.example/caf%c3%a9").toString());
    }

    @Test
    void encodesAStrayPercentSignButNotAnEscape() {
        assertEquals("https://news.example/100%25?x=%252", HttpUrls.page("https://news.example/100%?x=%2").toString());
        assertEquals("https://news.example/100%25", HttpUrls.page("https://news.example/100%").toString());
        assertEquals("https://news.example/?x=%25zz", HttpUrls.page("https://news.example/?x=%zz").toString());
    }

    @Test
    void idnaEncodesAndLowerCasesTheHostAndDropsTheDefaultPort() {
        assertEquals("https://xn--bcher-kva.example/", HttpUrls.page("HTTPS://Bücher.Example:443").toString());
        assertEquals("http://news.example:8080/a", HttpUrls.page("http://news.example:8080/a").toString());
        assertEquals("http://news.example/a", HttpUrls.page("http://news.example:80/a").toString());
        assertEquals("https://evil.example/", HttpUrls.page("https://ⓔvil.example/").toString(), "folded as a browser folds it");
    }

    @Test
    void removesDotSegmentsAndReadsBackslashesAsBrowsersDo() {
        assertEquals("https://news.example/b/c", HttpUrls.page("https://news.example/a/../b/./c").toString());
        assertEquals("https://news.example/x", HttpUrls.page("https://news.example/../../x").toString());
        assertEquals("news.example", HttpUrls.page("https://news.example\\@evil.example/").getHost());
    }

    @Test
    void dropsTheFragmentOnlyForAPage() {
        assertEquals("https://news.example/a", HttpUrls.page("https://news.example/a#top").toString());
        assertEquals("https://news.example/a#t%C3%B6p", HttpUrls.normalize("https://news.example/a#töp").toString());
    }

    @Test
    void refusesWhatIsNotAnAbsoluteHttpUrlWithAHost() {
        for (String bad : List.of("javascript:alert(1)", "//news.example/x", "/x", "ftp://news.example/", "https:news.example",
                "https://user@news.example/", "https://a.example%2F@evil/", "https://news.example:99999/", "https://news.example:8o/",
                "https://1.2.3/", "https://exa mple.com/", "https:///x", "https://[::1/", "https://[zz::1]/", "https://under_score.example/")) {
            assertThrows(IllegalArgumentException.class, () -> HttpUrls.page(bad), bad);
        }
    }

    @Test
    void acceptsIpLiterals() {
        assertEquals("192.0.2.1", HttpUrls.page("http://192.0.2.1/").getHost());
        assertEquals("[2001:db8::1]", HttpUrls.page("http://[2001:DB8:0:0:0::1]:8080/").getHost());
        assertEquals("[::]", HttpUrls.page("http://[::0]/").getHost());
        assertEquals("[::ffff:c000:201]", HttpUrls.page("http://[::ffff:192.0.2.1]/").getHost());
        assertEquals("[2001:db8:0:1::]", HttpUrls.page("http://[2001:db8:0:1:0:0:0:0]/").getHost());
    }

    @Test
    void normalisingTwiceChangesNothingAndTheHostIsTheOneABrowserSees() {
        Random random = new Random(20261207);
        int checked = 0;
        for (int i = 0; i < 20_000; i++) {
            String input = RandomUrls.next(random);
            URI once;
            try {
                once = HttpUrls.normalize(input);
            } catch (IllegalArgumentException refused) {
                continue;
            }
            checked++;
            assertEquals(once, HttpUrls.normalize(once.toString()), input);
            assertEquals(once.toString(), once.toASCIIString(), "pure ASCII: " + input);
            HttpUrl browser = HttpUrl.parse(input);
            if (browser != null) assertEquals(RandomUrls.bracketed(browser.host()), once.getHost(), input);
        }
        assertTrue(checked > 5_000, "too few inputs accepted to mean anything: " + checked);
    }
}
