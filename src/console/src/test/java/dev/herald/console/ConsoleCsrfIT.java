package dev.herald.console;

import static dev.herald.console.Browserless.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.delivery.SendTime;
import dev.herald.delivery.Share;
import dev.herald.meta.ArticleMeta;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The form token and the same-origin check, header by header: what a browser sends for the
 * console's own forms is taken, and what another site makes it send is not.
 */
class ConsoleCsrfIT extends MountedConsole {

    Share share;

    @BeforeEach
    void start() throws Exception {
        ArticleMeta article = ArticleMeta.builder().url(site.origin + ConsoleFixture.LEAD_STORY).title("Harbour reopens").build();
        share = site.client().schedule(article, "ledger-mastodon", SendTime.at(Instant.parse("2026-12-09T08:00:00Z")));
    }

    private int textWith(String origin, Map<String, String> headers) throws Exception {
        Browserless edith = new Browserless(site, "edith");
        return edith.post("/console/shares/text", form("csrf", edith.token(), "id", share.id(), "text", "t" + headers.hashCode()), origin, headers).statusCode();
    }

    @Test
    void eachSessionGetsItsOwnUnguessableToken() throws Exception {
        String a = new Browserless(site, "edith").token();
        String b = new Browserless(site, "edith").token();
        assertNotEquals(a, b);
        for (String t : new String[] {a, b}) {
            assertEquals(32, Base64.getUrlDecoder().decode(t).length, "256 random bits: " + t);
            assertTrue(t.chars().distinct().count() > 8, "not a run of one character: " + t);
        }
    }

    @Test
    void takesAFormThatABrowserSendsFromTheConsoleItself() throws Exception {
        assertEquals(303, textWith(site.origin, Map.of("Sec-Fetch-Site", "same-origin")));
        assertEquals(303, textWith(site.origin, Map.of("Sec-Fetch-Site", "none")), "typed or bookmarked by the person");
        assertEquals(303, textWith(null, Map.of()), "a client that sends neither header: the token alone decides");
    }

    @Test
    void refusesAFormAnotherSiteMadeTheBrowserSendEvenWithTheToken() throws Exception {
        assertEquals(403, textWith(site.origin, Map.of("Sec-Fetch-Site", "cross-site")));
        assertEquals(403, textWith(site.origin, Map.of("Sec-Fetch-Site", "same-site")), "a sibling subdomain is another site here");
        assertEquals(403, textWith("http://evil.example", Map.of()));
        assertEquals(403, textWith(site.origin.replace("127.0.0.1", "localhost"), Map.of()), "another host name for the same machine");
        assertEquals(null, site.client().find(share.id()).orElseThrow().text(), "nothing changed");
    }
}
