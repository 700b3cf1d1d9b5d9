package dev.herald.syndication.slack;

import dev.herald.syndication.DeliveryGuarantee;
import dev.herald.syndication.GuardedSyndicator;
import dev.herald.syndication.IncomingWebhook;
import dev.herald.syndication.MessageTemplate;
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
 * Slack incoming webhooks as a {@link NetworkProvider}: accounts take the webhook {@code url} (a
 * credential, so usually {@code ${env:…}}); a section is 3,000 characters of mrkdwn; about one
 * message a second; {@code Retry-After} is the retry signal; no idempotency key.
 */
public final class SlackNetwork implements NetworkProvider {
    private static final NetworkSpec SETTINGS = NetworkSpec.builder(SlackSyndicator.NETWORK)
            .required("url")
            .secretUrls("url").baseUrl("url")
            .build();

    /** Created by {@link java.util.ServiceLoader}. */
    public SlackNetwork() {}

    @Override
    public String name() {
        return SlackSyndicator.NETWORK;
    }

    @Override
    public NetworkSpec settings() {
        return SETTINGS;
    }

    /** A section's 3,000 characters, links as written. */
    @Override
    public TextRules textRules() {
        return new TextRules(SlackText.SECTION, Integer.MAX_VALUE, -1);
    }

    /** mrkdwn: {@code &}, {@code <} and {@code >} as entities. */
    @Override
    public String escape(String text) {
        return SlackText.escape(text);
    }

    /** Slack's "one message per second" for incoming webhooks, as 60 a minute (short bursts pass). */
    @Override
    public List<Quota> quotas() {
        return List.of(Quota.of(60, Duration.ofMinutes(1)));
    }

    /** {@link DeliveryGuarantee#NONE}: an incoming webhook takes no idempotency key and cannot read its channel. */
    @Override
    public DeliveryGuarantee guarantee() {
        return DeliveryGuarantee.NONE;
    }

    @Override
    public Syndicator create(AccountSetup account, NetworkContext context) {
        IncomingWebhook webhook = IncomingWebhook.of(account, "url");
        MessageTemplate t = account.template();
        // The file's default wording repeats the block; Slack's notification text is the headline and link.
        if (t.pattern().equals(MessageTemplate.DEFAULT_PATTERN)) t = t.withPattern(SlackAccount.DEFAULT_PATTERN);
        return GuardedSyndicator.guard(new SlackSyndicator(new SlackAccount(account.name(), webhook, t), context.http(), context.clock()),
                List.of(webhook.secrets()));
    }
}
