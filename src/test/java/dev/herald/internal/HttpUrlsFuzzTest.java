package dev.herald.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;

/**
 * Fuzzes {@link HttpUrls}: whatever it accepts, normalising again changes nothing, the result is a
 * pure-ASCII URI with a host, and that host is the one a WHATWG-style parser (OkHttp's) reads in the
 * input. {@code mvn verify} replays the committed corpus under {@code HttpUrlsFuzzTestInputs};
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=HttpUrlsFuzzTest} searches for new inputs.
 */
class HttpUrlsFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void normalisingIsIdempotentAndNeverMovesTheHost(byte[] data) {
        String input = new String(data, StandardCharsets.UTF_8);
        URI once;
        try {
            once = HttpUrls.normalize(input);
        } catch (IllegalArgumentException refused) {
            return; // refusing is always allowed; the message is checked by the unit tests
        }
        assertNotNull(once.getHost(), input);
        assertEquals(once, HttpUrls.normalize(once.toString()), input);
        assertEquals(once.toString(), once.toASCIIString(), input);
        HttpUrl browser = HttpUrl.parse(input);
        if (browser != null) assertEquals(RandomUrls.bracketed(browser.host()), once.getHost(), input);
    }
}
