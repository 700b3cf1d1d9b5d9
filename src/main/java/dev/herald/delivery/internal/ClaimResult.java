package dev.herald.delivery.internal;

import dev.herald.delivery.Share;
import java.time.Instant;

/** The answer to a request to claim a share for sending. */
public sealed interface ClaimResult {
    /** This caller now owns the send; {@code share} is the claimed row (state SENDING). */
    record Claimed(Share share) implements ClaimResult {}

    /** Sending now would exceed a quota; the share's due time was moved to {@code until}. */
    record Deferred(Instant until, String reason) implements ClaimResult {}

    /** The share changed since it was read (cancelled, rescheduled, claimed elsewhere): do nothing. */
    record Lost() implements ClaimResult {}
}
