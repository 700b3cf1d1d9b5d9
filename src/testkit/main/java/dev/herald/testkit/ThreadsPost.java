package dev.herald.testkit;

import dev.herald.internal.Validate;
import java.time.Instant;

/**
 * A post {@link MockThreads} published.
 *
 * @param id the media id
 * @param containerId the container it was published from
 * @param text the container's {@code text}
 * @param linkAttachment the {@code link_attachment}, or {@code null}
 * @param publishedAt when the fake's clock says it was published
 */
public record ThreadsPost(String id, String containerId, String text, String linkAttachment, Instant publishedAt) {
    /** Requires the ids, text and time. */
    public ThreadsPost {
        Validate.notBlank(id, "id");
        Validate.notBlank(containerId, "containerId");
        Validate.notNull(text, "text");
        Validate.notNull(publishedAt, "publishedAt");
    }
}
