package dev.herald.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.internal.Validate;
import java.time.Instant;

/**
 * A post {@link MockLinkedIn} created.
 *
 * @param id its URN, {@code urn:li:share:<n>}
 * @param author the author URN
 * @param commentary the commentary as LinkedIn shows it: little text unescaped, and cut at the first
 *     unescaped reserved character, as LinkedIn silently does
 * @param rawCommentary the commentary exactly as received
 * @param body the whole request body
 * @param createdAt when the fake's clock says it was created
 */
public record LinkedInPost(String id, String author, String commentary, String rawCommentary, JsonNode body, Instant createdAt) {
    /** Requires every part. */
    public LinkedInPost {
        Validate.notBlank(id, "id");
        Validate.notBlank(author, "author");
        Validate.notNull(commentary, "commentary");
        Validate.notNull(rawCommentary, "rawCommentary");
        Validate.notNull(body, "body");
        Validate.notNull(createdAt, "createdAt");
    }

    /** {@code content.article}, the card. */
    public JsonNode article() {
        return body.path("content").path("article");
    }
}
