package dev.herald.syndication.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.internal.Validate;
import dev.herald.syndication.ComposedText;
import dev.herald.syndication.Composer;
import dev.herald.syndication.CredentialCheck;
import dev.herald.syndication.Failures;
import dev.herald.syndication.HttpCall;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Preview;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TextRules;
import dev.herald.syndication.internal.LostAnswers;
import dev.herald.syndication.internal.Payloads;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends articles to one Telegram channel or group with the Bot API's {@code sendMessage}. Thread-safe.
 *
 * <p><b>Message.</b> JSON {@code {chat_id, message_thread_id?, text, parse_mode: "HTML",
 * link_preview_options: {url, prefer_large_media: true, show_above_text: true}}}: the account's
 * template with every {@code <}, {@code >} and {@code &} escaped and the headline in bold, and the
 * article's own card shown large above the text. The text fits 4,096 UTF-16 units as Telegram
 * counts them after entity parsing; tags and entities do not count.
 *
 * <p><b>Answers</b> ({@code {ok, error_code, description, parameters}}): {@code ok: true} →
 * {@link Outcome.Posted} with the {@code message_id} and, for a channel or supergroup, its
 * {@code t.me} link; 429 → {@link Outcome.RateLimited} at {@code parameters.retry_after} seconds;
 * 401 and 404 (an unknown token: the method path exists) and 403 (the bot was removed from the chat
 * or may not post) → {@link Outcome.AuthFailed}; a group that became a supergroup
 * ({@code parameters.migrate_to_chat_id}) → {@link Outcome.Permanent} naming the new id to configure;
 * other 4xx → {@link Outcome.Permanent} with Telegram's description; 5xx and a connection that
 * could not be opened → {@link Outcome.Transient}; a request sent without an answer →
 * {@link Outcome.Permanent} marked uncertain ({@link LostAnswers}).
 *
 * <p><b>Exactly once.</b> The Bot API takes no idempotency key and cannot list a channel's messages,
 * so a lost answer cannot be resolved: {@link TelegramNetwork#guarantee()} is
 * {@link dev.herald.syndication.DeliveryGuarantee#NONE}, and the message is never resent blindly. The token is part of the request path; it is
 * masked in every log line and message.
 */
public final class TelegramSyndicator implements Syndicator {
    /** The value of {@link #network()}. */
    public static final String NETWORK = "telegram";

    private static final Logger LOG = LoggerFactory.getLogger(TelegramSyndicator.class);

    private final TelegramAccount account;
    private final HttpTransport http;
    private final Clock clock;

    /** A syndicator for {@code account}, sending over {@code http} and reading rate-limit times from {@code clock}. */
    public TelegramSyndicator(TelegramAccount account, HttpTransport http, Clock clock) {
        this.account = Validate.notNull(account, "account");
        this.http = Validate.notNull(http, "http");
        this.clock = Validate.notNull(clock, "clock");
    }

    @Override
    public String account() {
        return account.name();
    }

    @Override
    public String network() {
        return NETWORK;
    }

    /** Sends {@code post} with {@code sendMessage}; see the class description for how each answer is classified. */
    @Override
    public Outcome send(Post post) {
        Validate.notNull(post, "post");
        Outcome outcome = deliver(post);
        LOG.debug("telegram {}: {} -> {}", account.name(), post.idempotencyKey(), outcome.describe());
        return outcome;
    }

    /** The exact JSON body {@link #send} would post; makes no request and never shows the token. */
    @Override
    public Preview preview(Post post) {
        Validate.notNull(post, "post");
        ComposedText text = compose(post);
        return new Preview(account.name(), NETWORK, text, Payloads.pretty(body(post, text)));
    }

    /** Asks {@code getMe}: {@code ok} is {@code OK} with the bot's username; 401 or 404 is {@code AUTH_FAILED}. */
    @Override
    public CredentialCheck check() {
        HttpReply reply;
        try {
            reply = http.execute(HttpCall.get(method("getMe")), account.token());
        } catch (IOException e) {
            return CredentialCheck.of(Failures.unreachable(e, account.token()));
        }
        JsonNode json = Payloads.json(reply);
        if (reply.ok() && json.path("ok").asBoolean(false)) {
            String user = json.path("result").path("username").asText("");
            return CredentialCheck.ok("the bot token is accepted" + (user.isEmpty() ? "" : " for @" + user));
        }
        return CredentialCheck.of(classify(reply));
    }

    private Outcome deliver(Post post) {
        ComposedText text = compose(post);
        if (!text.fits() || TelegramText.length(text.text()) > TelegramText.MAX_LENGTH) {
            return new Outcome.Permanent("the message cannot fit Telegram's " + TelegramText.MAX_LENGTH + " characters");
        }
        HttpCall request = HttpCall.post(method("sendMessage")).header("Accept", "application/json").json(Payloads.bytes(body(post, text)));
        HttpReply reply;
        try {
            reply = http.execute(request, account.token());
        } catch (IOException e) {
            return LostAnswers.unreachable(e, account.token());
        }
        JsonNode json = Payloads.json(reply);
        if (reply.ok() && json.path("ok").asBoolean(false)) {
            JsonNode id = json.path("result").path("message_id");
            if (!id.canConvertToLong()) {
                return new Outcome.Uncertain(Failures.message(reply, "Telegram said ok but gave no message_id") + "; the message is probably there");
            }
            return new Outcome.Posted(id.asText(), messageUrl(id.asLong()));
        }
        return classify(reply);
    }

    private Outcome classify(HttpReply reply) {
        JsonNode json = Payloads.json(reply);
        String description = json.path("description").isTextual() ? account.token().maskIn(json.path("description").asText()) : null;
        JsonNode parameters = json.path("parameters");
        int code = json.path("error_code").canConvertToInt() ? json.path("error_code").asInt() : reply.status();
        if (parameters.path("migrate_to_chat_id").canConvertToLong()) {
            return new Outcome.Permanent(Failures.message(reply, description) + "; the group is now the supergroup "
                    + parameters.path("migrate_to_chat_id").asLong() + ": set chat to that id");
        }
        if (code == 404 || reply.status() == 404) {
            return new Outcome.AuthFailed(Failures.message(reply, description) + " (Telegram does not know the bot token)");
        }
        return LostAnswers.afterGateway(reply, Failures.classify(reply, description, TelegramNetwork.retrySignal(reply, clock), clock));
    }

    private ComposedText compose(Post post) {
        ComposedText text = Composer.compose(post, account.template(), TelegramText.RULES);
        // Graphemes never outnumber UTF-16 units; when emoji make the difference, compose tighter.
        for (int i = 0; i < 4 && post.text() == null && TelegramText.length(text.text()) > TelegramText.MAX_LENGTH; i++) {
            int over = TelegramText.length(text.text()) - TelegramText.MAX_LENGTH;
            text = Composer.compose(post, account.template(), new TextRules(Math.max(1, text.limit() - over), Integer.MAX_VALUE, -1));
        }
        return text;
    }

    private ObjectNode body(Post post, ComposedText text) {
        ObjectNode body = Payloads.object();
        if (account.numericChat()) body.put("chat_id", Long.parseLong(account.chat()));
        else body.put("chat_id", account.chat());
        if (account.topic() != null) body.put("message_thread_id", account.topic());
        boolean bold = post.text() == null && account.template().pattern().startsWith("{headline}");
        body.put("text", TelegramText.html(text, bold));
        body.put("parse_mode", "HTML");
        ObjectNode preview = body.putObject("link_preview_options");
        preview.put("url", post.article().url().toString());
        preview.put("prefer_large_media", true);
        preview.put("show_above_text", true);
        return body;
    }

    private URI method(String name) {
        // Not resolve(): "bot123:ABC" would parse as a URI with scheme "bot123".
        return URI.create(account.server() + "bot" + account.token().value() + "/" + name);
    }

    /** {@code https://t.me/name/id} for a public channel, {@code https://t.me/c/internal/id} for a {@code -100…} chat; else none. */
    private URI messageUrl(long messageId) {
        String chat = account.chat();
        if (chat.startsWith("@")) return URI.create("https://t.me/" + chat.substring(1) + "/" + messageId);
        if (chat.startsWith("-100") && chat.length() > 4) return URI.create("https://t.me/c/" + chat.substring(4) + "/" + messageId);
        return null;
    }
}
