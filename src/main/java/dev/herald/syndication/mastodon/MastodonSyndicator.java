package dev.herald.syndication.mastodon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.internal.Json;
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
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TextRules;
import dev.herald.syndication.internal.Payloads;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts articles as statuses to one Mastodon account ({@code POST /api/v1/statuses}, JSON body
 * {@code {status, visibility, language}}, {@code Authorization: Bearer}). Thread-safe; share one per
 * account.
 *
 * <p><b>Length.</b> The text is composed for the instance's own limits, read from
 * {@code GET /api/v2/instance} ({@code configuration.statuses.max_characters} and
 * {@code characters_reserved_per_url}; {@code /api/v1/instance} on 404) before the first post and
 * again once a day. When the instance does not answer, posting goes ahead with the last known
 * limits, or Mastodon's defaults (500, URLs as 23), and the read is retried ten minutes later. A text
 * that cannot fit even with only the link and a one-character headline is {@link Outcome.Permanent}
 * without any request.
 *
 * <p><b>Exactly once.</b> The post's idempotency key goes in {@code Idempotency-Key}; Mastodon keeps
 * it one hour per account and answers a repeat with the first status, unchanged and with the same
 * 200. That answer cannot be told from a first creation, so a retry after a lost answer returns
 * {@link Outcome.Posted} with the original status's id and URL — which is the truth (the status
 * exists, with that id), and the delivery layer treats {@code Posted} and {@code Duplicate} alike as
 * delivered. Beyond the hour the key is forgotten; the delivery layer's retries end well before.
 *
 * <p><b>Failures.</b> 401 (invalid or revoked token) and 403 (a token without
 * {@code write:statuses}) → {@link Outcome.AuthFailed}; 422 → {@link Outcome.Permanent} with the
 * server's {@code error} text; 429 → {@link Outcome.RateLimited} at {@code X-RateLimit-Reset};
 * 5xx, timeouts and dropped connections → {@link Outcome.Transient}. One exception to 422: when
 * the server refuses the text as too long while its limits could not be read, the post is
 * {@code Transient} (the limits are read again before the next attempt, which composes a shorter
 * text) rather than lost to a passing outage. No network failure escapes {@link #send} as an
 * exception; built by {@link MastodonNetwork}, a bug's exception is classified by the core's guard.
 *
 * <p>Checked against mastodon/documentation {@code content/en/methods/statuses.md},
 * {@code content/en/methods/instance.md} and {@code content/en/api/rate-limits.md}.
 */
public final class MastodonSyndicator implements Syndicator {
    /** The value of {@link #network()}. */
    public static final String NETWORK = "mastodon";

    private static final Logger LOG = LoggerFactory.getLogger(MastodonSyndicator.class);
    private static final ObjectMapper JSON = Json.MAPPER;

    private final MastodonAccount account;
    private final HttpTransport http;
    private final Clock clock;
    private final InstanceLimits limits;
    private final URI statuses;

    /**
     * A syndicator for {@code account}, sending over {@code http} (shared by all syndicators) and
     * reading time from {@code clock} (limit refreshes, rate-limit fallbacks).
     */
    public MastodonSyndicator(MastodonAccount account, HttpTransport http, Clock clock) {
        this.account = Validate.notNull(account, "account");
        this.http = Validate.notNull(http, "http");
        this.clock = Validate.notNull(clock, "clock");
        this.limits = new InstanceLimits(account.server(), http, clock);
        this.statuses = account.server().resolve("api/v1/statuses");
    }

    @Override
    public String account() {
        return account.name();
    }

    @Override
    public String network() {
        return NETWORK;
    }

    /** {@link DeliveryGuarantee#IDEMPOTENCY_KEY}: every status carries the share's {@code Idempotency-Key}; a resend is always safe. */
    @Override
    public DeliveryGuarantee guarantee() {
        return DeliveryGuarantee.IDEMPOTENCY_KEY;
    }

    /**
     * Posts {@code post} as a status; see the class description for how each answer is classified.
     * May read the instance's limits first (once a day).
     */
    @Override
    public Outcome send(Post post) {
        Validate.notNull(post, "post");
        Outcome outcome = post(post);
        LOG.debug("mastodon {}: {} -> {}", account.name(), post.idempotencyKey(), outcome.describe());
        return outcome;
    }

    /**
     * The exact JSON body {@link #send} would post, composed with the instance's limits if an earlier
     * send has read them, else Mastodon's defaults (500 characters, URLs as 23). Makes no request:
     * a dry run must not touch the network, so the limits are not read here. The token is not part
     * of the body and never shown.
     */
    @Override
    public Preview preview(Post post) {
        Validate.notNull(post, "post");
        ComposedText text = compose(post, limits.cached());
        try {
            String payload = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body(post, text));
            return new Preview(account.name(), NETWORK, text, payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a status body", e);
        }
    }

    /**
     * Asks {@code GET /api/v1/accounts/verify_credentials} with the token: 200 is {@code OK}; 401 is
     * {@code AUTH_FAILED}; 403 (a token without {@code read:accounts}) is {@code OK} too, since
     * Mastodon checks scopes only after it has accepted the token; anything else is {@code UNKNOWN}.
     */
    @Override
    public CredentialCheck check() {
        HttpCall request = HttpCall.get(account.server().resolve("api/v1/accounts/verify_credentials"))
                .header("Authorization", "Bearer " + account.token().value())
                .header("Accept", "application/json");
        HttpReply reply;
        try {
            reply = http.execute(request, account.token());
        } catch (IOException e) {
            return CredentialCheck.of(Failures.unreachable(e, account.token()));
        }
        if (reply.ok()) {
            String user = Payloads.json(reply).path("acct").asText("");
            return CredentialCheck.ok("the token is accepted" + (user.isEmpty() ? "" : " for @" + user));
        }
        if (reply.status() == 403) return CredentialCheck.ok("the token is accepted (it may not read the account itself)");
        JsonNode error = Payloads.json(reply).path("error");
        return CredentialCheck.of(Failures.classify(reply, error.isTextual() ? account.token().maskIn(error.asText()) : null,
                MastodonNetwork.retrySignal(reply), clock));
    }

    private Outcome post(Post post) {
        String key = post.idempotencyKey();
        if (key.indexOf('\r') >= 0 || key.indexOf('\n') >= 0) {
            return new Outcome.Permanent("the idempotency key cannot be sent as a header: it contains a line break");
        }
        InstanceLimits.Known known = limits.current();
        ComposedText text = compose(post, known.rules());
        if (!text.fits()) {
            return new Outcome.Permanent("the post cannot fit the instance's " + text.limit()
                    + " characters even with only the link and a one-character headline");
        }
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(body(post, text));
        } catch (JsonProcessingException e) {
            return new Outcome.Permanent("cannot write the status body: " + e.getOriginalMessage());
        }
        HttpCall request = HttpCall.post(statuses)
                .header("Authorization", "Bearer " + account.token().value())
                .header("Idempotency-Key", key)
                .header("Accept", "application/json")
                .json(body);
        HttpReply reply;
        try {
            reply = http.execute(request, account.token());
        } catch (IOException e) {
            return Failures.unreachable(e, account.token());
        }
        return classify(reply, known);
    }

    private Outcome classify(HttpReply reply, InstanceLimits.Known known) {
        JsonNode json = Payloads.json(reply);
        if (reply.ok()) {
            String id = json.path("id").asText("");
            if (id.isBlank()) {
                // A 200 without a status (a captive proxy's page, say): the key makes a retry safe.
                return new Outcome.Transient(Failures.message(reply, "the answer holds no status id"), null);
            }
            return new Outcome.Posted(id, uri(json.path("url")));
        }
        JsonNode errorNode = json.path("error");
        String error = errorNode.isTextual() ? account.token().maskIn(errorNode.asText()) : null;
        if (reply.status() == 422 && error != null && error.toLowerCase(Locale.ROOT).contains("character limit")) {
            limits.readAgainSoon();
            if (!known.settled()) {
                return new Outcome.Transient(Failures.message(reply, error)
                        + " (the instance's limits could not be read; they are read again before the next attempt)", null);
            }
        }
        // X-RateLimit-Reset is on every answer; it is a retry signal only on a 429.
        return Failures.classify(reply, error, MastodonNetwork.retrySignal(reply), clock);
    }

    private ComposedText compose(Post post, TextRules rules) {
        return Composer.compose(post, account.template(), rules);
    }

    private StatusRequest body(Post post, ComposedText text) {
        return new StatusRequest(text.text(), account.visibility().wireName(), language(post));
    }

    private String language(Post post) {
        if (account.language() != null) return account.language();
        Locale locale = post.article().locale();
        return locale == null || locale.getLanguage().isEmpty() ? null : locale.getLanguage();
    }

    private static URI uri(JsonNode node) {
        if (!node.isTextual() || node.asText().isBlank()) return null;
        try {
            return URI.create(node.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
