package dev.herald.syndication;

import dev.herald.internal.Validate;
import java.net.URI;

/**
 * The answer to "is this post already on the account?" ({@link Syndicator#reconcile}), asked before
 * a resend on networks that take no idempotency key.
 */
public sealed interface Reconciliation {
    /**
     * The post exists.
     *
     * @param remoteId the network's id for it
     * @param remoteUrl where readers see it, or {@code null} when the network does not say
     * @param check which look-up answered (such as "the page's recent posts, matched by link"), kept
     *     with the share so a person can see why it was not sent again
     */
    record Found(String remoteId, URI remoteUrl, String check) implements Reconciliation {
        /** Requires the remote id and the check. */
        public Found {
            Validate.notBlank(remoteId, "remoteId");
            Validate.notBlank(check, "check");
        }

        /** Found by the account's recent posts, the usual check. */
        public Found(String remoteId, URI remoteUrl) {
            this(remoteId, remoteUrl, "the account's recent posts");
        }
    }

    /** The network answered, and the post is not there: sending it again is safe. */
    record NotFound() implements Reconciliation {}

    /**
     * It cannot be told (no answer, an error, or a network that cannot look posts up): the delivery
     * layer must not send again on this answer.
     *
     * @param reason why, for the log and the console; never contains a secret
     */
    record Unknown(String reason) implements Reconciliation {
        /** Requires the reason. */
        public Unknown {
            Validate.notBlank(reason, "reason");
        }
    }

    /** The answer of a network that cannot look its posts up. */
    static Reconciliation unsupported(String network) {
        return new Unknown(network + " cannot look up earlier posts");
    }
}
