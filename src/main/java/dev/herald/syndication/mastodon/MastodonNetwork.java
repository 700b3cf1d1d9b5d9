package dev.herald.syndication.mastodon;

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
 * Mastodon as a {@link NetworkProvider}: accounts take {@code server} and a {@code token} (with
 * optional {@code visibility} and {@code language}); posts are 500 characters with links as 23 until
 * the instance says otherwise; 300 statuses per 3 hours; the {@code Idempotency-Key} header makes a
 * retry safe.
 */
public final class MastodonNetwork implements NetworkProvider {
    private static final NetworkSpec SETTINGS = NetworkSpec.builder(MastodonSyndicator.NETWORK)
            .required("server", "token").optional("visibility", "language")
            .secrets("token").baseUrl("server")
            .choice("visibility", "public", "unlisted", "private", "direct")
            .build();

    /** Created by {@link java.util.ServiceLoader}. */
    public MastodonNetwork() {}

    @Override
    public String name() {
        return MastodonSyndicator.NETWORK;
    }

    @Override
    public NetworkSpec settings() {
        return SETTINGS;
    }

    /** Mastodon's defaults: 500 characters, every link as 23; each instance's own are read before posting. */
    @Override
    public TextRules textRules() {
        return InstanceLimits.DEFAULTS;
    }

    /** Mastodon's default of 300 statuses per 3 hours (instances may differ). */
    @Override
    public List<Quota> quotas() {
        return List.of(Quota.of(300, Duration.ofHours(3)));
    }

    /** {@code X-RateLimit-Reset} (an ISO-8601 instant) on a 429; it is on every answer but a signal only then. */
    @Override
    public Instant retryAt(HttpReply reply, Clock clock) {
        return retrySignal(reply);
    }

    static Instant retrySignal(HttpReply reply) {
        return reply.status() == 429 ? RetrySignals.isoInstant(reply, "X-RateLimit-Reset") : null;
    }

    @Override
    public DeliveryGuarantee guarantee() {
        return DeliveryGuarantee.IDEMPOTENCY_KEY;
    }

    @Override
    public Syndicator create(AccountSetup account, NetworkContext context) {
        return new MastodonSyndicator(new MastodonAccount(account.name(), account.url("server", null), account.secret("token"), account.template(),
                MastodonAccount.Visibility.of(account.value("visibility", "public")), account.value("language", null)), context.http(), context.clock());
    }
}
