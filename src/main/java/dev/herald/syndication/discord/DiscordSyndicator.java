package dev.herald.syndication.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.internal.Validate;
import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.ComposedText;
import dev.herald.syndication.Composer;
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
import dev.herald.syndication.Secret;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TextRules;
import dev.herald.syndication.internal.IncomingWebhook;
import dev.herald.syndication.internal.LostAnswers;
import dev.herald.syndication.internal.Payloads;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes one Discord channel webhook per article ({@code POST <webhook>?wait=true}). Thread-safe.
 *
 * <p><b>Message.</b> {@code content} is the account's template (default: the headline) with
 * Discord's markdown escaped and links in {@code <…>} so Discord adds no second preview; one embed
 * carries title, description (the summary), url, image, timestamp (the article's publication),
 * the configured colour and the site as author. {@code allowed_mentions: {parse: []}}, so nothing in
 * an article can ping {@code @everyone}, a role or a user. Limits, counted on the escaped text and
 * cut between grapheme clusters: content 2,000, title 256, description 4,096, author 256, embed
 * total 6,000.
 *
 * <p><b>Answers.</b> With {@code wait=true} Discord answers the saved message: {@link Outcome.Posted}
 * with its id. 429 → {@link Outcome.RateLimited} at the latest of {@code Retry-After},
 * {@code X-RateLimit-Reset-After} and the body's {@code retry_after} (a {@code global} limit says so
 * in the message); 401, 403 and 404 ({@code Unknown Webhook}: deleted, or its token changed) →
 * {@link Outcome.AuthFailed}, as the URL is the credential; other 4xx ({@code Invalid Form Body}) →
 * {@link Outcome.Permanent} with Discord's message; 5xx and a connection that could not be opened →
 * {@link Outcome.Transient}; a request sent without an answer → {@link Outcome.Permanent} marked
 * uncertain ({@link LostAnswers}), never resent blindly.
 *
 * <p><b>Exactly once.</b> A webhook takes no idempotency key and cannot read its channel, so on its
 * own a lost answer cannot be resolved: {@link #guarantee()} is {@link DeliveryGuarantee#NONE} and
 * the lost answer is left to a person ({@link LostAnswers}). With a {@link DiscordAccount.Bot bot}
 * that can read the channel, a lost answer is {@link Outcome.Transient}, {@link #guarantee()} is
 * {@link DeliveryGuarantee#RECONCILE_BEFORE_RESEND}, and {@link #reconcile} searches the channel's
 * {@value #RECENT} most recent messages for this webhook's message with the article before anything
 * is sent again. The URL holds the webhook's token; only its host is ever logged.
 */
public final class DiscordSyndicator implements Syndicator {
    /** The value of {@link #network()}. */
    public static final String NETWORK = "discord";

    /** How many of the channel's most recent messages {@link #reconcile} reads. */
    public static final int RECENT = 50;
    /** The API version the bot's reads are pinned to. */
    static final String API_VERSION = "v10";

    private static final Logger LOG = LoggerFactory.getLogger(DiscordSyndicator.class);

    private final DiscordAccount account;
    private final IncomingWebhook webhook;
    private final HttpTransport http;
    private final Clock clock;
    private final Secret[] masked;

    /** A syndicator for {@code account}, sending over {@code http} and reading rate-limit times from {@code clock}. */
    public DiscordSyndicator(DiscordAccount account, HttpTransport http, Clock clock) {
        this.account = Validate.notNull(account, "account");
        this.webhook = new IncomingWebhook(account.webhook());
        this.http = Validate.notNull(http, "http");
        this.clock = Validate.notNull(clock, "clock");
        List<Secret> secrets = new java.util.ArrayList<>(List.of(webhook.secrets()));
        if (account.bot() != null) secrets.add(account.bot().token());
        this.masked = secrets.toArray(new Secret[0]);
    }

    /**
     * {@link DeliveryGuarantee#RECONCILE_BEFORE_RESEND} with a bot that can read the channel,
     * otherwise {@link DeliveryGuarantee#NONE}: a webhook alone cannot tell whether its message landed.
     */
    @Override
    public DeliveryGuarantee guarantee() {
        return account.bot() == null ? DeliveryGuarantee.NONE : DeliveryGuarantee.RECONCILE_BEFORE_RESEND;
    }

    /**
     * Whether this share's message is among the channel's {@value #RECENT} most recent messages
     * ({@code GET /channels/{id}/messages}, with the bot's token): a message this webhook posted
     * ({@code webhook_id}) whose embed links the article, or whose content holds its URL. A full page
     * whose oldest message is newer than a week, without it, is {@link Reconciliation.Unknown} (the
     * message may be further back); so is every error. Without a bot: {@link Reconciliation.Unknown}.
     */
    @Override
    public Reconciliation reconcile(Post post) {
        Validate.notNull(post, "post");
        DiscordAccount.Bot bot = account.bot();
        if (bot == null) return new Reconciliation.Unknown("a Discord webhook cannot read its channel (configure botToken and channel to let Herald look)");
        String url = post.article().url().toString();
        String webhookId = webhookId();
        // Without the id every message lacking a webhook_id (a member's) would pass as ours.
        if (webhookId.isEmpty()) return new Reconciliation.Unknown("the webhook URL names no webhook id (…/webhooks/<id>/<token>), so Herald's messages cannot be told from others");
        HttpCall get = HttpCall.get(apiBase().resolve(API_VERSION + "/channels/" + bot.channel() + "/messages?limit=" + RECENT))
                .header("Authorization", "Bot " + bot.token().value())
                .header("Accept", "application/json");
        HttpReply reply;
        try {
            reply = http.execute(get, masked);
        } catch (IOException e) {
            return new Reconciliation.Unknown(Failures.unreachable(e, masked).describe());
        }
        JsonNode json = Payloads.json(reply);
        if (!reply.ok() || !json.isArray()) {
            String message = json.path("message").isTextual() ? Secret.maskAll(json.path("message").asText(), List.of(masked)) : null;
            return new Reconciliation.Unknown("could not read the channel: " + Failures.classify(reply, message, DiscordNetwork.retrySignal(reply, clock), clock).describe());
        }
        Instant oldest = null;
        for (JsonNode m : json) {
            if (webhookId.equals(m.path("webhook_id").asText()) && links(m, url)) {
                String guild = m.path("guild_id").asText("");
                String id = m.path("id").asText();
                return new Reconciliation.Found(id, guild.isBlank() ? null : URI.create("https://discord.com/channels/" + guild + "/" + bot.channel() + "/" + id),
                        "the channel's 50 latest messages, matched by link");
            }
            try {
                oldest = Instant.parse(m.path("timestamp").asText());
            } catch (java.time.format.DateTimeParseException e) {
                oldest = null;
            }
        }
        if (json.size() >= RECENT && (oldest == null || oldest.isAfter(clock.instant().minus(java.time.Duration.ofDays(7))))) {
            return new Reconciliation.Unknown("not among the channel's " + RECENT + " most recent messages, which are all from the last week; check it by hand");
        }
        return new Reconciliation.NotFound();
    }

    private static boolean links(JsonNode message, String url) {
        for (JsonNode e : message.path("embeds")) if (url.equals(e.path("url").asText())) return true;
        // The whole URL as one link, bare or in <…>: "/story/12" must not match a link to "/story/123".
        return java.util.regex.Pattern.compile("(?:^|[\\s<])" + java.util.regex.Pattern.quote(url) + "(?:$|[\\s>])")
                .matcher(message.path("content").asText("")).find();
    }

    /** The API's base ({@code https://discord.com/api/}): the webhook URL up to its {@code /api/}. */
    private URI apiBase() {
        String path = webhook.url().getRawPath();
        int at = path.indexOf("/api/");
        return webhook.url().resolve(at < 0 ? "/api/" : path.substring(0, at + 5));
    }

    /** The webhook's id: the path segment after {@code webhooks/}. */
    private String webhookId() {
        String[] parts = webhook.url().getRawPath().split("/");
        for (int i = 0; i < parts.length - 1; i++) if (parts[i].equals("webhooks")) return parts[i + 1];
        return "";
    }

    @Override
    public String account() {
        return account.name();
    }

    @Override
    public String network() {
        return NETWORK;
    }

    /** Executes the webhook with {@code post}; see the class description for how each answer is classified. */
    @Override
    public Outcome send(Post post) {
        Validate.notNull(post, "post");
        Outcome outcome = deliver(post);
        LOG.debug("discord {} ({}): {} -> {}", account.name(), webhook.masked(), post.idempotencyKey(), outcome.describe());
        return outcome;
    }

    /** The exact JSON body {@link #send} would post; makes no request and never shows the URL. */
    @Override
    public Preview preview(Post post) {
        Validate.notNull(post, "post");
        ComposedText text = compose(post);
        return new Preview(account.name(), NETWORK, text, Payloads.pretty(body(post, text)));
    }

    /** A webhook cannot be asked about itself without posting, short of a GET that Herald leaves alone: {@code UNKNOWN}. */
    @Override
    public CredentialCheck check() {
        return CredentialCheck.unknown("a Discord webhook is checked only by posting");
    }

    private Outcome deliver(Post post) {
        ComposedText text = compose(post);
        if (!text.fits() || DiscordText.escapeQuietLinks(text.text()).length() > DiscordText.CONTENT) {
            return new Outcome.Permanent("the message cannot fit Discord's " + DiscordText.CONTENT + " characters");
        }
        HttpReply reply;
        try {
            reply = webhook.post(http, webhook.withQuery("wait", "true"), Payloads.bytes(body(post, text)));
        } catch (IOException e) {
            // With a bot, delivery reconciles before it resends; without one only a person can tell.
            return account.bot() != null ? Failures.unreachable(e, masked) : LostAnswers.unreachable(e, masked);
        }
        JsonNode json = Payloads.json(reply);
        if (reply.ok()) {
            String id = json.path("id").asText("");
            if (id.isBlank()) {
                // Discord took it (2xx) but said nothing usable: with a bot, look before a resend; without, a person decides.
                String what = Failures.message(reply, "the answer holds no message id");
                return account.bot() != null ? new Outcome.Transient(what, null) : new Outcome.Uncertain(what + "; the message is probably there");
            }
            String guild = json.path("guild_id").asText("");
            String channel = json.path("channel_id").asText("");
            URI url = guild.isBlank() || channel.isBlank() ? null : URI.create("https://discord.com/channels/" + guild + "/" + channel + "/" + id);
            return new Outcome.Posted(id, url);
        }
        String message = json.path("message").isTextual() ? Secret.maskAll(json.path("message").asText(), List.of(masked)) : null;
        if (reply.status() == 429 && json.path("global").asBoolean(false)) message = (message == null ? "" : message + " ") + "(global limit)";
        if (reply.status() == 404) return new Outcome.AuthFailed(Failures.message(reply, message) + " (the webhook was deleted or its URL changed)");
        Outcome outcome = Failures.classify(reply, message, DiscordNetwork.retrySignal(reply, clock), clock);
        return account.bot() != null ? outcome : LostAnswers.afterGateway(reply, outcome);
    }

    private ComposedText compose(Post post) {
        ComposedText text = Composer.compose(post, account.template(), new TextRules(DiscordText.CONTENT, Integer.MAX_VALUE, -1));
        for (int i = 0; i < 5 && post.text() == null && DiscordText.escapeQuietLinks(text.text()).length() > DiscordText.CONTENT; i++) {
            int over = DiscordText.escapeQuietLinks(text.text()).length() - DiscordText.CONTENT;
            text = Composer.compose(post, account.template(), new TextRules(Math.max(1, text.limit() - over), Integer.MAX_VALUE, -1));
        }
        return text;
    }

    private ObjectNode body(Post post, ComposedText text) {
        ArticleMeta a = post.article();
        ObjectNode body = Payloads.object();
        body.put("content", DiscordText.escapeQuietLinks(text.text()));
        ObjectNode embed = body.putArray("embeds").addObject();
        String author = DiscordText.fitEscaped(a.siteName(), DiscordText.AUTHOR);
        String title = DiscordText.fitEscaped(a.title(), DiscordText.TITLE);
        int room = DiscordText.TOTAL - author.length() - title.length();
        String description = DiscordText.fitEscaped(a.description(), Math.min(DiscordText.DESCRIPTION, room));
        if (!title.isEmpty()) embed.put("title", title);
        if (!description.isEmpty()) embed.put("description", description);
        embed.put("url", a.url().toString());
        if (a.publishedTime() != null) embed.put("timestamp", a.publishedTime().toString());
        if (account.colour() != null) embed.put("color", account.colour());
        if (a.image() != null && a.image().url() != null) embed.putObject("image").put("url", a.image().url().toString());
        if (!author.isEmpty()) {
            ObjectNode by = embed.putObject("author").put("name", author);
            by.put("url", a.url().resolve("/").toString());
        }
        body.putObject("allowed_mentions").putArray("parse");
        return body;
    }

    static Instant latest(Instant a, Instant b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isAfter(b) ? a : b;
    }
}
