package dev.herald.delivery;

import dev.herald.syndication.QueueSlots;
import dev.herald.meta.ArticleMeta;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What application code uses to share articles and manage the queue: safe to call from any
 * thread, from any node sharing the database, whether or not this process runs a worker.
 *
 * <p>Every share is keyed by (article URL, account, revision): asking for the same share twice
 * returns the existing one, changed only when asked ({@link ShareRequest.IfExists#RESCHEDULE}),
 * and sends nothing more. A cancelled share asked for again is scheduled again.
 *
 * <p>Times: a send time more than {@link #PAST_GRACE} in the past is refused with an
 * {@link IllegalArgumentException}; {@link SendTime#now()} is how to send at once.
 *
 * <p>Ids: shares are named by their 32-hex-character id; {@link #resolve} also takes any unique
 * prefix of {@value #MIN_ID_PREFIX} or more characters, as {@link Share#shortId()} shows them.
 */
public interface DeliveryClient {
    /** How far in the past a send time may be (clocks differ a little between machines) before it is refused. */
    Duration PAST_GRACE = Duration.ofMinutes(1);

    /** The fewest leading characters of an id that {@link #resolve} accepts. */
    int MIN_ID_PREFIX = 8;

    /** Shares {@code article} now to every configured account; returns one share per account. */
    List<Share> publish(ArticleMeta article);

    /** Shares revision {@code revision} of {@code article} now to every configured account. */
    List<Share> publish(ArticleMeta article, String revision);

    /**
     * Shares an article to one account at a time; returns the share and any re-shares, in order.
     * An existing share is returned as {@link #submit} leaves it.
     *
     * @throws IllegalArgumentException for an unknown account, a past time, or a text too long for the network
     */
    List<Share> schedule(ShareRequest request);

    /**
     * Schedules as {@link #schedule(ShareRequest)} does and says, for each share, what happened:
     * created, left unchanged because it exists, rescheduled as the request asked, or restored
     * after a cancel.
     *
     * @throws IllegalArgumentException for an unknown account, a past time, or a text too long for the network
     */
    List<ScheduleResult> submit(ShareRequest request);

    /** As {@link #submit} for many requests, checked all before any is scheduled; returns every resulting share. */
    List<ScheduleResult> submitAll(List<ShareRequest> requests);

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

    /**
     * Moves a share not yet sent to {@code when}: a waiting or failed one keeps its failure count,
     * a cancelled or dead one is scheduled again with a fresh retry budget. {@code false} if it is
     * being sent, sent, or unknown.
     *
     * @throws IllegalArgumentException if {@code when} is in the past
     */
    boolean reschedule(String shareId, SendTime when);

    /**
     * Moves a share not yet sent into its account's next free queue slot (a slot it holds counts
     * as free); empty if it is being sent, sent, or unknown.
     *
     * @throws IllegalArgumentException if the account has no queue slots configured
     * @throws DeliveryException if no slot is free within {@link QueueSlots#HORIZON_DAYS} days
     */
    java.util.Optional<Share> rescheduleNext(String shareId);

    /**
     * Gives a share not yet sent its own text ({@code null}: compose it from the article again);
     * {@code false} if it is being sent, sent, or unknown.
     *
     * @throws IllegalArgumentException if the text is blank or too long for the share's network
     */
    boolean setText(String shareId, String text);

    /**
     * Sends a failed, dead, cancelled or uncertain share again now, with a fresh retry budget;
     * {@code false} otherwise. For an uncertain share this is "resend": the person checked that the
     * post is not on the account. (On a network that can look its posts up, Herald still looks first.)
     */
    boolean retry(String shareId);

    /**
     * Marks an uncertain (or dead) share as posted, on a person's word that the post is on the
     * account, with its URL when they give one; it is never sent again. {@code false} if the share is
     * in another state or unknown.
     */
    boolean confirm(String shareId, java.net.URI remoteUrl);

    /** Every call made to the network for the share, oldest first, with what came of it. */
    List<Attempt> attempts(String shareId);

    /** The newest {@code limit} entries of the audit log, newest first. */
    List<AuditEntry> auditLog(int limit);

    /**
     * Writes one entry to the audit log for something a person did that is not a call on this
     * client (a sign-in, a refused request, a credentials check), so a console keeps its whole trail
     * in the outbox database next to the changes.
     */
    void audit(String actor, String action, String target, String detail);

    /**
     * This client acting for {@code actor} (a console user, {@code cli:alice}): the same calls, with
     * every change written to the audit log under that name.
     */
    DeliveryClient as(String actor);

    /**
     * The share whose id is {@code idOrPrefix} or starts with it (at least {@value #MIN_ID_PREFIX}
     * hexadecimal characters, any case).
     *
     * @throws IllegalArgumentException if it is too short, matches no share, or matches several (they are named)
     */
    Share resolve(String idOrPrefix);

    /**
     * Tells Herald that {@code account}'s credentials were changed: clears its auth-failed state and
     * wakes its waiting shares. Returns how many shares were woken.
     */
    int credentialsChanged(String account);

    /**
     * Clears {@code account}'s auth-failed state by hand (a person checked its credentials) and
     * wakes its waiting shares. Returns how many shares were woken.
     *
     * @throws IllegalArgumentException if the account is neither configured nor recorded
     */
    int resetAccount(String account);

    /** The share with this id. */
    Optional<Share> find(String shareId);

    /** The shares matching {@code query}, by due time. */
    List<Share> list(ShareQuery query);

    /** Whether {@code account} may send, and why not. */
    AccountStatus account(String account);

    /** The configured account names. */
    List<String> accounts();

    /** The state of every configured account and every account the outbox has recorded, by name. */
    List<AccountStatus> accountStatuses();

    /**
     * What the credential store holds per account, without any secret: when each token expires and
     * when signing in again becomes necessary (read without the store's key). Empty when nothing was
     * ever stored.
     */
    List<StoredCredential> storedCredentials();

    /** Counts by state (all nodes) and this process's worker counters. */
    DeliveryStats stats();
}
