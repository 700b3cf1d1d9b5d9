package dev.herald.syndication.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Query strings every server decodes alike: a space is {@code %20}, never a {@code +}. */
class UrisTest {
    @Test
    void encodesSpacesReservedAndNonAsciiCharactersInNameValuePairs() {
        URI built = Uris.withQuery(URI.create("https://x.test/i/oauth2/authorize"),
                "scope", "tweet.read tweet.write", "redirect_uri", "http://127.0.0.1:8765/cb?a=b&c", "state", "Zoë+1");

        assertEquals("https://x.test/i/oauth2/authorize?scope=tweet.read%20tweet.write"
                + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A8765%2Fcb%3Fa%3Db%26c&state=Zo%C3%AB%2B1", built.toString());
        assertEquals("tweet.read tweet.write", built.getQuery().split("&")[0].substring("scope=".length()));
    }

    @Test
    void appendsToAnExistingQueryAndKeepsTheFragmentLast() {
        assertEquals("https://a.test/p?x=1&y=2#top", Uris.withQuery(URI.create("https://a.test/p?x=1#top"), "y", "2").toString());
        assertEquals("https://a.test/p?y=2", Uris.withQuery(URI.create("https://a.test/p?"), "y", "2").toString());
        assertEquals("https://a.test/p", Uris.withQuery(URI.create("https://a.test/p")).toString());
    }

    @Test
    void refusesAnOddCountOrANullValue() {
        assertThrows(IllegalArgumentException.class, () -> Uris.withQuery(URI.create("https://a.test/"), "lonely"));
        assertThrows(IllegalArgumentException.class, () -> Uris.withQuery(URI.create("https://a.test/"), "k", null));
    }
}
