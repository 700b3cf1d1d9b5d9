package dev.herald.syndication.slack;

import dev.herald.syndication.DeliveryGuarantee;
import dev.herald.syndication.MessageTemplate;
import dev.herald.syndication.NetworkContext;
import dev.herald.syndication.NetworkProvider;
import dev.herald.syndication.Quota;
import dev.herald.syndication.Secret;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TextRules;
import dev.herald.syndication.config.AccountSetup;
import dev.herald.syndication.config.NetworkSpec;
import dev.herald.syndication.internal.GuardedSyndicator;
import dev.herald.syndication.internal.IncomingWebhook;
import java.time.Duration;
import java.util.List;

/**
 * Slack as a {@link NetworkProvider}, in two forms: an incoming webhook (the account's {@code url},
 * a credential, so usually {@code ${env:…}}) or a Slack app's bot token ({@code token}, a credential,
 * with the {@code channel} id, and optionally the Web API's base URL {@code api}), which records each
 * message's {@code ts} and permalink and can read the channel back before a resend. A section is
 * 3,000 characters of mrkdwn; about one message a second; {@code Retry-After} is the retry signal;
 * no idempotency key.
 */
public final class SlackNetwork implements NetworkProvider {
    private static final NetworkSpec SETTINGS = NetworkSpec.builder(SlackSyndicator.NETWORK)
            .optional("url", "token", "channel", "api")
            .secretUrls("url").baseUrl("url").secrets("token").urls("api")
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

    /**
     * {@link DeliveryGuarantee#NONE}, the webhook form's: an incoming webhook takes no idempotency key
     * and cannot read its channel. A bot-token account's syndicator says
     * {@link DeliveryGuarantee#RECONCILE_BEFORE_RESEND} for itself ({@link SlackBotSyndicator#guarantee()}).
     */
    @Override
    public DeliveryGuarantee guarantee() {
        return DeliveryGuarantee.NONE;
    }

    @Override
    public Syndicator create(AccountSetup account, NetworkContext context) {
        boolean hook = account.value("url", null) != null;
        boolean bot = account.value("token", null) != null || account.value("channel", null) != null;
        if (hook == bot) {
            throw new IllegalArgumentException(hook
                    ? "a Slack account posts through a webhook (url) or a bot (token and channel), not both"
                    : "a Slack account needs a webhook url, or a bot token and a channel id");
        }
        MessageTemplate t = account.template();
        // The file's default wording repeats the block; Slack's notification text is the headline and link.
        if (t.pattern().equals(MessageTemplate.DEFAULT_PATTERN)) t = t.withPattern(SlackAccount.DEFAULT_PATTERN);
        if (bot) {
            if (account.value("token", null) == null) throw new IllegalArgumentException("a Slack bot account needs a token (xoxb-…) besides its channel");
            if (account.value("channel", null) == null) throw new IllegalArgumentException("a Slack bot account needs the channel's id (C…) besides its token");
            Secret token = account.secret("token");
            SlackBotAccount a = new SlackBotAccount(account.name(), account.url("api", null), token, account.value("channel", null), t);
            return GuardedSyndicator.guard(new SlackBotSyndicator(a, context.http(), context.clock()), List.of(token));
        }
        if (account.value("api", null) != null) throw new IllegalArgumentException("'api' is for a Slack bot account; a webhook account has only its url");
        IncomingWebhook webhook = IncomingWebhook.of(account, "url");
        return GuardedSyndicator.guard(new SlackSyndicator(new SlackAccount(account.name(), webhook.url(), t), context.http(), context.clock()),
                List.of(webhook.secrets()));
    }
}
