package dev.herald.syndication.webhook;

import dev.herald.syndication.DeliveryGuarantee;
import dev.herald.syndication.NetworkContext;
import dev.herald.syndication.NetworkProvider;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TextRules;
import dev.herald.syndication.config.AccountSetup;
import dev.herald.syndication.config.NetworkSpec;
import dev.herald.syndication.internal.GuardedSyndicator;
import java.util.List;

/**
 * Signed webhooks (Standard Webhooks) as a {@link NetworkProvider}: accounts take a {@code url}
 * (which may itself be a credential reference) and signing {@code secrets}; the text has no limit;
 * no quota; {@code Retry-After} is the retry signal; {@code webhook-id} lets the receiver drop a
 * repeat.
 */
public final class WebhookNetwork implements NetworkProvider {
    private static final NetworkSpec SETTINGS = NetworkSpec.builder(WebhookSyndicator.NETWORK)
            .required("url", "secrets")
            .secrets("secrets").lists("secrets").secretUrls("url").baseUrl("url")
            .build();

    /** Created by {@link java.util.ServiceLoader}. */
    public WebhookNetwork() {}

    @Override
    public String name() {
        return WebhookSyndicator.NETWORK;
    }

    @Override
    public NetworkSpec settings() {
        return SETTINGS;
    }

    @Override
    public TextRules textRules() {
        return TextRules.UNLIMITED;
    }

    @Override
    public DeliveryGuarantee guarantee() {
        return DeliveryGuarantee.IDEMPOTENCY_KEY;
    }

    @Override
    public Syndicator create(AccountSetup account, NetworkContext context) {
        WebhookAccount webhook = new WebhookAccount(account.name(), account.secretUrl("url"), account.secrets("secrets"), account.template());
        // The URL's path and query may hold a token even when the URL is written out: the guard masks them too.
        return GuardedSyndicator.guard(new WebhookSyndicator(webhook, context.http(), context.clock()),
                List.of(WebhookSyndicator.secretsToMask(webhook)));
    }
}
