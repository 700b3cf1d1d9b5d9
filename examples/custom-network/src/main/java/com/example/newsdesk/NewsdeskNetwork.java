package com.example.newsdesk;

import dev.herald.syndication.Quota;
import dev.herald.syndication.DeliveryGuarantee;
import dev.herald.syndication.NetworkContext;
import dev.herald.syndication.NetworkProvider;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TextRules;
import dev.herald.syndication.config.AccountSetup;
import dev.herald.syndication.config.NetworkSpec;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The newsroom's in-house CMS "Newsdesk" as a network Herald posts to: a site's own network, in its
 * own jar, registered in {@code META-INF/services/dev.herald.syndication.NetworkProvider}.
 *
 * <pre>{@code
 * - name: intranet
 *   network: newsdesk          # or: cms
 *   api: https://newsdesk.intra.example/api
 *   key: ${env:NEWSDESK_KEY}
 *   desk: world                # optional
 * }</pre>
 */
public final class NewsdeskNetwork implements NetworkProvider {
    static final String NAME = "newsdesk";

    /** Created by {@link java.util.ServiceLoader}. */
    public NewsdeskNetwork() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> aliases() {
        return Set.of("cms");
    }

    @Override
    public NetworkSpec settings() {
        return NetworkSpec.builder(NAME).required("api", "key").optional("desk").secrets("key").baseUrl("api").build();
    }

    /** Teasers of up to 280 characters, links counted as written. */
    @Override
    public TextRules textRules() {
        return new TextRules(280, Integer.MAX_VALUE, -1);
    }

    /** The CMS takes 60 posts a minute per key. */
    @Override
    public List<Quota> quotas() {
        return List.of(Quota.of(60, Duration.ofMinutes(1)));
    }

    /** The CMS drops a repeated {@code Idempotency-Key}. */
    @Override
    public DeliveryGuarantee guarantee() {
        return DeliveryGuarantee.IDEMPOTENCY_KEY;
    }

    @Override
    public Syndicator create(AccountSetup account, NetworkContext context) {
        return new NewsdeskSyndicator(account.name(), account.url("api", null), account.secret("key"), account.value("desk", null),
                account.template(), textRules(), context);
    }
}
