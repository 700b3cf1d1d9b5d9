package dev.herald.syndication.x;

import dev.herald.syndication.DeliveryGuarantee;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.NetworkContext;
import dev.herald.syndication.NetworkProvider;
import dev.herald.syndication.Quota;
import dev.herald.syndication.RetrySignals;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TextRules;
import dev.herald.syndication.config.AccountSetup;
import dev.herald.syndication.config.NetworkSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * X (alias {@code twitter}) as a {@link NetworkProvider}. An account signs in either with OAuth
 * 1.0a ({@code consumerKey}, {@code consumerSecret}, {@code accessToken}, {@code accessTokenSecret})
 * or with an OAuth 2.0 user {@code token}; {@code api} points elsewhere for tests. Posts weigh at
 * most 280 by twitter-text's v3 rules; 100 posts per 15 minutes per user; no idempotency key, so a
 * resend is reconciled first.
 */
public final class XNetwork implements NetworkProvider {
    private static final List<String> OAUTH1 = List.of("consumerKey", "consumerSecret", "accessToken", "accessTokenSecret");
    private static final NetworkSpec SETTINGS = NetworkSpec.builder(XSyndicator.NETWORK)
            .optional("api", "token", "consumerKey", "consumerSecret", "accessToken", "accessTokenSecret")
            .secrets("token", "consumerKey", "consumerSecret", "accessToken", "accessTokenSecret")
            .baseUrl("api")
            .build();

    /** Created by {@link java.util.ServiceLoader}. */
    public XNetwork() {}

    @Override
    public String name() {
        return XSyndicator.NETWORK;
    }

    @Override
    public Set<String> aliases() {
        return Set.of("twitter");
    }

    @Override
    public NetworkSpec settings() {
        return SETTINGS;
    }

    @Override
    public TextRules textRules() {
        return XText.RULES;
    }

    /** {@code POST /2/tweets}: 100 requests per 15 minutes per user. */
    @Override
    public List<Quota> quotas() {
        return List.of(Quota.of(100, Duration.ofMinutes(15)));
    }

    /**
     * On a 429: the 24-hour user limit's {@code x-user-limit-24hour-reset} when that limit is what
     * ran out ({@code x-user-limit-24hour-remaining: 0}), else {@code x-rate-limit-reset}; both epoch
     * seconds.
     */
    @Override
    public Instant retryAt(HttpReply reply, Clock clock) {
        return retrySignal(reply);
    }

    static Instant retrySignal(HttpReply reply) {
        if (reply.status() != 429) return null;
        if ("0".equals(reply.header("x-user-limit-24hour-remaining"))) {
            Instant daily = RetrySignals.epochSeconds(reply, "x-user-limit-24hour-reset");
            if (daily != null) return daily;
        }
        return RetrySignals.epochSeconds(reply, "x-rate-limit-reset");
    }

    @Override
    public DeliveryGuarantee guarantee() {
        return DeliveryGuarantee.RECONCILE_BEFORE_RESEND;
    }

    /**
     * Builds the syndicator for an account signed in one way or the other.
     *
     * @throws IllegalArgumentException unless the account has exactly one sign-in: {@code token}, or
     *     all four OAuth 1.0a keys
     */
    @Override
    public Syndicator create(AccountSetup account, NetworkContext context) {
        boolean bearer = account.value("token", null) != null;
        long oauth1 = OAUTH1.stream().filter(k -> account.value(k, null) != null).count();
        if (bearer == (oauth1 > 0) || (oauth1 > 0 && oauth1 < OAUTH1.size())) {
            throw new IllegalArgumentException("an X account signs in with either 'token' (OAuth 2.0) or all of " + String.join(", ", OAUTH1)
                    + " (OAuth 1.0a), not " + (bearer && oauth1 > 0 ? "both" : oauth1 > 0 ? "only some of them" : "neither"));
        }
        XCredentials credentials = bearer ? new XCredentials.Bearer(account.secret("token"))
                : new XCredentials.OAuth1(account.secret("consumerKey"), account.secret("consumerSecret"), account.secret("accessToken"), account.secret("accessTokenSecret"));
        return new XSyndicator(new XAccount(account.name(), account.url("api", XAccount.DEFAULT_API), credentials, account.template()), context.http(), context.clock());
    }
}
