package dev.herald.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How the console words waits, read errors and the links it writes. */
class ConsoleModelTest {
    @Test
    void wordsAWaitInTheLargestWholeUnitThatFits() {
        assertEquals("1 s", ConsoleModel.human(Duration.ZERO), "never 'try again in 0 s'");
        assertEquals("1 s", ConsoleModel.human(Duration.ofMillis(400)));
        assertEquals("59 s", ConsoleModel.human(Duration.ofSeconds(59)));
        assertEquals("1 min", ConsoleModel.human(Duration.ofSeconds(60)));
        assertEquals("59 min", ConsoleModel.human(Duration.ofMinutes(59).plusSeconds(59)));
        assertEquals("1 h", ConsoleModel.human(Duration.ofMinutes(60)));
        assertEquals("23 h", ConsoleModel.human(Duration.ofHours(23).plusMinutes(59)));
        assertEquals("24 h", ConsoleModel.human(Duration.ofDays(1)));
        assertEquals("25 h", ConsoleModel.human(Duration.ofHours(25)), "a day and some hours is said in hours");
        assertEquals("2 days", ConsoleModel.human(Duration.ofDays(2)));
        assertEquals("2 days", ConsoleModel.human(Duration.ofDays(2).plusMinutes(30)), "minutes past whole days are not worth saying");
    }

    @Test
    void aReadErrorNamesTheCauseButNeverTheAddressAHostResolvedTo() {
        assertEquals("its host is unknown or not a public address (the fetch allow-list decides)",
                ConsoleModel.readError(new UnknownHostException("intranet.example: refused, resolves to 10.0.0.7")));
        assertEquals("Connection reset", ConsoleModel.readError(new IOException("Connection reset")));
    }

    @Test
    void writesOnlyHttpLinksIntoAPage() {
        assertEquals("https://mastodon.example/@ledger/1", ConsoleModel.httpOrNull(URI.create("https://mastodon.example/@ledger/1")));
        assertEquals("HTTP://example.org/x", ConsoleModel.httpOrNull(URI.create("HTTP://example.org/x")));
        assertNull(ConsoleModel.httpOrNull(URI.create("javascript:alert(1)")));
        assertNull(ConsoleModel.httpOrNull(URI.create("at://did:plc:abc/app.bsky.feed.post/1")));
        assertNull(ConsoleModel.httpOrNull(URI.create("/relative/path")));
        assertNull(ConsoleModel.httpOrNull(null));
    }
}
