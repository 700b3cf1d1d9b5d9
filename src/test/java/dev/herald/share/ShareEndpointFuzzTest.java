package dev.herald.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.herald.buttons.Network;
import dev.herald.buttons.ShareLinks;
import dev.herald.meta.ArticleMeta;
import java.net.IDN;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * Fuzzes the share endpoint's two decisions about where a reader goes: the page check (a
 * {@code url} it accepts is on the site's host as a browser reads it, and every network's redirect
 * stays on that network's host) and the Mastodon chooser (it leads to exactly the server it shows,
 * on 443 or an allowed port). {@code mvn verify} replays the committed corpora under
 * {@code ShareEndpointFuzzTestInputs}; {@code JAZZER_FUZZ=1 mvn test -Dtest=ShareEndpointFuzzTest}
 * searches for new inputs.
 */
class ShareEndpointFuzzTest {
    private static final URI ORIGIN = URI.create("https://news.example");
    private static final ArticleMeta SAFE = ArticleMeta.builder().url(URI.create("https://news.example/a")).title("t").build();

    @FuzzTest(maxDuration = "60s")
    void thePageCheckNeverLetsAReaderOffTheSite(byte[] data) {
        String raw = new String(data, StandardCharsets.UTF_8);
        URI page;
        try {
            page = ShareServlet.sitePage(raw, ORIGIN);
        } catch (ShareServlet.BadRequest refused) {
            return;
        }
        assertEquals("news.example", page.getHost(), raw);
        HttpUrl browser = HttpUrl.parse(raw);
        if (browser != null) assertEquals("news.example", browser.host(), raw);
        ArticleMeta meta = ArticleMeta.builder().url(page).title(raw).build();
        for (Network n : Network.values()) {
            Optional<URI> target;
            try {
                target = ShareLinks.intent(n, meta);
            } catch (IllegalArgumentException e) {
                continue;
            }
            Optional<URI> expected = ShareLinks.intent(n, SAFE);
            if (target.isPresent() && expected.isPresent() && expected.get().getHost() != null) {
                assertEquals(expected.get().getRawAuthority(), target.get().getRawAuthority(), n + " " + raw);
            }
        }
    }

    @FuzzTest(maxDuration = "60s")
    void theChooserLeadsToExactlyTheServerItShows(byte[] data) {
        String typed = new String(data, StandardCharsets.UTF_8);
        ServerChoice choice;
        try {
            choice = ServerChoice.parse(typed, Set.of(8443));
        } catch (IllegalArgumentException refused) {
            return;
        }
        URI target = ShareLinks.mastodonIntent(choice.authority(), SAFE);
        assertEquals(choice.host(), target.getHost(), typed);
        assertEquals(choice.port(), target.getPort(), typed);
        assertEquals("https", target.getScheme(), typed);
        String shown = choice.shown(); // https://<unicode host>[:port]/
        String shownAuthority = shown.substring("https://".length(), shown.length() - 1);
        String shownHost = shownAuthority.replaceFirst(":[0-9]+$", "");
        assertEquals(choice.host(), IDN.toASCII(shownHost).toLowerCase(Locale.ROOT), "what the reader sees is where they go: " + typed);
        assertTrue(choice.port() == -1 || choice.port() == 8443, typed);
    }
}
