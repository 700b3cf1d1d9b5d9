package dev.herald.syndication.threads;

import dev.herald.syndication.DeliveryGuarantee;
import dev.herald.syndication.NetworkContext;
import dev.herald.syndication.NetworkProvider;
import dev.herald.syndication.Quota;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TextRules;
import dev.herald.syndication.config.AccountSetup;
import dev.herald.syndication.config.NetworkSpec;
import java.time.Duration;
import java.util.List;

/**
 * Threads as a {@link NetworkProvider}: an account takes the {@code user} id and a long-lived
 * {@code token} (optionally {@code api}); 500 characters with emoji as their UTF-8 bytes; 250
 * published posts in any 24 hours; no idempotency key, so a resend is reconciled first. The
 * token is refreshed before it expires and the refreshed one kept in the context's token store.
 */
public final class ThreadsNetwork implements NetworkProvider {
    private static final NetworkSpec SETTINGS = NetworkSpec.builder(ThreadsSyndicator.NETWORK)
            .required("user", "token").optional("api")
            .secrets("token").baseUrl("api")
            .build();

    /** Created by {@link java.util.ServiceLoader}. */
    public ThreadsNetwork() {}

    @Override
    public String name() {
        return ThreadsSyndicator.NETWORK;
    }

    @Override
    public NetworkSpec settings() {
        return SETTINGS;
    }

    @Override
    public TextRules textRules() {
        return ThreadsText.RULES;
    }

    /** 250 API-published posts per moving 24 hours ({@code threads_publishing_limit}'s {@code config}). */
    @Override
    public List<Quota> quotas() {
        return List.of(Quota.of(250, Duration.ofHours(24)));
    }

    @Override
    public DeliveryGuarantee guarantee() {
        return DeliveryGuarantee.RECONCILE_BEFORE_RESEND;
    }

    @Override
    public Syndicator create(AccountSetup account, NetworkContext context) {
        return new ThreadsSyndicator(new ThreadsAccount(account.name(), account.url("api", ThreadsAccount.DEFAULT_API), account.value("user", null),
                account.secret("token"), account.template()), context.http(), context.clock(), context.tokens());
    }
}
