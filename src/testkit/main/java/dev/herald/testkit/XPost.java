package dev.herald.testkit;

import dev.herald.internal.Validate;
import java.time.Instant;
import java.util.List;

/**
 * A post {@link MockX} created, as the client sent it.
 *
 * @param id the post id, a snowflake in a string
 * @param authorId the id of the user whose credentials posted it
 * @param text the {@code text} exactly as received (links as written, not yet {@code t.co})
 * @param urls the links X found in the text, in order, as they would be expanded
 * @param createdAt when the fake's clock says it was created
 */
public record XPost(String id, String authorId, String text, List<String> urls, Instant createdAt) {
    /** Requires every part. */
    public XPost {
        Validate.notBlank(id, "id");
        Validate.notBlank(authorId, "authorId");
        Validate.notNull(text, "text");
        urls = List.copyOf(urls);
        Validate.notNull(createdAt, "createdAt");
    }
}
