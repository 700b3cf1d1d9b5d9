package dev.herald.syndication;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A network's answer to one request, read whole (up to {@link HttpTransport#MAX_BODY_BYTES}).
 *
 * @param status the HTTP status code
 * @param headers response headers by lower-case name (the first value of each)
 * @param body the response body, possibly empty
 */
public record HttpReply(int status, Map<String, String> headers, byte[] body) {
    /** Copies the headers into an unmodifiable map. */
    public HttpReply {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** The header's first value, or {@code null}; the name is case-insensitive. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** Whether the status is 2xx. */
    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The body as UTF-8 text; parse JSON answers from it with the JSON library of your choice. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
