package dev.herald.syndication.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.internal.Validate;
import dev.herald.syndication.ComposedText;
import dev.herald.syndication.CredentialCheck;
import dev.herald.syndication.DeliveryGuarantee;
import dev.herald.syndication.Failures;
import dev.herald.syndication.HttpCall;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Preview;
import dev.herald.syndication.Reconciliation;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.internal.Payloads;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each article to one Slack channel with a bot token ({@code chat.postMessage}), records the
 * message's {@code ts} and permalink, and can tell afterwards whether a message is there. Thread-safe.
 *
 * <p><b>Message.</b> The same Block Kit message as an incoming webhook (see {@link SlackSyndicator}),
 * plus the {@code channel} and message {@code metadata}
 * ({@code event_type herald_share}, payload: the share's idempotency key and the article URL), which
 * lets {@link #reconcile} tell this share from another revision of the same article.
 *
 * <p><b>Answers.</b> The Web API answers most failures with HTTP 200 and
 * {@code {"ok": false, "error": "…"}}:
 * <ul>
 *   <li>{@code ok: true} → {@link Outcome.Posted} with the {@code ts}, and the permalink from
 *       {@code chat.getPermalink} (none if that second call fails: the message is there all the same);
 *   <li>{@code invalid_auth}, {@code not_authed}, {@code account_inactive}, {@code token_revoked},
 *       {@code token_expired}, {@code missing_scope} (the scope Slack names is quoted),
 *       {@code no_permission}, {@code team_access_not_granted} → {@link Outcome.AuthFailed};
 *   <li>{@code ratelimited} (HTTP 429) → {@link Outcome.RateLimited} at {@code Retry-After};
 *   <li>{@code internal_error}, {@code fatal_error}, {@code service_unavailable},
 *       {@code request_timeout}, HTTP 5xx and no answer at all → {@link Outcome.Transient};
 *   <li>every other error ({@code channel_not_found}, {@code is_archived}, {@code not_in_channel},
 *       {@code invalid_blocks}, {@code msg_too_long}) → {@link Outcome.Permanent} with Slack's code.
 * </ul>
 *
 * <p><b>Exactly once.</b> Slack takes no idempotency key, but a bot can read its channel:
 * {@link #guarantee()} is {@link DeliveryGuarantee#RECONCILE_BEFORE_RESEND}, so a lost answer
 * ({@code fatal_error} says "some aspect of the operation may have succeeded"; a dropped connection
 * says nothing) is transient, and before it is sent again {@link #reconcile} looks for it.
 */
public final class SlackBotSyndicator implements Syndicator {
    /** How far back {@link #reconcile} reads the channel. */
    public static final Duration LOOKBACK = Duration.ofDays(7);
    /** Messages per page of {@code conversations.history}. */
    static final int PAGE = 100;
    /** Pages {@link #reconcile} reads before it gives the question to a person. */
    static final int MAX_PAGES = 3;
    /** The {@code metadata.event_type} of Herald's messages. */
    static final String EVENT_TYPE = "herald_share";

    private static final Logger LOG = LoggerFactory.getLogger(SlackBotSyndicator.class);
    private static final Set<String> AUTH = Set.of("invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "missing_scope",
            "no_permission", "team_access_not_granted", "not_allowed_token_type", "ekm_access_denied");
    private static final Set<String> TRANSIENT = Set.of("internal_error", "fatal_error", "service_unavailable", "request_timeout");

    private final SlackBotAccount account;
    private final HttpTransport http;
    private final Clock clock;

    /** A syndicator for {@code account}, sending over {@code http} and reading rate-limit times from {@code clock}. */
    public SlackBotSyndicator(SlackBotAccount account, HttpTransport http, Clock clock) {
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
        return SlackSyndicator.NETWORK;
    }

    /** {@link DeliveryGuarantee#RECONCILE_BEFORE_RESEND}: a bot can read its channel, so a resend is looked for first. */
    @Override
    public DeliveryGuarantee guarantee() {
        return DeliveryGuarantee.RECONCILE_BEFORE_RESEND;
    }

    /** Posts {@code post} with {@code chat.postMessage}; see the class description for how each answer is classified. */
    @Override
    public Outcome send(Post post) {
        Validate.notNull(post, "post");
        Outcome outcome = deliver(post);
        LOG.debug("slack {} (bot, {}): {} -> {}", account.name(), account.channel(), post.idempotencyKey(), outcome.describe());
        return outcome;
    }

    /** The exact JSON body {@link #send} would post; makes no request and never shows the token. */
    @Override
    public Preview preview(Post post) {
        Validate.notNull(post, "post");
        ComposedText text = SlackBlocks.compose(post, account.template());
        return new Preview(account.name(), SlackSyndicator.NETWORK, text, Payloads.pretty(body(post, text)));
    }

    /**
     * Whether a message of this share is in the channel: reads {@code conversations.history} from
     * {@link #LOOKBACK} ago (with metadata), newest first, up to {@value #MAX_PAGES} pages of
     * {@value #PAGE}, for a message posted by an app ({@code bot_id}) that links the article's URL and,
     * when it carries Herald's metadata, has this share's idempotency key. More messages than that,
     * or an error, is {@link Reconciliation.Unknown}: a person decides.
     */
    @Override
    public Reconciliation reconcile(Post post) {
        Validate.notNull(post, "post");
        String link = "<" + SlackText.url(post.article().url().toString());
        java.time.Instant since = clock.instant().minus(LOOKBACK);
        String oldest = Long.toString(since.getEpochSecond());
        String cursor = null;
        try {
            for (int page = 0; page < MAX_PAGES; page++) {
                String query = "conversations.history?channel=" + enc(account.channel()) + "&oldest=" + oldest + "&limit=" + PAGE
                        + "&include_all_metadata=true" + (cursor == null ? "" : "&cursor=" + enc(cursor));
                HttpReply reply = execute(HttpCall.get(account.method(query)));
                JsonNode json = Payloads.json(reply);
                if (!reply.ok() || !json.path("ok").asBoolean(false)) {
                    return new Reconciliation.Unknown("could not read the channel: " + classify(reply).describe());
                }
                for (JsonNode m : json.path("messages")) {
                    if (ours(m, post.idempotencyKey())) return new Reconciliation.Found(m.path("ts").asText(), permalink(m.path("ts").asText()),
                            "the channel's history, matched by Herald's metadata key");
                }
                cursor = json.path("response_metadata").path("next_cursor").asText("");
                if (!json.path("has_more").asBoolean(false) || cursor.isBlank()) return new Reconciliation.NotFound();
            }
            return new Reconciliation.Unknown("more than " + (MAX_PAGES * PAGE) + " messages in the channel since " + since
                    + "; check it by hand");
        } catch (IOException e) {
            return new Reconciliation.Unknown(Failures.unreachable(e, account.token()).describe());
        }
    }

    /** {@code auth.test}: an accepted token is OK; a refused one is AUTH_FAILED. */
    @Override
    public CredentialCheck check() {
        try {
            HttpReply reply = execute(HttpCall.post(account.method("auth.test")));
            JsonNode json = Payloads.json(reply);
            if (reply.ok() && json.path("ok").asBoolean(false)) {
                return CredentialCheck.ok("the bot token is accepted for workspace " + json.path("team").asText("?")
                        + " as " + json.path("user").asText("?"));
            }
            return CredentialCheck.of(classify(reply));
        } catch (IOException e) {
            return CredentialCheck.of(Failures.unreachable(e, account.token()));
        }
    }

    private Outcome deliver(Post post) {
        ComposedText text = SlackBlocks.compose(post, account.template());
        // Slack warns about a JSON body without a charset; HttpCall.json names UTF-8.
        HttpCall request = HttpCall.post(account.method("chat.postMessage")).json(Payloads.bytes(body(post, text)));
        HttpReply reply;
        try {
            reply = execute(request);
        } catch (IOException e) {
            // Reconcile-before-resend: transient, and delivery looks before it sends again.
            return Failures.unreachable(e, account.token());
        }
        JsonNode json = Payloads.json(reply);
        if (!reply.ok() || !json.path("ok").asBoolean(false)) return classify(reply);
        String ts = json.path("ts").asText("");
        if (ts.isBlank()) return new Outcome.Transient(Failures.message(reply, "the answer holds no message ts"), null);
        return new Outcome.Posted(ts, permalink(ts));
    }

    /** The message's permalink, or {@code null} when Slack does not tell it: the post is not failed for that. */
    private URI permalink(String ts) {
        try {
            HttpReply reply = execute(HttpCall.get(account.method("chat.getPermalink?channel=" + enc(account.channel()) + "&message_ts=" + enc(ts))));
            String link = reply.ok() && Payloads.json(reply).path("ok").asBoolean(false) ? Payloads.json(reply).path("permalink").asText("") : "";
            return link.startsWith("https://") || link.startsWith("http://") ? URI.create(link) : null;
        } catch (IOException | IllegalArgumentException e) {
            LOG.debug("slack {}: no permalink for {}: {}", account.name(), ts, e.getMessage());
            return null;
        }
    }

    /**
     * Whether {@code m} is the message Herald posted for this share: only Herald's own metadata
     * says so. A link alone proves nothing (another app, an RSS bot, may post the same article),
     * and taking such a message for ours would leave this share unsent.
     */
    private static boolean ours(JsonNode m, String key) {
        if (m.path("bot_id").asText("").isBlank()) return false;
        JsonNode meta = m.path("metadata");
        return EVENT_TYPE.equals(meta.path("event_type").asText())
                && key.equals(meta.path("event_payload").path("idempotency_key").asText());
    }

    private Outcome classify(HttpReply reply) {
        JsonNode json = Payloads.json(reply);
        String error = json.path("error").isTextual() ? account.token().maskIn(json.path("error").asText()) : null;
        if (error != null && error.length() > 100) error = Validate.abbreviate(error);
        if (reply.status() == 429 || "ratelimited".equals(error) || "rate_limited".equals(error)) {
            return Failures.classify(new HttpReply(429, reply.headers(), reply.body()), error, null, clock);
        }
        if (error == null) return Failures.classify(reply, null, null, clock);
        String text = Failures.message(reply, error);
        if (AUTH.contains(error)) {
            String needed = json.path("needed").asText("");
            return new Outcome.AuthFailed(text + (needed.isBlank() ? "" : " (the token needs the scope " + account.token().maskIn(Validate.abbreviate(needed)) + ")"));
        }
        if (TRANSIENT.contains(error) || reply.status() >= 500) return new Outcome.Transient(text, null);
        String hint = switch (error) {
            case "not_in_channel" -> " (invite the app to the channel: /invite @app)";
            case "channel_not_found" -> " (the channel id is wrong, or the app cannot see this private channel)";
            case "is_archived" -> " (the channel is archived)";
            default -> "";
        };
        return new Outcome.Permanent(text + hint);
    }

    private HttpReply execute(HttpCall request) throws IOException {
        return http.execute(request.header("Authorization", "Bearer " + account.token().value()).header("Accept", "application/json"), account.token());
    }

    private ObjectNode body(Post post, ComposedText text) {
        ObjectNode message = Payloads.object().put("channel", account.channel());
        message.setAll(SlackBlocks.message(post, text));
        ObjectNode metadata = message.putObject("metadata").put("event_type", EVENT_TYPE);
        metadata.putObject("event_payload").put("idempotency_key", post.idempotencyKey()).put("url", post.article().url().toString());
        return message;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
