package dev.herald.testkit;

import dev.herald.internal.Validate;
import java.time.Instant;

/**
 * A status {@link MockMastodon} created (or scheduled), as the client sent it.
 *
 * @param id the status id (or scheduled status id), a Mastodon-style snowflake in a string
 * @param account the username of the token's account
 * @param text the {@code status} parameter exactly as received
 * @param spoilerText the {@code spoiler_text} parameter, empty when absent
 * @param visibility {@code public}, {@code unlisted}, {@code private} or {@code direct}
 * @param language the ISO 639 code sent, or null when none (or an unusable one) was sent
 * @param sensitive the {@code sensitive} flag
 * @param idempotencyKey the {@code Idempotency-Key} header, or null
 * @param createdAt when the fake's clock says it was created
 * @param scheduledAt when it is scheduled for, or null for a status published at once
 * @param url the status's public URL on the fake ({@code …/@user/id}); null for a scheduled status
 */
public record MastodonStatus(
        String id,
        String account,
        String text,
        String spoilerText,
        String visibility,
        String language,
        boolean sensitive,
        String idempotencyKey,
        Instant createdAt,
        Instant scheduledAt,
        String url) {
    /** Requires the id, account, text, visibility and creation time. */
    public MastodonStatus {
        Validate.notBlank(id, "id");
        Validate.notBlank(account, "account");
        Validate.notNull(text, "text");
        spoilerText = spoilerText == null ? "" : spoilerText;
        Validate.notBlank(visibility, "visibility");
        Validate.notNull(createdAt, "createdAt");
    }

    /** Whether this is a scheduled status rather than a published one. */
    public boolean scheduled() {
        return scheduledAt != null;
    }
}
