package dev.herald.delivery;

import dev.herald.internal.Validate;
import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.Post;
import java.net.URI;
import java.time.Instant;

/**
 * One article to be shared to one account, as the outbox holds it.
 *
 * @param id the share's idempotency key: stable for (article URL, account, revision, occurrence),
 *     sent to the network on every attempt so a resend after a crash is recognised as a duplicate
 * @param account the configured account's name
 * @param network the account's network, such as {@code mastodon}
 * @param revision the article revision this share is for ({@code ""} when none was given)
 * @param occurrence 0 for the first share of the revision, 1, 2, … for recurring re-shares
 * @param state where the share is in its life
 * @param dueAt when it is (next) due to be sent
 * @param slotAt the account queue slot it occupies, or {@code null}
 * @param attempts how many times the network was called for it
 * @param failures consecutive transient failures, which drive the backoff and the retry budget
 * @param lastOutcome the kind of the last outcome ({@code posted}, {@code transient}, …), or {@code null}
 * @param lastMessage the last outcome's description or the reason for the state, or {@code null}
 * @param remoteId the network's id of the post once posted, or {@code null}
 * @param remoteUrl where readers see the post once posted, or {@code null}
 * @param article the article as it was when the share was scheduled: this is what is sent
 * @param createdAt when the share was scheduled
 * @param updatedAt when the share last changed
 * @param postedAt when the network accepted it, or {@code null}
 * @param claimedBy the node that last claimed it for sending, or {@code null}
 * @param version incremented on every change, for optimistic concurrency
 * @param text the share's own text for its account, sent as written instead of the composed
 *     post, or {@code null} to compose it from the article
 */
public record Share(
        String id,
        String account,
        String network,
        String revision,
        int occurrence,
        ShareState state,
        Instant dueAt,
        Instant slotAt,
        int attempts,
        int failures,
        String lastOutcome,
        String lastMessage,
        String remoteId,
        URI remoteUrl,
        ArticleMeta article,
        Instant createdAt,
        Instant updatedAt,
        Instant postedAt,
        String claimedBy,
        long version,
        String text) {

    /** Requires the identifying fields, a state, a due time and an article with a URL. */
    public Share {
        Validate.notBlank(id, "id");
        Validate.notBlank(account, "account");
        Validate.notBlank(network, "network");
        Validate.notNull(revision, "revision");
        Validate.isTrue(occurrence >= 0, "occurrence", "must not be negative");
        Validate.notNull(state, "state");
        Validate.notNull(dueAt, "dueAt");
        Validate.notNull(article, "article");
        Validate.notNull(article.url(), "article url");
    }

    /** How many leading characters of an id {@link #shortId()} shows. */
    public static final int SHORT_ID_LENGTH = 12;

    /** The first {@value #SHORT_ID_LENGTH} characters of the id: what lists show; any unique prefix of 8 or more finds the share. */
    public String shortId() {
        return id.length() <= SHORT_ID_LENGTH ? id : id.substring(0, SHORT_ID_LENGTH);
    }

    /** The article's headline, or {@code ""} when it has none. */
    public String headline() {
        return article.title() == null ? "" : article.title();
    }

    /** The article's canonical URL. */
    public URI articleUrl() {
        return article.url();
    }

    /** The post to send for this share, carrying the share's id as the idempotency key and its own text, if any. */
    public Post toPost() {
        Post post = new Post(article, account, revision, id);
        return text == null ? post : post.withText(text);
    }

    /**
     * The idempotency key of a share: {@link Post#keyOf} of (URL, account, revision) for the first
     * occurrence, and of a revision marked with the occurrence for re-shares, so each re-share is a
     * distinct post to the network but the same one on every retry.
     */
    public static String keyOf(URI articleUrl, String account, String revision, int occurrence) {
        Validate.notNull(articleUrl, "articleUrl");
        String rev = revision == null ? "" : revision;
        return Post.keyOf(articleUrl.toString(), account, occurrence == 0 ? rev : rev + "#reshare-" + occurrence);
    }
}
