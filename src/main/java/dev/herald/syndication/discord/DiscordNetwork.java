package dev.herald.syndication.discord;

import dev.herald.syndication.DeliveryGuarantee;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.NetworkContext;
import dev.herald.syndication.NetworkProvider;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TextRules;
import dev.herald.syndication.config.AccountSetup;
import dev.herald.syndication.config.NetworkSpec;
import dev.herald.syndication.internal.GuardedSyndicator;
import dev.herald.syndication.internal.IncomingWebhook;
import dev.herald.syndication.internal.Payloads;
import dev.herald.syndication.internal.RetrySignals;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Discord channel webhooks as a {@link NetworkProvider}: accounts take the webhook {@code url}
 * (a credential, so usually {@code ${env:…}}) and optionally an embed {@code colour}, and a bot's
 * {@code botToken} (a credential) with the webhook's {@code channel} id, which lets Herald search the
 * channel after a lost answer instead of leaving it to a person; content is
 * 2,000 characters; the retry signal is the latest of {@code Retry-After},
 * {@code X-RateLimit-Reset-After} and the body's {@code retry_after}; no idempotency key.
 */
public final class DiscordNetwork implements NetworkProvider {
    private static final NetworkSpec SETTINGS = NetworkSpec.builder(DiscordSyndicator.NETWORK)
            .required("url").optional("colour", "botToken", "channel")
            .secretUrls("url").baseUrl("url").secrets("botToken")
            .build();

    /** Created by {@link java.util.ServiceLoader}. */
    public DiscordNetwork() {}

    @Override
    public String name() {
        return DiscordSyndicator.NETWORK;
    }

    @Override
    public NetworkSpec settings() {
        return SETTINGS;
    }

    /** 2,000 characters of {@code content}, links as written. */
    @Override
    public TextRules textRules() {
        return new TextRules(DiscordText.CONTENT, Integer.MAX_VALUE, -1);
    }

    /** A backslash before each markdown character, links left whole. */
    @Override
    public String escape(String text) {
        return DiscordText.escape(text);
    }

    /** The latest of {@code Retry-After}, {@code X-RateLimit-Reset-After} (seconds, fractional) and the body's {@code retry_after}. */
    @Override
    public Instant retryAt(HttpReply reply, Clock clock) {
        return retrySignal(reply, clock);
    }

    static Instant retrySignal(HttpReply reply, Clock clock) {
        Instant header = RetrySignals.retryAfter(reply, clock);
        Instant resetAfter = seconds(reply.header("X-RateLimit-Reset-After"), clock);
        var body = Payloads.json(reply).path("retry_after");
        Instant fromBody = body.isNumber() ? seconds(body.asText(), clock) : null;
        // Only a 429 asks to wait; X-RateLimit-Reset-After is on every answer.
        if (reply.status() != 429) return header;
        return DiscordSyndicator.latest(DiscordSyndicator.latest(header, resetAfter), fromBody);
    }

    private static Instant seconds(String value, Clock clock) {
        if (value == null || value.isBlank()) return null;
        try {
            double s = Double.parseDouble(value.strip());
            return s < 0 || Double.isNaN(s) || Double.isInfinite(s) ? null : clock.instant().plusMillis((long) Math.ceil(s * 1000));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * {@link DeliveryGuarantee#NONE}: a webhook takes no idempotency key and cannot read its channel.
     * An account with a bot says {@link DeliveryGuarantee#RECONCILE_BEFORE_RESEND} for itself
     * ({@link DiscordSyndicator#guarantee()}).
     */
    @Override
    public DeliveryGuarantee guarantee() {
        return DeliveryGuarantee.NONE;
    }

    @Override
    public Syndicator create(AccountSetup account, NetworkContext context) {
        IncomingWebhook webhook = IncomingWebhook.of(account, "url");
        DiscordAccount discord = new DiscordAccount(account.name(), webhook.url(), DiscordAccount.parseColour(account.value("colour", null)), templateOf(account));
        List<dev.herald.syndication.Secret> secrets = new java.util.ArrayList<>(List.of(webhook.secrets()));
        boolean token = account.value("botToken", null) != null;
        if (token != (account.value("channel", null) != null)) {
            throw new IllegalArgumentException(token ? "a Discord bot needs the webhook's channel id (channel) besides its botToken"
                    : "channel is only read with a bot: add its botToken, or remove channel");
        }
        if (token) {
            dev.herald.syndication.Secret bot = account.secret("botToken");
            secrets.add(bot);
            discord = discord.withBot(bot, account.value("channel", null));
        }
        // The URL is the credential even when written out: the guard masks its path and query too.
        return GuardedSyndicator.guard(new DiscordSyndicator(discord, context.http(), context.clock()), secrets);
    }

    /** The account's template, unless it is the file's default, which Discord replaces by the headline alone. */
    private static dev.herald.syndication.MessageTemplate templateOf(AccountSetup account) {
        var t = account.template();
        return t.pattern().equals(dev.herald.syndication.MessageTemplate.DEFAULT_PATTERN) ? t.withPattern(DiscordAccount.DEFAULT_PATTERN) : t;
    }
}
