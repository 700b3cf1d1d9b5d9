package dev.herald.syndication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.internal.Json;
import java.io.IOException;
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
    private static final ObjectMapper JSON = Json.MAPPER;

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

    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The body parsed as JSON, or a missing node when it is empty or not JSON (an HTML error page
     * from a proxy, say): callers read fields with {@code path(...)} and get defaults, not exceptions.
     */
    public JsonNode json() {
        if (body.length == 0) return JSON.missingNode();
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? JSON.missingNode() : node;
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
