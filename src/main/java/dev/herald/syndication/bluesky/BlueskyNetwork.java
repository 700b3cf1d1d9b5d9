package dev.herald.syndication.bluesky;

import dev.herald.syndication.Quota;
import dev.herald.syndication.DeliveryGuarantee;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.NetworkContext;
import dev.herald.syndication.NetworkProvider;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TextRules;
import dev.herald.syndication.config.AccountSetup;
import dev.herald.syndication.config.NetworkSpec;
import dev.herald.syndication.internal.RetrySignals;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Bluesky as a {@link NetworkProvider}: accounts take a {@code handle} and an app {@code password}
 * (with optional {@code service} and {@code langs}); posts are 300 graphemes and 3000 bytes, links
 * as written; a record key derived from the idempotency key makes a retry safe.
 */
public final class BlueskyNetwork implements NetworkProvider {
    private static final NetworkSpec SETTINGS = NetworkSpec.builder(BlueskySyndicator.NETWORK)
            .required("handle", "password").optional("service", "langs")
            .secrets("password").baseUrl("service").lists("langs")
            .build();

    /** Created by {@link java.util.ServiceLoader}. */
    public BlueskyNetwork() {}

    @Override
    public String name() {
        return BlueskySyndicator.NETWORK;
    }

    @Override
    public NetworkSpec settings() {
        return SETTINGS;
    }

    @Override
    public TextRules textRules() {
        return TextRules.BLUESKY;
    }

    /**
     * 5,000 points per hour and 35,000 per day at 3 points per created record: 1,666 posts per hour
     * and 11,666 per day.
     */
    @Override
    public List<Quota> quotas() {
        return List.of(Quota.of(1666, Duration.ofHours(1)), Quota.of(11666, Duration.ofHours(24)));
    }

    /** {@code ratelimit-reset} (epoch seconds) on a 429. */
    @Override
    public Instant retryAt(HttpReply reply, Clock clock) {
        return retrySignal(reply);
    }

    static Instant retrySignal(HttpReply reply) {
        return reply.status() == 429 ? RetrySignals.epochSeconds(reply, "ratelimit-reset") : null;
    }

    @Override
    public DeliveryGuarantee guarantee() {
        return DeliveryGuarantee.IDEMPOTENCY_KEY;
    }

    @Override
    public Syndicator create(AccountSetup account, NetworkContext context) {
        return new BlueskySyndicator(new BlueskyAccount(account.name(), account.url("service", BlueskyAccount.DEFAULT_SERVICE),
                account.value("handle", null), account.secret("password"), account.template(), account.values("langs")),
                context.http(), context.clock());
    }
}
