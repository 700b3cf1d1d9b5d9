package dev.herald.delivery;

import dev.herald.meta.ArticleMeta;
import java.util.List;
import java.util.Optional;

/**
 * What application code uses to share articles and manage the queue: safe to call from any
 * thread, from any node sharing the database, whether or not this process runs a worker.
 *
 * <p>Every share is keyed by (article URL, account, revision): asking for the same share twice
 * returns the existing one and sends nothing more.
 */
public interface DeliveryClient {

    /** Shares {@code article} now to every configured account; returns one share per account. */
    List<Share> publish(ArticleMeta article);

    /** Shares revision {@code revision} of {@code article} now to every configured account. */
    List<Share> publish(ArticleMeta article, String revision);

    /** Shares an article to one account at a time; returns the share and any re-shares, in order. */
    List<Share> schedule(ShareRequest request);

    /** Schedules many requests in one transaction (all or none); returns every resulting share. */
    List<Share> scheduleAll(List<ShareRequest> requests);

    /** Shares {@code article} to {@code account} at {@code when}. */
    default Share schedule(ArticleMeta article, String account, SendTime when) {
        return schedule(ShareRequest.of(article, account).at(when)).get(0);
    }

    /**
     * Shares {@code article} to {@code account} in the account's next free queue slot.
     *
     * @throws IllegalArgumentException if the account has no queue slots configured
     */
    Share shareNext(ArticleMeta article, String account);

    /** Withdraws a share not yet being sent; {@code false} if it is sending, sent, dead or unknown. */
    boolean cancel(String shareId);

    /** Moves a share not yet being sent to {@code when}; {@code false} if it is sending, sent, dead or unknown. */
    boolean reschedule(String shareId, SendTime when);

    /** Sends a dead or cancelled share again now, with a fresh retry budget; {@code false} otherwise. */
    boolean retry(String shareId);

    /**
     * Tells Herald that {@code account}'s credentials were changed: clears its auth-failed state and
     * wakes its waiting shares. Returns how many shares were woken.
     */
    int credentialsChanged(String account);

    /** The share with this id. */
    Optional<Share> find(String shareId);

    /** The shares matching {@code query}, by due time. */
    List<Share> list(ShareQuery query);

    /** Whether {@code account} may send, and why not. */
    AccountStatus account(String account);

    /** The configured account names. */
    List<String> accounts();

    /** Counts by state (all nodes) and this process's worker counters. */
    DeliveryStats stats();
}
