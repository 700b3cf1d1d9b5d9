package dev.herald.syndication.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.internal.Validate;
import dev.herald.syndication.ComposedText;
import dev.herald.syndication.CredentialCheck;
import dev.herald.syndication.Failures;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Preview;
import dev.herald.syndication.Secret;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.internal.IncomingWebhook;
import dev.herald.syndication.internal.LostAnswers;
import dev.herald.syndication.internal.Payloads;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each article to one Slack incoming webhook as a Block Kit message. Thread-safe.
 *
 * <p><b>Message.</b> {@code {text, blocks: [section], unfurl_links: false}}: the section's mrkdwn is
 * the headline in bold, linked to the article ({@code *<url|headline>*}), then the summary, cut so
 * the whole stays within 3,000 characters; the article image is the section's accessory (its alt
 * text, else the headline). {@code text} is the account's template (default {@code {headline} {url}}),
 * which Slack shows in notifications. {@code &}, {@code <} and {@code >} are escaped everywhere, so
 * nothing in an article can become a link or a {@code <!channel>} mention.
 *
 * <p><b>Answers</b> (plain text): {@code 200 ok} → {@link Outcome.Posted} (an incoming webhook
 * returns no message id: the id recorded is the post's idempotency key); 429 →
 * {@link Outcome.RateLimited} at {@code Retry-After}; the answers that stop the whole account until
 * someone changes its configuration — {@code 404 no_service} (the webhook was revoked),
 * {@code 404 channel_not_found}, {@code 410 channel_is_archived}, {@code 403 action_prohibited},
 * 401 — → {@link Outcome.AuthFailed}; other 4xx ({@code invalid_payload}, {@code no_text}) →
 * {@link Outcome.Permanent} with Slack's code; 5xx ({@code rollup_error}) and a connection that
 * could not be opened → {@link Outcome.Transient}; a request sent without an answer →
 * {@link Outcome.Permanent} marked uncertain ({@link LostAnswers}), never resent blindly.
 *
 * <p><b>Exactly once.</b> An incoming webhook takes no idempotency key and cannot read its channel:
 * {@link SlackNetwork#guarantee()} is {@link dev.herald.syndication.DeliveryGuarantee#NONE}.
 */
public final class SlackSyndicator implements Syndicator {
    /** The value of {@link #network()}. */
    public static final String NETWORK = "slack";

    private static final Logger LOG = LoggerFactory.getLogger(SlackSyndicator.class);
    private static final Set<String> ACCOUNT_STOPPERS = Set.of("no_service", "channel_not_found", "channel_is_archived", "action_prohibited",
            "team_disabled", "no_team", "invalid_token");

    private final SlackAccount account;
    private final IncomingWebhook webhook;
    private final HttpTransport http;
    private final Clock clock;
    private final Secret[] masked;

    /** A syndicator for {@code account}, sending over {@code http} and reading rate-limit times from {@code clock}. */
    public SlackSyndicator(SlackAccount account, HttpTransport http, Clock clock) {
        this.account = Validate.notNull(account, "account");
        this.webhook = new IncomingWebhook(account.webhook());
        this.http = Validate.notNull(http, "http");
        this.clock = Validate.notNull(clock, "clock");
        this.masked = webhook.secrets();
    }

    @Override
    public String account() {
        return account.name();
    }

    @Override
    public String network() {
        return NETWORK;
    }

    /** Posts {@code post} to the webhook; see the class description for how each answer is classified. */
    @Override
    public Outcome send(Post post) {
        Validate.notNull(post, "post");
        Outcome outcome = deliver(post);
        LOG.debug("slack {} ({}): {} -> {}", account.name(), webhook.masked(), post.idempotencyKey(), outcome.describe());
        return outcome;
    }

    /** The exact JSON body {@link #send} would post; makes no request and never shows the URL. */
    @Override
    public Preview preview(Post post) {
        Validate.notNull(post, "post");
        ComposedText text = compose(post);
        return new Preview(account.name(), NETWORK, text, Payloads.pretty(body(post, text)));
    }

    /** An incoming webhook cannot be asked about itself without posting: {@code UNKNOWN}. */
    @Override
    public CredentialCheck check() {
        return CredentialCheck.unknown("a Slack incoming webhook is checked only by posting");
    }

    private Outcome deliver(Post post) {
        ComposedText text = compose(post);
        HttpReply reply;
        try {
            reply = webhook.post(http, webhook.url(), Payloads.bytes(body(post, text)));
        } catch (IOException e) {
            return LostAnswers.unreachable(e, masked);
        }
        if (reply.ok()) return new Outcome.Posted(post.idempotencyKey(), null);
        String code = errorCode(reply);
        if (reply.status() == 401 || code != null && ACCOUNT_STOPPERS.contains(code)) {
            return new Outcome.AuthFailed(Failures.message(reply, code) + " (the webhook no longer posts: configure a new one)");
        }
        return LostAnswers.afterGateway(reply, Failures.classify(reply, code, null, clock));
    }

    /** Slack's plain-text error code ({@code invalid_payload}), or {@code null} for anything else (an HTML page). */
    private String errorCode(HttpReply reply) {
        String t = reply.text().strip();
        if (t.isEmpty() || t.length() > 100 || !t.matches("[a-z_]+")) return null;
        return Secret.maskAll(t, List.of(masked));
    }

    private ComposedText compose(Post post) {
        return SlackBlocks.compose(post, account.template());
    }

    private ObjectNode body(Post post, ComposedText text) {
        return SlackBlocks.message(post, text);
    }
}
