package dev.herald.syndication;

/**
 * Sends posts to one configured account on one network.
 *
 * <p>Implementations are thread-safe and never throw for a network failure: every result, including
 * timeouts and malformed responses, is returned as a classified {@link Outcome}. An exception that
 * escapes anyway (a bug) is turned into an outcome by {@link dev.herald.syndication.internal.GuardedSyndicator}, which the core puts
 * around every syndicator it builds.
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

    /**
     * What this account's network offers against a second post when an answer is lost, which tells
     * delivery whether a retry after an ambiguous failure is safe ({@link
     * DeliveryGuarantee#IDEMPOTENCY_KEY}), must {@link #reconcile} first ({@link
     * DeliveryGuarantee#RECONCILE_BEFORE_RESEND}), or is left to a person ({@link DeliveryGuarantee#NONE}).
     * This default claims nothing: {@link DeliveryGuarantee#NONE}.
     */
    default DeliveryGuarantee guarantee() {
        return DeliveryGuarantee.NONE;
    }

    /**
     * Whether {@code post} is already on the account, asked before a resend on networks that take no
     * idempotency key ({@link DeliveryGuarantee#RECONCILE_BEFORE_RESEND}); makes at most a few read
     * requests and never posts. This default, for networks that cannot look posts up, answers
     * {@link Reconciliation.Unknown}.
     */
    default Reconciliation reconcile(Post post) {
        return Reconciliation.unsupported(network());
    }

    /**
     * Whether the network accepts the account's credentials, found without posting: for a worker at
     * start and a console's "check credentials" button. This default, for networks with no way to
     * check, answers {@link CredentialCheck.Status#UNKNOWN}.
     */
    default CredentialCheck check() {
        return CredentialCheck.unknown(network() + " has no way to check credentials without posting");
    }
}
