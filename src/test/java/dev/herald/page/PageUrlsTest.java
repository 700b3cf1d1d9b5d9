package dev.herald.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PageUrlsTest {
    @Test
    void acceptsHostNamesAndIpLiterals() {
        assertTrue(PageUrls.isHost("news.example.com"));
        assertTrue(PageUrls.isHost("127.0.0.1"));
        assertTrue(PageUrls.isHost("[::1]"));
        assertTrue(PageUrls.isHost("[2001:db8::7]"));
    }

    @Test
    void rejectsHostsThatCouldCarryMarkupOrAnotherAuthority() {
        assertFalse(PageUrls.isHost("evil.example\"><script>"));
        assertFalse(PageUrls.isHost("user@evil.example"));
        assertFalse(PageUrls.isHost("evil.example/path"));
        assertFalse(PageUrls.isHost(""));
        assertFalse(PageUrls.isHost("[::1"));
        assertFalse(PageUrls.isHost("[evil]"));
    }

    @Test
    void parsesOnlyAbsoluteUrlsWithAHost() {
        assertEquals(URI.create("https://news.example.com/a?b=1"), PageUrls.parse("https://news.example.com/a?b=1"));
        assertNull(PageUrls.parse("/relative"));
        assertNull(PageUrls.parse("https://news.example.com/a b"));
    }
}
