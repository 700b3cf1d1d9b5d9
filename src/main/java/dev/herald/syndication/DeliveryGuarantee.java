package dev.herald.syndication;

/**
 * What a network offers against a second post when an answer is lost: the delivery layer decides
 * by it whether a retry is safe, must look first, or must be left to a person.
 */
public enum DeliveryGuarantee {
    /**
     * The network takes an idempotency key (a header, a client-chosen record key, a webhook id): a
     * retry with the same key cannot post twice, so retrying is always safe.
     */
    IDEMPOTENCY_KEY,
    /**
     * No key, but the syndicator can ask whether a post exists ({@link Syndicator#reconcile}): after a
     * lost answer the delivery layer reconciles before it sends again.
     */
    RECONCILE_BEFORE_RESEND,
    /**
     * Neither: after a lost answer the share is left uncertain for a person to decide, never sent a
     * second time blindly.
     */
    NONE
}
