package dev.herald.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.internal.Utf8;
import dev.herald.internal.Validate;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code app.bsky.feed.post} record {@link MockBluesky} accepted.
 *
 * @param uri {@code at://<did>/app.bsky.feed.post/<rkey>}
 * @param cid the record's content id as returned to the client
 * @param did the repository (account) it was written to
 * @param rkey the record key, sent by the client or generated as a TID
 * @param clientRkey whether the client chose the rkey
 * @param record the record exactly as received (text, createdAt, langs, facets, embed, …)
 */
public record BlueskyPost(String uri, String cid, String did, String rkey, boolean clientRkey, JsonNode record) {
    /** Requires every part. */
    public BlueskyPost {
        Validate.notBlank(uri, "uri");
        Validate.notBlank(cid, "cid");
        Validate.notBlank(did, "did");
        Validate.notBlank(rkey, "rkey");
        Validate.notNull(record, "record");
    }

    /** The post's text. */
    public String text() {
        return record.path("text").asText();
    }

    /** The {@code createdAt} the client set. */
    public String createdAt() {
        return record.path("createdAt").asText();
    }

    /** The {@code langs} the client set, possibly empty. */
    public List<String> langs() {
        List<String> out = new ArrayList<>();
        record.path("langs").forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The link card's {@code external} object ({@code uri}, {@code title}, {@code description}, {@code thumb}), or a missing node. */
    public JsonNode externalEmbed() {
        return record.path("embed").path("external");
    }

    /**
     * The text each facet spans, decoded from its UTF-8 byte offsets: what the reader sees as the
     * link. Handy for asserting {@code assertEquals("example.com/story", post.facetTexts().get(0))}.
     */
    public List<String> facetTexts() {
        List<String> out = new ArrayList<>();
        String text = text();
        for (JsonNode facet : record.path("facets")) {
            int start = Utf8.charIndex(text, facet.path("index").path("byteStart").asInt(-1));
            int end = Utf8.charIndex(text, facet.path("index").path("byteEnd").asInt(-1));
            out.add(start < 0 || end < start ? null : text.substring(start, end));
        }
        return out;
    }

    /** The {@code uri} of each link facet feature, in order. */
    public List<String> linkUris() {
        List<String> out = new ArrayList<>();
        for (JsonNode facet : record.path("facets")) {
            for (JsonNode feature : facet.path("features")) {
                if ("app.bsky.richtext.facet#link".equals(feature.path("$type").asText())) out.add(feature.path("uri").asText());
            }
        }
        return out;
    }
}
