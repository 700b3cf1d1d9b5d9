package dev.herald.syndication;

import dev.herald.internal.Validate;
import java.net.URI;
import java.time.Instant;

/**
 * The classified result of sending one {@link Post} to one account. Every network call ends in
 * exactly one of these; no exception escapes a {@link Syndicator} unclassified.
 */
public sealed interface Outcome {

    /** Whether the article is now on the account (posted now, or found to be posted already). */
    default boolean delivered() {
        return this instanceof Posted || this instanceof Duplicate;
    }

    /** A short human-readable description for logs and the CLI; never contains a secret. */
    String describe();

    /**
     * The network accepted the post.
     *
     * @param remoteId the network's id for the post
     * @param remoteUrl where readers see it, or {@code null} when the network does not say
     */
    record Posted(String remoteId, URI remoteUrl) implements Outcome {
        /** Requires the remote id. */
        public Posted {
            Validate.notBlank(remoteId, "remoteId");
        }

        @Override
        public String describe() {
            return "posted " + (remoteUrl != null ? remoteUrl : remoteId);
        }
    }

    /**
     * The network says this post exists already (an idempotency key it has seen, or duplicate
     * content): treated as delivered.
     *
     * @param remoteId the existing post's id, or {@code null} when the network does not say
     * @param remoteUrl the existing post's URL, or {@code null}
     */
    record Duplicate(String remoteId, URI remoteUrl) implements Outcome {
        @Override
        public String describe() {
            return "already posted" + (remoteUrl != null ? " " + remoteUrl : remoteId != null ? " " + remoteId : "");
        }
    }

    /**
     * The account is over the network's rate limit; try again at {@code retryAt}, read from the
     * network's own signal.
     */
    record RateLimited(Instant retryAt, String message) implements Outcome {
        /** Requires the instant to retry at. */
        public RateLimited {
            Validate.notNull(retryAt, "retryAt");
        }

        @Override
        public String describe() {
            return "rate-limited until " + retryAt + (message == null ? "" : ": " + message);
        }
    }

    /**
     * A failure that may pass: a 5xx, a timeout, a dropped connection.
     *
     * @param message what happened
     * @param retryAfter the earliest sensible retry when the network said so, else {@code null}
     */
    record Transient(String message, Instant retryAfter) implements Outcome {
        @Override
        public String describe() {
            return "transient failure: " + message;
        }
    }

    /** The credentials were refused; retrying cannot help until they change. */
    record AuthFailed(String message) implements Outcome {
        @Override
        public String describe() {
            return "authentication failed: " + message;
        }
    }

    /**
     * The request went out and no answer came back (a dropped connection, a read timeout): the post
     * may be on the account or not, and the network gives no way to tell. Delivery never resends it
     * by itself: a network that can look its posts up is asked first ({@link Syndicator#reconcile});
     * otherwise the share waits for a person to confirm or resend it.
     *
     * @param message what happened, for the log and the console; never contains a secret
     */
    record Uncertain(String message) implements Outcome {
        /** Requires the message. */
        public Uncertain {
            Validate.notBlank(message, "message");
        }

        @Override
        public String describe() {
            return "uncertain: " + message;
        }
    }

    /** The network refused the post for good; {@code message} is the network's own reason. */
    record Permanent(String message) implements Outcome {
        @Override
        public String describe() {
            return "rejected: " + message;
        }
    }
}
