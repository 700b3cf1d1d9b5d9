package dev.herald.syndication.telegram;

import dev.herald.syndication.DeliveryGuarantee;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.NetworkContext;
import dev.herald.syndication.NetworkProvider;
import dev.herald.syndication.Quota;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TextRules;
import dev.herald.syndication.config.AccountSetup;
import dev.herald.syndication.config.NetworkSpec;
import dev.herald.syndication.internal.Payloads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Telegram's Bot API as a {@link NetworkProvider}: accounts take the bot {@code token} and the
 * {@code chat} ({@code @channelname} or a numeric id), optionally a forum {@code topic} and another
 * {@code server}; messages are 4,096 characters after entity parsing, in HTML parse mode; Telegram
 * asks bots to stay under 20 messages a minute in one group; the retry signal is the body's
 * {@code parameters.retry_after}; no idempotency key and no way to look a message up.
 */
public final class TelegramNetwork implements NetworkProvider {
    private static final NetworkSpec SETTINGS = NetworkSpec.builder(TelegramSyndicator.NETWORK)
            .required("token", "chat").optional("topic", "server")
            .secrets("token").baseUrl("server")
            .build();

    /** Created by {@link java.util.ServiceLoader}. */
    public TelegramNetwork() {}

    @Override
    public String name() {
        return TelegramSyndicator.NETWORK;
    }

    @Override
    public NetworkSpec settings() {
        return SETTINGS;
    }

    /** 4,096 characters, links as written. */
    @Override
    public TextRules textRules() {
        return TelegramText.RULES;
    }

    /** HTML parse mode: {@code <}, {@code >} and {@code &} as entities. */
    @Override
    public String escape(String text) {
        return TelegramText.escape(text);
    }

    /** The Bot FAQ's "no more than 20 messages per minute to the same group". */
    @Override
    public List<Quota> quotas() {
        return List.of(Quota.of(20, Duration.ofMinutes(1)));
    }

    /** {@code parameters.retry_after} (seconds) in the error body. */
    @Override
    public Instant retryAt(HttpReply reply, Clock clock) {
        return retrySignal(reply, clock);
    }

    static Instant retrySignal(HttpReply reply, Clock clock) {
        var seconds = Payloads.json(reply).path("parameters").path("retry_after");
        if (!seconds.isNumber() || seconds.asDouble() < 0) return null;
        return clock.instant().plusMillis((long) Math.ceil(seconds.asDouble() * 1000));
    }

    /** {@link DeliveryGuarantee#NONE}: the Bot API takes no idempotency key and cannot list a chat's messages. */
    @Override
    public DeliveryGuarantee guarantee() {
        return DeliveryGuarantee.NONE;
    }

    @Override
    public Syndicator create(AccountSetup account, NetworkContext context) {
        String topic = account.value("topic", null);
        Long thread;
        try {
            thread = topic == null ? null : Long.valueOf(topic.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("topic of Telegram account " + account.name() + " must be a message_thread_id (a number)");
        }
        return new TelegramSyndicator(new TelegramAccount(account.name(), account.url("server", null), account.secret("token"),
                account.value("chat", null), thread, account.template()), context.http(), context.clock());
    }
}
