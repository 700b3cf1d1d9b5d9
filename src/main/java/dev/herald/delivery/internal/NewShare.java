package dev.herald.delivery.internal;

import dev.herald.delivery.Share;
import dev.herald.delivery.ShareRequest;
import dev.herald.internal.Validate;
import dev.herald.meta.ArticleMeta;
import java.time.Instant;

/**
 * A share to be added to the outbox.
 *
 * @param article what to share; its URL is required
 * @param account the configured account's name
 * @param network the account's network
 * @param revision the article's revision ({@code null} means {@code ""})
 * @param occurrence 0 for the first share, 1, 2, … for re-shares
 * @param dueAt when to send it
 * @param slotAt the account queue slot it takes, or {@code null}
 * @param text the share's own text, sent instead of the composed post, or {@code null}
 */
public record NewShare(
        ArticleMeta article, String account, String network, String revision, int occurrence, Instant dueAt, Instant slotAt,
        String text) {

    /** Validates every field and normalises a missing revision to {@code ""}. */
    public NewShare {
        Validate.notNull(article, "article");
        Validate.notNull(article.url(), "article url");
        Validate.notBlank(account, "account");
        Validate.noLineBreaks(account, "account");
        Validate.isTrue(account.length() <= 200, "account", "must be at most 200 characters");
        Validate.notBlank(network, "network");
        revision = revision == null ? "" : revision;
        Validate.isTrue(revision.length() <= 200, "revision", "must be at most 200 characters");
        Validate.isTrue(article.url().toString().length() <= 2048, "article url", "must be at most 2048 characters");
        Validate.isTrue(occurrence >= 0, "occurrence", "must not be negative");
        Validate.notNull(dueAt, "dueAt");
        OwnText.check(text);
    }

    /** A share whose post is composed from the article (no text of its own). */
    public NewShare(ArticleMeta article, String account, String network, String revision, int occurrence, Instant dueAt, Instant slotAt) {
        this(article, account, network, revision, occurrence, dueAt, slotAt, null);
    }

    /** The id the share will have: its idempotency key. */
    public String id() {
        return Share.keyOf(article.url(), account, revision, occurrence);
    }
}
