package dev.herald.syndication.websub;

import dev.herald.syndication.DeliveryGuarantee;
import dev.herald.syndication.NetworkContext;
import dev.herald.syndication.NetworkProvider;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TextRules;
import dev.herald.syndication.config.AccountSetup;
import dev.herald.syndication.config.NetworkSpec;
import java.net.URI;
import java.util.List;

/**
 * WebSub hubs as a {@link NetworkProvider}: accounts take the {@code hub} URL, the site's feed
 * {@code topics} and optionally the {@code parameter} ({@code url} or {@code topic}); no text, no
 * credentials; {@code Retry-After} is the retry signal; a repeated ping is harmless.
 */
public final class WebSubNetwork implements NetworkProvider {
    private static final NetworkSpec SETTINGS = NetworkSpec.builder(WebSubSyndicator.NETWORK)
            .required("hub").optional("topics", "parameter")
            .baseUrl("hub").lists("topics").urls("topics")
            .choice("parameter", "url", "topic")
            .build();

    /** Created by {@link java.util.ServiceLoader}. */
    public WebSubNetwork() {}

    @Override
    public String name() {
        return WebSubSyndicator.NETWORK;
    }

    @Override
    public NetworkSpec settings() {
        return SETTINGS;
    }

    /** A ping carries no text. */
    @Override
    public TextRules textRules() {
        return TextRules.UNLIMITED;
    }

    /**
     * {@link DeliveryGuarantee#IDEMPOTENCY_KEY} in effect: a ping only asks the hub to fetch the topics
     * again, so a retry after a lost answer publishes nothing twice.
     */
    @Override
    public DeliveryGuarantee guarantee() {
        return DeliveryGuarantee.IDEMPOTENCY_KEY;
    }

    @Override
    public Syndicator create(AccountSetup account, NetworkContext context) {
        List<URI> topics = account.values("topics").stream().map(t -> URI.create(t.strip())).toList();
        return new WebSubSyndicator(new WebSubAccount(account.name(), account.url("hub", null), topics, account.value("parameter", null)),
                context.http(), context.clock());
    }
}
