package dev.herald.syndication.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.internal.Json;
import dev.herald.syndication.HttpReply;
import java.io.IOException;

/**
 * The one JSON mapper the built-in networks use: request bodies built as trees and their two forms
 * (wire bytes and a printout), and replies read as trees.
 */
public final class Payloads {
    private static final ObjectMapper JSON = Json.MAPPER;

    private Payloads() {}

    /**
     * The reply's body parsed as JSON, or a missing node when it is empty or not JSON (an HTML error
     * page from a proxy, say): callers read fields with {@code path(...)} and get defaults, not exceptions.
     */
    public static JsonNode json(HttpReply reply) {
        byte[] body = reply.body();
        if (body.length == 0) return JSON.missingNode();
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? JSON.missingNode() : node;
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    /** A new, empty JSON object. */
    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** {@code node} as compact UTF-8 JSON, as sent. */
    public static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** {@code node} as indented JSON, for previews and dry runs. */
    public static String pretty(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
