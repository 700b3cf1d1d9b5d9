package dev.herald.syndication;

import dev.herald.syndication.Quota;
import dev.herald.syndication.config.AccountSetup;
import dev.herald.syndication.config.NetworkSpec;
import dev.herald.syndication.internal.RetrySignals;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One social network as Herald's core sees it: everything the core needs to know about a network,
 * so that configuration, composing, delivery, the CLI and the test kit never name one. Found with
 * {@link java.util.ServiceLoader}: an implementation is listed in
 * {@code META-INF/services/dev.herald.syndication.NetworkProvider} and has a public no-argument
 * constructor. {@link NetworkRegistry} collects them.
 *
 * <p>A network is one package of the same shape: its account record, its syndicator, its wire
 * records, and this provider. Implementations are stateless and thread-safe.
 */
public interface NetworkProvider {
    /**
     * The network's canonical name, lower case ({@code mastodon}): what {@code network:} says in
     * {@code herald.yaml}, what {@link Syndicator#network()} returns and what quotas are keyed by.
     */
    String name();

    /** Other names {@code herald.yaml} may use for the network ({@code twitter} for {@code x}), lower case; none by default. */
    default Set<String> aliases() {
        return Set.of();
    }

    /** The keys an account of the network takes, which are required, and which hold credentials. */
    NetworkSpec settings();

    /**
     * How the network measures a post (limit, URL weight; emoji and other clusters count as one).
     * For a network whose limit varies per server, the default the syndicator starts from.
     */
    TextRules textRules();

    /**
     * The network's markup escaping of plain text, which its syndicator applies to a composed text
     * before sending (HTML entities for a network that parses HTML, say). Lengths are counted on the
     * text as readers see it, before escaping. None by default.
     */
    default String escape(String text) {
        return text;
    }

    /** The network's published posting caps per account, which delivery defers shares to stay within; none by default. */
    default List<Quota> quotas() {
        return List.of();
    }

    /**
     * The moment the network says to come back, read from a failed reply in its own dialect, or
     * {@code null} when it gives none. By default the standard {@code Retry-After} header.
     */
    default Instant retryAt(HttpReply reply, Clock clock) {
        return RetrySignals.retryAfter(reply, clock);
    }

    /** What the network offers against a second post after a lost answer. */
    DeliveryGuarantee guarantee();

    /**
     * Builds the syndicator for one account. The core wraps what this returns so that an unexpected
     * exception becomes a classified {@link Outcome} with the account's credentials masked; the
     * syndicator's {@link Syndicator#preview} is the network's dry run, and with
     * {@link dev.herald.syndication.config.SecretSource#placeholders()} it needs no real credential.
     *
     * @param account the account's checked settings, resolving its credentials on request
     * @param context the shared HTTP client and clock
     * @throws IllegalArgumentException when a setting is unusable; the core reports it with the
     *     account's file and line
     */
    Syndicator create(AccountSetup account, NetworkContext context);

    /**
     * The account's OAuth sign-in for {@code herald auth}, or empty when the network's credentials
     * are written into {@code herald.yaml} by hand (the default).
     *
     * @throws IllegalArgumentException when the account lacks a setting the sign-in needs (the app's client id)
     */
    default java.util.Optional<SignIn> signIn(AccountSetup account, NetworkContext context) {
        return java.util.Optional.empty();
    }
}
