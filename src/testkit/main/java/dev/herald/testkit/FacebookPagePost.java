package dev.herald.testkit;

import dev.herald.internal.Validate;
import java.time.Instant;

/**
 * A post {@link MockFacebook} published on a Page's feed, as the client sent it.
 *
 * @param id {@code <page id>_<post id>}, as the Graph API answers
 * @param page the Page's id
 * @param message the {@code message} field, empty when absent
 * @param link the {@code link} field, or {@code null}
 * @param createdAt when the fake's clock says it was published
 */
public record FacebookPagePost(String id, String page, String message, String link, Instant createdAt) {
    /** Requires the id, Page and time. */
    public FacebookPagePost {
        Validate.notBlank(id, "id");
        Validate.notBlank(page, "page");
        message = message == null ? "" : message;
        Validate.notNull(createdAt, "createdAt");
    }
}
