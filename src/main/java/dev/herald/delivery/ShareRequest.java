package dev.herald.delivery;

import dev.herald.internal.Validate;
import dev.herald.meta.ArticleMeta;

/**
 * A request to share one article to one account.
 *
 * @param article what to share; its URL is required, and this snapshot is what will be sent
 * @param account the configured account's name
 * @param when when to send the first share
 * @param revision the article's revision: sharing the same revision again is a no-op, a new one is a new share
 * @param recurrence re-shares after the first, or {@code null} for none
 */
public record ShareRequest(ArticleMeta article, String account, SendTime when, String revision, Recurrence recurrence) {
    /** Requires the article (with a URL), the account and the time; a missing revision is {@code ""}. */
    public ShareRequest {
        Validate.notNull(article, "article");
        Validate.notNull(article.url(), "article url");
        Validate.notBlank(account, "account");
        Validate.notNull(when, "when");
        revision = revision == null ? "" : revision;
    }

    /** Share {@code article} to {@code account} now, no revision, no re-shares. */
    public static ShareRequest of(ArticleMeta article, String account) {
        return new ShareRequest(article, account, SendTime.now(), "", null);
    }

    /** A copy sent at {@code when}. */
    public ShareRequest at(SendTime when) {
        return new ShareRequest(article, account, when, revision, recurrence);
    }

    /** A copy for article revision {@code revision}. */
    public ShareRequest revision(String revision) {
        return new ShareRequest(article, account, when, revision, recurrence);
    }

    /** A copy re-shared by {@code recurrence}. */
    public ShareRequest recurring(Recurrence recurrence) {
        return new ShareRequest(article, account, when, revision, recurrence);
    }
}
