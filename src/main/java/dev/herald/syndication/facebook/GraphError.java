package dev.herald.syndication.facebook;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Graph API's error object, {@code {"error":{message, type, code, error_subcode, fbtrace_id}}}.
 *
 * @param message Facebook's text
 * @param code the error code, 0 when absent
 * @param subcode the error subcode, 0 when absent
 */
record GraphError(String message, int code, int subcode) {
    /** Throttling: 4 app, 17 user, 32 Page (user token), 613 custom, 80001 Page (Page token). */
    boolean throttled() {
        return code == 4 || code == 17 || code == 32 || code == 613 || code == 80001;
    }

    /** The error in a reply body, or {@code null} when it holds none. */
    static GraphError of(JsonNode body) {
        JsonNode e = body.path("error");
        if (!e.isObject()) return null;
        return new GraphError(e.path("message").asText(""), e.path("code").asInt(0), e.path("error_subcode").asInt(0));
    }
}
