package dev.herald.syndication.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.internal.Validate;
import dev.herald.syndication.DeliveryGuarantee;
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
import dev.herald.syndication.Secret;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TextRules;
import dev.herald.syndication.internal.Payloads;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs each article as a signed JSON webhook (Standard Webhooks) to one endpoint. Thread-safe;
 * share one per account.
 *
 * <p><b>Headers.</b> {@code webhook-id} is the post's idempotency key — the same on every retry, so
 * the receiver processes each article revision once; {@code webhook-timestamp} is the attempt's time
 * (epoch seconds, from the {@link Clock}); {@code webhook-signature} holds one {@code v1,<base64>}
 * signature per configured secret, space-separated, made by {@link WebhookSignature}.
 *
 * <p><b>Body</b> ({@code application/json}, UTF-8). Every key is always present; unknown values are
 * {@code null}, empty lists {@code []}. New keys may be added; existing ones keep their meaning.
 * <pre>{@code
 * {
 *   "type": "article.published",
 *   "timestamp": "2026-03-01T12:01:30Z",        // this attempt, the second of webhook-timestamp
 *   "data": {
 *     "url": "https://news.example/world/…",     // canonical URL, always set
 *     "title": "…", "description": "…",
 *     "image": {"url": "…", "width": 1200, "height": 630, "alt": "…", "type": "image/jpeg"} | null,
 *     "siteName": "…", "locale": "en-US",        // BCP 47 tag
 *     "publishedTime": "2020-01-08T03:15:00-05:00", "modifiedTime": …,   // ISO-8601, offset as given
 *     "section": "World", "tags": ["Iran", …],
 *     "authors": [{"name": "…", "url": "…" | null}, …],
 *     "text": "…",                               // the account's template filled in, no length limit
 *     "revision": "…"                            // the article revision this message is for
 *   }
 * }
 * }</pre>
 * Only {@code timestamp} (and so the signature) differs between retries of one message; receivers
 * deduplicate on {@code webhook-id}, not on the body.
 *
 * <p><b>Answers.</b> 2xx → {@link Outcome.Posted} (id = the idempotency key, no URL); 409 →
 * {@link Outcome.Duplicate}; 401/403 (the receiver refused the signature) → {@link
 * Outcome.AuthFailed}; 429 → {@link Outcome.RateLimited} at {@code Retry-After}; 408, 425, 5xx,
 * timeouts and dropped connections → {@link Outcome.Transient} ({@code Retry-After} honoured);
 * redirects are not followed and, like every other 4xx (400, 404, 410), are {@link
 * Outcome.Permanent}. No network failure escapes {@link #send} as an exception; built by {@link
 * WebhookNetwork}, a bug's exception is classified by the core's guard, with the URL's path and
 * query and the secrets masked.
 *
 * <p>The endpoint URL may hold a token, so it is logged only as {@link WebhookAccount#maskedUrl()}.
 */
public final class WebhookSyndicator implements Syndicator {
    /** The value of {@link #network()}. */
    public static final String NETWORK = "webhook";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSyndicator.class);
    private static final int MAX_RECEIVER_MESSAGE = 200;

    private final WebhookAccount account;
    private final HttpTransport http;
    private final Clock clock;
    private final WebhookSignature signature;
    private final Secret[] masked;

    /**
     * A syndicator for {@code account}, sending over {@code http} (shared by all syndicators) and
     * stamping messages with {@code clock}'s time.
     */
    public WebhookSyndicator(WebhookAccount account, HttpTransport http, Clock clock) {
        this.account = Validate.notNull(account, "account");
        this.http = Validate.notNull(http, "http");
        this.clock = Validate.notNull(clock, "clock");
        this.signature = WebhookSignature.of(account.secrets().stream().map(Secret::value).toList());
        this.masked = secretsToMask(account);
    }

    @Override
    public String account() {
        return account.name();
    }

    @Override
    public String network() {
        return NETWORK;
    }

    /** {@link DeliveryGuarantee#IDEMPOTENCY_KEY}: every delivery carries the share's {@code webhook-id}, which receivers deduplicate by; a resend is always safe. */
    @Override
    public DeliveryGuarantee guarantee() {
        return DeliveryGuarantee.IDEMPOTENCY_KEY;
    }

    /** Signs and POSTs {@code post}; see the class description for the message and how answers are classified. */
    @Override
    public Outcome send(Post post) {
        Validate.notNull(post, "post");
        Outcome outcome = deliver(post);
        LOG.debug("webhook {} ({}): {} -> {}", account.name(), account.maskedUrl(), post.idempotencyKey(), outcome.describe());
        return outcome;
    }

    /**
     * The exact JSON body {@link #send} would POST now (pretty-printed here; sent compact), stamped
     * with the clock's current time. Makes no request. The signature headers are not shown: they
     * are computed from the secrets at sending time.
     */
    @Override
    public Preview preview(Post post) {
        Validate.notNull(post, "post");
        ComposedText text = compose(post);
        try {
            String payload = WebhookPayload.JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(WebhookPayload.of(post, text.text(), clock.instant()));
            return new Preview(account.name(), NETWORK, text, payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a webhook body", e);
        }
    }

    private Outcome deliver(Post post) {
        String id = post.idempotencyKey();
        if (!usableAsMessageId(id)) {
            return new Outcome.Permanent("the idempotency key cannot be a webhook-id: it must be printable ASCII without dots or spaces");
        }
        Instant now = clock.instant();
        byte[] body;
        try {
            body = WebhookPayload.JSON.writeValueAsBytes(WebhookPayload.of(post, compose(post).text(), now));
        } catch (JsonProcessingException e) {
            return new Outcome.Permanent("cannot write the webhook body: " + e.getOriginalMessage());
        }
        HttpCall request = HttpCall.post(account.url()).json(body);
        for (Map.Entry<String, String> h : signature.headers(id, now, body).entrySet()) request = request.header(h.getKey(), h.getValue());
        HttpReply reply;
        try {
            reply = http.execute(request, masked);
        } catch (IOException e) {
            return Failures.unreachable(e, masked);
        }
        return classify(reply, id);
    }

    private Outcome classify(HttpReply reply, String id) {
        if (reply.ok()) return new Outcome.Posted(id, null);
        if (reply.status() == 409) return new Outcome.Duplicate(id, null);
        String message = reply.status() >= 300 && reply.status() < 400
                ? "redirects are not followed; configure the endpoint's final URL"
                : receiverMessage(reply);
        // No network-specific signal: Failures reads Retry-After for 429 and the transient codes.
        return Failures.classify(reply, message, null, clock);
    }

    private ComposedText compose(Post post) {
        return Composer.compose(post, account.template(), TextRules.UNLIMITED);
    }

    /** The receiver's own reason, from a JSON error body or a short plain-text one; null for HTML pages. */
    private String receiverMessage(HttpReply reply) {
        JsonNode json = Payloads.json(reply);
        for (String field : List.of("message", "error", "detail", "title")) {
            JsonNode n = json.path(field);
            if (n.isTextual() && !n.asText().isBlank()) return mask(n.asText().strip());
        }
        // A JSON object without a reason says nothing; plain text such as "503 busy" parses as a number.
        if (json.isContainerNode()) return null;
        String text = reply.text().strip();
        if (text.isEmpty() || text.startsWith("<")) return null;
        int eol = text.indexOf('\n');
        String line = (eol < 0 ? text : text.substring(0, eol)).strip();
        return mask(line.length() > MAX_RECEIVER_MESSAGE ? line.substring(0, MAX_RECEIVER_MESSAGE) + "…" : line);
    }

    private String mask(String text) {
        String out = text;
        for (Secret s : masked) out = s.maskIn(out);
        return out;
    }

    /** A receiver has no way to check signing secrets short of a delivery, so this is always {@code UNKNOWN}. */
    @Override
    public CredentialCheck check() {
        return CredentialCheck.unknown("not applicable: a webhook receiver checks the signature only on a delivery");
    }

    private static boolean usableAsMessageId(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            // WebhookSignature forbids dots and whitespace; headers carry only visible ASCII safely.
            if (c <= 0x20 || c >= 0x7f || c == '.') return false;
        }
        return !id.isEmpty();
    }

    /**
     * What to hide in logged request lines and error messages: the URL's path and query (which may
     * hold a token) and the signing secrets.
     */
    static Secret[] secretsToMask(WebhookAccount account) {
        List<Secret> out = new ArrayList<>();
        URI url = account.url();
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        String query = url.getRawQuery();
        // A bare "/" hides nothing and masking it would blank every slash in a message.
        if (path.length() > 1) out.add(Secret.of("webhook-url-path", path));
        if (query != null && !query.isEmpty()) out.add(Secret.of("webhook-url-query", query));
        out.addAll(account.secrets());
        return out.toArray(new Secret[0]);
    }
}
