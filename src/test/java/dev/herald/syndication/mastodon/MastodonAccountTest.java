package dev.herald.syndication.mastodon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.syndication.MessageTemplate;
import dev.herald.syndication.Secret;
import dev.herald.syndication.mastodon.MastodonAccount.Visibility;
import java.net.URI;
import org.junit.jupiter.api.Test;

class MastodonAccountTest {
    private static final Secret TOKEN = new Secret("${env:MASTODON_TOKEN}", "s3cr3t-token-value");
    private static final URI SERVER = URI.create("https://mastodon.example");

    @Test
    void fillsDefaultsAndEndsTheServerWithASlash() {
        MastodonAccount a = MastodonAccount.of("newsroom", SERVER, TOKEN);
        assertEquals(URI.create("https://mastodon.example/"), a.server());
        assertEquals(Visibility.PUBLIC, a.visibility());
        assertEquals(MessageTemplate.defaults(), a.template());
        assertEquals(null, a.language());
    }

    @Test
    void parsesVisibilityIgnoringCaseAndNamesTheChoicesWhenWrong() {
        assertEquals(Visibility.UNLISTED, Visibility.of(" Unlisted "));
        assertEquals("direct", Visibility.DIRECT.wireName());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Visibility.of("followers"));
        assertEquals("visibility must be one of public, unlisted, private, direct, not followers", e.getMessage());
    }

    @Test
    void normalisesAndChecksTheLanguage() {
        assertEquals("de", MastodonAccount.of("n", SERVER, TOKEN).withLanguage(" DE ").language());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MastodonAccount.of("n", SERVER, TOKEN).withLanguage("en-US"));
        assertTrue(e.getMessage().contains("language of Mastodon account n must be an ISO 639 code"), e.getMessage());
    }

    @Test
    void refusesServersThatAreNotAPlainHttpBaseUrl() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MastodonAccount.of("n", URI.create("mastodon.example"), TOKEN))
                .getMessage().startsWith("server of Mastodon account n must be an absolute http(s) URL"));
        assertThrows(IllegalArgumentException.class, () -> MastodonAccount.of("n", URI.create("ftp://mastodon.example/"), TOKEN));
        assertThrows(IllegalArgumentException.class, () -> MastodonAccount.of("n", URI.create("https://mastodon.example/?x=1"), TOKEN));
        assertThrows(IllegalArgumentException.class, () -> MastodonAccount.of("n", URI.create("https://me:pw@mastodon.example/"), TOKEN));
    }

    @Test
    void requiresANameAndAToken() {
        assertEquals("name must not be blank", assertThrows(IllegalArgumentException.class, () -> MastodonAccount.of(" ", SERVER, TOKEN)).getMessage());
        assertEquals("token of Mastodon account n must not be null",
                assertThrows(IllegalArgumentException.class, () -> MastodonAccount.of("n", SERVER, null)).getMessage());
    }

    @Test
    void neverShowsTheTokenValue() {
        String s = MastodonAccount.of("n", SERVER, TOKEN).toString();
        assertFalse(s.contains("s3cr3t"), s);
        assertTrue(s.contains("${env:MASTODON_TOKEN}"), s);
    }
}
