package dev.herald.syndication;

/**
 * Sends posts to one configured account on one network.
 *
 * <p>Implementations are thread-safe and never throw for a network failure: every result, including
 * timeouts and malformed responses, is returned as a classified {@link Outcome}.
 */
public interface Syndicator {
    /** The configured account's name, unique within a configuration. */
    String account();

    /** The network's identifier, such as {@code mastodon}, {@code bluesky} or {@code webhook}. */
    String network();

    /** Sends {@code post}, passing its idempotency key to the network where the network takes one. */
    Outcome send(Post post);
}
