package dev.herald.delivery.internal;

import dev.herald.delivery.AccountState;
import dev.herald.delivery.AccountStatus;
import dev.herald.delivery.Attempt;
import dev.herald.delivery.AuditEntry;
import dev.herald.delivery.internal.CredentialStamp;
import dev.herald.delivery.Share;
import dev.herald.delivery.ShareQuery;
import dev.herald.delivery.ShareState;
import dev.herald.syndication.Quota;
import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outbox: durable shares and the state transitions between them.
 *
 * <p>Every transition is conditional on the share's current state (and, for a send, its version),
 * so concurrent callers on several nodes can never both win: the loser sees {@code false} or
 * {@link ClaimResult.Lost} and does nothing.
 */
public interface DeliveryStore {

    /** The result of adding a share. */
    enum InsertResult {
        /** The share was added. */
        CREATED,
        /** A share with the same id (same article, account, revision, occurrence) exists; nothing changed. */
        EXISTS,
        /** The requested queue slot is held by another share of the account; nothing changed. */
        SLOT_TAKEN
    }

    /** Adds {@code share} in state SCHEDULED unless its id exists already or its slot is taken. */
    InsertResult insert(NewShare share, Instant now);

    /** The share with this id. */
    Optional<Share> find(String id);

    /** A share together with its account's state, read at once. */
    record Due(Share share, AccountStatus account) {}

    /** The share with this id and its account's state, in one read (the worker's hot path). */
    Optional<Due> findDue(String id);

    /** The shares matching {@code query}, ordered by due time then id. */
    List<Share> list(ShareQuery query);

    /** How many shares are in each state (states with none are absent). */
    Map<ShareState, Long> countByState();

    /**
     * Claims a due share for sending: SCHEDULED, FAILED or (after a crash) SENDING → SENDING,
     * counting an attempt, provided its version is still {@code version}, it is due at {@code now},
     * and sending would keep the account within every one of {@code quotas}. A share that would
     * exceed a quota has its due time moved to when the window frees.
     */
    ClaimResult claim(String id, long version, Instant now, String node, List<Quota> quotas);

    /**
     * The worker's fast path: claims share {@code id} in one statement if it is SCHEDULED or FAILED,
     * due at {@code now}, belongs to one of {@code accounts} and its account is not auth-failed —
     * whatever its version. Anything else (including a SENDING share after a crash) is
     * {@link ClaimResult.Lost} and left to {@link #claim}.
     */
    ClaimResult claimIfDue(String id, Instant now, String node, Collection<String> accounts);

    /** Records the result of the attempt made under the claim that produced {@code claimedVersion}. */
    boolean recordAttempt(String id, long claimedVersion, AttemptResult result, Instant now);

    /** SCHEDULED or FAILED → CANCELLED, freeing its queue slot; {@code false} if in any other state. */
    boolean cancel(String id, Instant now);

    /** Moves a SCHEDULED or FAILED share to {@code dueAt} (leaving its queue slot); {@code false} otherwise. */
    boolean reschedule(String id, Instant dueAt, Instant now);

    /**
     * Moves a SCHEDULED, FAILED, CANCELLED or DEAD share to {@code dueAt}, in queue slot
     * {@code slotAt} (or none), as SCHEDULED; a cancelled or dead one starts with no failures.
     * {@code false} if the share is in any other state or the slot is held by another share.
     */
    boolean moveTo(String id, Instant dueAt, Instant slotAt, Instant now);

    /** Sets the own text of a share not yet sent ({@code null}: compose it); {@code false} if it is sending, sent or unknown. */
    boolean setText(String id, String text, Instant now);

    /** DEAD, CANCELLED or FAILED → SCHEDULED, due at {@code now}, with its failure count reset; {@code false} otherwise. */
    boolean revive(String id, Instant now);

    /**
     * Marks an uncertain or dead share as posted on a person's word, with the post's URL when they
     * give one; {@code false} if the share is in another state or unknown.
     */
    boolean confirm(String id, URI remoteUrl, String message, Instant now);

    /** Every recorded call to the network for share {@code id}, oldest first. */
    List<Attempt> attempts(String id);

    /** Whether a share of {@code account} other than {@code exceptId} has recorded the post {@code remoteId} as its own. */
    boolean remoteIdTaken(String account, String remoteId, String exceptId);

    /** Appends {@code entry} to the audit log. */
    void audit(AuditEntry entry);

    /** The newest {@code limit} audit entries, newest first. */
    List<AuditEntry> auditLog(int limit);

    /** The shares whose id starts with {@code prefix} (lower-case hex), by id, at most {@code limit}. */
    List<Share> findByPrefix(String prefix, int limit);

    /**
     * Pending shares (SCHEDULED, FAILED, SENDING) that have no scheduled execution of task
     * {@code taskName} in db-scheduler's {@code table}: at most {@code limit} ids. Normally none;
     * the worker's sweep re-schedules any it finds.
     */
    List<String> orphans(String table, String taskName, int limit);

    /** The queue slots in {@code [from, to)} held by pending or posted shares of {@code account}. */
    List<Instant> takenSlots(String account, Instant from, Instant to);

    /** The account's recorded state; {@link AccountStatus#active} for an account never recorded. */
    AccountStatus account(String name);

    /** Records the account's state, with the reason. */
    void setAccount(String name, AccountState state, String message, Instant now);

    /**
     * Records the account's state, with the reason and a {@link CredentialStamp} of the credentials
     * in use ({@code null} when unknown): for an auth failure, the credentials that failed.
     */
    void setAccount(String name, AccountState state, String message, String credentialStamp, Instant now);

    /** The stamp of the credentials that failed, when the account is auth-failed and one was recorded. */
    Optional<String> failedCredential(String name);

    /** Every account the outbox has a recorded state for, by name. */
    List<AccountStatus> accounts();
}
