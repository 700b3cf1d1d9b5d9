package dev.herald.delivery;

import dev.herald.delivery.internal.OwnText;
import dev.herald.internal.Validate;
import dev.herald.meta.ArticleMeta;

/**
 * A request to share one article to one account.
 *
 * @param article what to share; its URL is required, and this snapshot is what will be sent
 * @param account the configured account's name
 * @param when when to send the first share; a time more than {@link DeliveryClient#PAST_GRACE} in
 *     the past is refused (use {@link SendTime#now()})
 * @param revision the article's revision: sharing the same revision again finds the existing share, a new one is a new share
 * @param recurrence re-shares after the first, or {@code null} for none
 * @param text the share's own text for this account, sent as written instead of the post composed
 *     from the article (checked against the network's length limit when scheduled), or {@code null}
 * @param ifExists what to do when the share exists already ({@code null} means {@link IfExists#KEEP})
 */
public record ShareRequest(ArticleMeta article, String account, SendTime when, String revision, Recurrence recurrence, String text,
        IfExists ifExists) {
    /** The most characters a share's own text may have. */
    public static final int MAX_TEXT = 10_000;

    /** What scheduling does with a share that already exists (same article URL, account and revision). */
    public enum IfExists {
        /** Change nothing and report the existing share; a cancelled share is scheduled again all the same. */
        KEEP,
        /**
         * Move a waiting, failed, dead or cancelled share to the requested time (and text); a share
         * being sent or already posted stays as it is.
         */
        RESCHEDULE
    }

    /** Requires the article (with a URL), the account and the time; a missing revision is {@code ""}. */
    public ShareRequest {
        Validate.notNull(article, "article");
        Validate.notNull(article.url(), "article url");
        Validate.notBlank(account, "account");
        Validate.notNull(when, "when");
        revision = revision == null ? "" : revision;
        OwnText.check(text);
        ifExists = ifExists == null ? IfExists.KEEP : ifExists;
    }

    /** A request with the composed text that keeps an existing share unchanged. */
    public ShareRequest(ArticleMeta article, String account, SendTime when, String revision, Recurrence recurrence) {
        this(article, account, when, revision, recurrence, null, IfExists.KEEP);
    }

    /** Share {@code article} to {@code account} now, no revision, no re-shares. */
    public static ShareRequest of(ArticleMeta article, String account) {
        return new ShareRequest(article, account, SendTime.now(), "", null);
    }

    /** A copy sent at {@code when}. */
    public ShareRequest at(SendTime when) {
        return new ShareRequest(article, account, when, revision, recurrence, text, ifExists);
    }

    /** A copy for article revision {@code revision}. */
    public ShareRequest revision(String revision) {
        return new ShareRequest(article, account, when, revision, recurrence, text, ifExists);
    }

    /** A copy re-shared by {@code recurrence}. */
    public ShareRequest recurring(Recurrence recurrence) {
        return new ShareRequest(article, account, when, revision, recurrence, text, ifExists);
    }

    /** A copy that posts {@code text} as written ({@code null}: compose the post from the article). */
    public ShareRequest text(String text) {
        return new ShareRequest(article, account, when, revision, recurrence, text, ifExists);
    }

    /** A copy that treats an existing share as {@code ifExists} says. */
    public ShareRequest ifExists(IfExists ifExists) {
        return new ShareRequest(article, account, when, revision, recurrence, text, ifExists);
    }

}
