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

    /**
     * What {@link #send} would send for {@code post}, without any network request: the dry run.
     * Values only known after a request (an uploaded image's reference, a session) are shown as
     * what will be used to get them.
     *
     * <p>This default, for syndicators that have no wire format of their own (an in-process
     * consumer), composes the default template with no length limit and shows that text as the
     * payload; Herald's network syndicators show their exact request.
     */
    default Preview preview(Post post) {
        ComposedText text = Composer.compose(post, MessageTemplate.defaults(), TextRules.UNLIMITED);
        return new Preview(account(), network(), text, text.text());
    }
}
