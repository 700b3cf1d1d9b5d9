package dev.herald.delivery;

/** Where a share is in its life; the outbox moves a share only along the arrows documented here. */
public enum ShareState {
    /** Waiting for its due time (SCHEDULED → SENDING, → CANCELLED). */
    SCHEDULED,
    /** Claimed by one node that is calling the network (SENDING → POSTED, FAILED, DEAD, UNCERTAIN). */
    SENDING,
    /** On the account: the network accepted it or reported it as already there. Final. */
    POSTED,
    /** The last attempt failed in a way that may pass; due again at its due time (→ SENDING, → CANCELLED). */
    FAILED,
    /** Gave up: permanent refusal or retries exhausted; a person may {@code retry} it (→ SCHEDULED). */
    DEAD,
    /** Withdrawn by a person before it was sent. Final unless retried. */
    CANCELLED,
    /**
     * Sent, but no answer came back, and the network cannot be asked whether the post exists: never
     * sent again by itself. A person checks the account and confirms it (→ POSTED) or resends it
     * (→ SCHEDULED).
     */
    UNCERTAIN;

    /** Whether the share still waits to be sent (scheduled, failed and awaiting retry, or mid-send). */
    public boolean pending() {
        return this == SCHEDULED || this == FAILED || this == SENDING;
    }

    /** Whether the share waits for a person: given up on (DEAD) or possibly posted (UNCERTAIN). */
    public boolean needsAttention() {
        return this == DEAD || this == UNCERTAIN;
    }
}
