package dev.herald.delivery.internal;

import dev.herald.delivery.ShareState;
import dev.herald.internal.Validate;
import java.net.URI;
import java.time.Instant;

/**
 * What became of one send attempt, recorded on the share that was claimed for it.
 *
 * @param state the share's new state: POSTED, FAILED (due again at {@code dueAt}), DEAD or UNCERTAIN
 * @param dueAt when a FAILED share is due again; ignored otherwise
 * @param failures the share's consecutive transient failures after this attempt
 * @param outcome the outcome's kind, such as {@code posted} or {@code transient}
 * @param message the outcome's description
 * @param remoteId the network's id of the post, when posted
 * @param remoteUrl the post's URL, when posted and known
 */
public record AttemptResult(
        ShareState state, Instant dueAt, int failures, String outcome, String message, String remoteId, URI remoteUrl) {
    /** Requires a state reachable from SENDING and, for FAILED, a due time. */
    public AttemptResult {
        Validate.notNull(state, "state");
        Validate.isTrue(state == ShareState.POSTED || state == ShareState.FAILED || state == ShareState.DEAD
                || state == ShareState.UNCERTAIN, "state", "must be POSTED, FAILED, DEAD or UNCERTAIN after an attempt");
        Validate.isTrue(state != ShareState.FAILED || dueAt != null, "dueAt", "is required for a failed attempt");
        Validate.notBlank(outcome, "outcome");
    }
}
