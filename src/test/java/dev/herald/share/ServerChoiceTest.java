package dev.herald.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerChoiceTest {
    @Test
    void readsANameAUrlOrAHandleAsTheSameServer() {
        for (String typed : List.of("mastodon.social", " Mastodon.Social ", "https://mastodon.social/", "mastodon.social/",
                "@alice@mastodon.social", "alice@mastodon.social", "mastodon.social/@alice", "https://mastodon.social:443/@alice",
                "mastodon.social.")) {
            ServerChoice c = ServerChoice.parse(typed, Set.of());
            assertEquals("mastodon.social", c.authority(), typed);
            assertTrue(c.typedAsShown(), typed);
        }
    }

    @Test
    void showsTheUnicodeNameAndGoesToThePunycodeOne() {
        ServerChoice c = ServerChoice.parse("Bücher.example", Set.of());
        assertEquals("xn--bcher-kva.example", c.host());
        assertEquals("https://bücher.example/", c.shown());
        assertTrue(c.typedAsShown());
    }

    @Test
    void aNameUnicodeFoldingChangedMustBeConfirmed() {
        ServerChoice c = ServerChoice.parse("ⓔvil.example", Set.of());
        assertEquals("evil.example", c.host());
        assertFalse(c.typedAsShown());
        assertFalse(ServerChoice.parse("ｅｖｉｌ.example", Set.of()).typedAsShown());
    }

    @Test
    void portsOtherThan443OnlyWhenAllowed() {
        assertThrows(IllegalArgumentException.class, () -> ServerChoice.parse("evil.example:8443", Set.of()));
        assertEquals("social.example:8443", ServerChoice.parse("social.example:8443", Set.of(8443)).authority());
        assertEquals("https://social.example:8443/", ServerChoice.parse("https://social.example:8443/", Set.of(8443)).shown());
        assertThrows(IllegalArgumentException.class, () -> ServerChoice.parse("http://social.example:8080", Set.of(8443)));
        assertEquals("social.example", ServerChoice.parse("http://social.example", Set.of()).authority(), "always reached on https");
    }

    @Test
    void refusesWhatIsNoServerName() {
        for (String bad : List.of("", "localhost", "127.0.0.1", "[::1]", "https://[2001:db8::1]/", "user:pw@mastodon.social",
                "https://user@mastodon.social", "@@mastodon.social", "a@b@mastodon.social", "ftp://mastodon.social", "mastodon .social",
                "straße.example", "x".repeat(400) + ".example")) {
            assertThrows(IllegalArgumentException.class, () -> ServerChoice.parse(bad, Set.of()), bad);
        }
    }
}
