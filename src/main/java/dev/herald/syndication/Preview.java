package dev.herald.syndication;

import dev.herald.internal.Validate;

/**
 * Exactly what a {@link Syndicator} would send for a post, computed without any network request.
 *
 * @param account the account's name
 * @param network the network's identifier
 * @param text the post's text, with its length and limit by the network's rules
 * @param payload the request body as it would be sent (JSON, pretty-printed); credentials are never
 *     part of it
 */
public record Preview(String account, String network, ComposedText text, String payload) {
    /** Requires all parts. */
    public Preview {
        Validate.notBlank(account, "account");
        Validate.notBlank(network, "network");
        Validate.notNull(text, "text");
        Validate.notNull(payload, "payload");
    }
}
