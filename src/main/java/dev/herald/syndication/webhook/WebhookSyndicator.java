package dev.herald.syndication.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.internal.Validate;
import dev.herald.meta.MetaTree;
import dev.herald.syndication.ComposedText;
import dev.herald.syndication.Composer;
import dev.herald.syndication.Failures;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Payloads;
import dev.herald.syndication.Post;
import dev.herald.syndication.Preview;
import dev.herald.syndication.Secret;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TextRules;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * Sends each article as a JSON webhook signed per the Standard Webhooks specification:
 *
 * <pre>{@code
 * POST <url>
 * webhook-id: <the post's idempotency key: the same on every retry, so receivers dedupe>
 * webhook-timestamp: <epoch seconds of this attempt>
 * webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body"> [v1,<…> per extra secret]
 *
 * {"type": "article.published",
 *  "timestamp": "2020-01-08T18:40:00Z",
 *  "data": {"url", "title", "description", "image": {url, width, height, alt, type}, "siteName",
 *           "locale", "type", "authors": [{name, url}], "publishedTime", "modifiedTime", "section",
 *           "tags", "twitterSite", "twitterCreator",
 *           "text": <the account's template, filled>, "account", "revision"}}
 * }</pre>
 *
 * <p>Receivers verify with {@link WebhookSignature#verifier()}. Any 2xx is delivered; 409 Conflict
 * means the receiver has the message already; 429 and 5xx are retried (honouring
 * {@code Retry-After}); other 4xx are permanent. The URL is masked in logs, as it may hold a token.
 */
public final class WebhookSyndicator implements Syndicator {
    /** The payload's {@code type}. */
    public static final String EVENT_TYPE = "article.published";


    private final WebhookAccount account;
    private final HttpTransport http;
    private final Clock clock;
    private final WebhookSignature signature;
    private final Secret urlSecret;

    /** A syndicator for {@code account}; fails at once when a secret is not a Standard Webhooks secret. */
    public WebhookSyndicator(WebhookAccount account, HttpTransport http, Clock clock) {
        this.account = Validate.notNull(account, "account");
        this.http = Validate.notNull(http, "http");
        this.clock = Validate.notNull(clock, "clock");
        this.signature = WebhookSignature.of(account.secrets().stream().map(Secret::value).toList());
        this.urlSecret = Secret.of(account.name() + " url", account.url().toString());
    }

    @Override
    public String account() {
        return account.name();
    }

    @Override
    public String network() {
        return "webhook";
    }

    @Override
    public Outcome send(Post post) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        byte[] body = Payloads.bytes(payload(post, now));
        HttpPost request = new HttpPost(account.url());
        for (Map.Entry<String, String> h : signature.headers(post.idempotencyKey(), now, body).entrySet()) {
            request.setHeader(h.getKey(), h.getValue());
        }
        request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        List<Secret> masked = new ArrayList<>(account.secrets());
        masked.add(urlSecret);
        Secret[] secrets = masked.toArray(Secret[]::new);
        HttpReply reply;
        try {
            reply = http.execute(request, secrets);
        } catch (IOException e) {
            return Failures.unreachable(e, secrets);
        }
        if (reply.ok()) return new Outcome.Posted(post.idempotencyKey(), null);
        if (reply.status() == 409) return new Outcome.Duplicate(post.idempotencyKey(), null);
        String message = reply.text().strip();
        for (Secret s : secrets) message = s.maskIn(message);
        return Failures.classify(reply, message.isEmpty() ? null : message, null, clock);
    }

    /** The exact JSON body {@link #send} would sign and post now; the signature headers are computed per attempt. */
    @Override
    public Preview preview(Post post) {
        ObjectNode payload = payload(post, clock.instant().truncatedTo(ChronoUnit.SECONDS));
        return new Preview(account(), network(), text(post), Payloads.pretty(payload));
    }

    private ComposedText text(Post post) {
        return Composer.compose(post.article(), account.template(), TextRules.UNLIMITED);
    }

    private ObjectNode payload(Post post, Instant at) {
        ObjectNode root = Payloads.object();
        root.put("type", EVENT_TYPE);
        root.put("timestamp", at.toString());
        ObjectNode data = MetaTree.of(post.article());
        data.put("text", text(post).text());
        data.put("account", post.account());
        data.put("revision", post.revision());
        root.set("data", data);
        return root;
    }
}
