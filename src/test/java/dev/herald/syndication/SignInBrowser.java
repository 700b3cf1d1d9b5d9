package dev.herald.syndication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The person at a network's sign-in page, for sign-in tests against the test kit's fakes: opens the
 * address a {@link SignIn} gives and reads what the fake's redirect back to the app carries.
 */
public final class SignInBrowser {
    private final HttpClient http = HttpClient.newHttpClient(); // follows no redirects, as the test needs to read the first one

    /** Opens {@code url}, expects the fake's 302 back to the app, and returns the query of its {@code Location}. */
    public Map<String, String> open(URI url) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, answer.statusCode(), answer.body());
        return query(back(answer));
    }

    /** Where the fake's answer to {@code url} sends the browser (a 302 is expected). */
    public URI redirect(URI url) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, answer.statusCode(), answer.body());
        return back(answer);
    }

    private static URI back(HttpResponse<String> answer) {
        return URI.create(answer.headers().firstValue("Location").orElseThrow());
    }

    /** The decoded query parameters of {@code url} (its fragment, such as Facebook's {@code #_=_}, ignored). */
    public static Map<String, String> query(URI url) {
        Map<String, String> out = new HashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
