package dev.herald.syndication.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.internal.Validate;
import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.ComposedText;
import dev.herald.syndication.Composer;
import dev.herald.syndication.CredentialCheck;
import dev.herald.syndication.Failures;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.LostAnswers;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Payloads;
import dev.herald.syndication.Post;
import dev.herald.syndication.Preview;
import dev.herald.syndication.Secret;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TextRules;
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
 * <p><b>Exactly once.</b> A webhook takes no idempotency key and cannot read its channel, so a lost
 * answer cannot be resolved here: {@link DiscordNetwork#guarantee()} is
 * {@link dev.herald.syndication.DeliveryGuarantee#NONE}. The URL holds the webhook's token; only its
 * host is ever logged.
 */
public final class DiscordSyndicator implements Syndicator {
    /** The value of {@link #network()}. */
    public static final String NETWORK = "discord";

    private static final Logger LOG = LoggerFactory.getLogger(DiscordSyndicator.class);

    private final DiscordAccount account;
    private final HttpTransport http;
    private final Clock clock;
    private final Secret[] masked;

    /** A syndicator for {@code account}, sending over {@code http} and reading rate-limit times from {@code clock}. */
    public DiscordSyndicator(DiscordAccount account, HttpTransport http, Clock clock) {
        this.account = Validate.notNull(account, "account");
        this.http = Validate.notNull(http, "http");
        this.clock = Validate.notNull(clock, "clock");
        this.masked = account.webhook().secrets();
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
        LOG.debug("discord {} ({}): {} -> {}", account.name(), account.webhook().masked(), post.idempotencyKey(), outcome.describe());
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
            reply = account.webhook().post(http, account.webhook().withQuery("wait", "true"), Payloads.bytes(body(post, text)));
        } catch (IOException e) {
            return LostAnswers.unreachable(e, masked);
        }
        JsonNode json = reply.json();
        if (reply.ok()) {
            String id = json.path("id").asText("");
            if (id.isBlank()) return new Outcome.Transient(Failures.message(reply, "the answer holds no message id"), null);
            String guild = json.path("guild_id").asText("");
            String channel = json.path("channel_id").asText("");
            URI url = guild.isBlank() || channel.isBlank() ? null : URI.create("https://discord.com/channels/" + guild + "/" + channel + "/" + id);
            return new Outcome.Posted(id, url);
        }
        String message = json.path("message").isTextual() ? Secret.maskAll(json.path("message").asText(), List.of(masked)) : null;
        if (reply.status() == 429 && json.path("global").asBoolean(false)) message = (message == null ? "" : message + " ") + "(global limit)";
        if (reply.status() == 404) return new Outcome.AuthFailed(Failures.message(reply, message) + " (the webhook was deleted or its URL changed)");
        return Failures.classify(reply, message, DiscordNetwork.retrySignal(reply, clock), clock);
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
