package dev.herald.delivery;

import dev.herald.internal.Validate;
import java.net.URI;
import java.time.Instant;

/**
 * One call made to a network for a share, as the history keeps it.
 *
 * @param number the attempt's number on its share, from 1
 * @param at when its outcome was recorded
 * @param node the node that made it, or {@code null} when unknown
 * @param outcome the outcome's kind: {@code posted}, {@code duplicate}, {@code reconciled}, {@code transient},
 *     {@code uncertain}, {@code rate_limited}, {@code auth_failed} or {@code permanent}
 * @param message what the network said, or why nothing was sent; never contains a secret
 * @param remoteUrl where the post is, when this attempt found or made one and the network said
 */
public record Attempt(int number, Instant at, String node, String outcome, String message, URI remoteUrl) {
    /** Requires a positive number, a time and an outcome. */
    public Attempt {
        Validate.isTrue(number > 0, "number", "must be positive");
        Validate.notNull(at, "at");
        Validate.notBlank(outcome, "outcome");
    }
}
