package dev.herald.syndication.bluesky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.syndication.MessageTemplate;
import dev.herald.syndication.Secret;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlueskyAccountTest {
    private static final Secret PASSWORD = Secret.of("bsky", "abcd-efgh-ijkl-mnop");

    @Test
    void defaultsToBskySocialTheDefaultTemplateAndTheArticlesLanguage() {
        BlueskyAccount a = BlueskyAccount.of("news", "@news.example.com", PASSWORD);
        assertEquals(URI.create("https://bsky.social"), a.service());
        assertEquals("news.example.com", a.handle(), "the @ is dropped");
        assertEquals(MessageTemplate.defaults(), a.template());
        assertEquals(List.of(), a.langs());
    }

    @Test
    void refusesWhatThePdsWouldRefuseNamingTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BlueskyAccount("news", null, "news", PASSWORD, null, List.of()));
        assertTrue(e.getMessage().startsWith("bluesky account news: handle must be a handle"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new BlueskyAccount("news", null, "news.example.com", PASSWORD, null, List.of("en", "de", "fr", "es")));
        assertTrue(e.getMessage().contains("langs must name at most 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new BlueskyAccount("news", null, "news.example.com", PASSWORD, null, List.of("english")));
        assertTrue(e.getMessage().contains("langs must be BCP 47"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new BlueskyAccount("news", URI.create("ftp://pds.example"), "news.example.com", PASSWORD, null, List.of()));
        assertTrue(e.getMessage().contains("service must be an absolute http(s) URL"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new BlueskyAccount("news", null, "news.example.com", null, null, List.of()));
        assertEquals("bluesky account news: password must not be null", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BlueskyAccount(" ", null, "news.example.com", PASSWORD, null, List.of()));
    }

    @Test
    void neverPrintsThePassword() {
        String shown = BlueskyAccount.of("news", "news.example.com", PASSWORD).toString();
        assertFalse(shown.contains("abcd-efgh"), shown);
        assertTrue(shown.contains("${code:bsky}"), shown);
    }
}
