package dev.herald.syndication.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.internal.Validate;
import dev.herald.syndication.ComposedText;
import dev.herald.syndication.Composer;
import dev.herald.syndication.Failures;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Payloads;
import dev.herald.syndication.Post;
import dev.herald.syndication.Preview;
import dev.herald.syndication.RetrySignals;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TextRules;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts statuses to a Mastodon account: {@code POST /api/v1/statuses} with a bearer token and the
 * post's idempotency key in {@code Idempotency-Key}, which the server remembers for an hour and
 * answers with the first status again, so a retry after a lost response does not post twice.
 *
 * <p>The text is fitted to the instance's own limits, read from {@code GET /api/v2/instance} (or
 * v1 on servers without v2) and kept for a day; until an instance has answered, and for five
 * minutes after it fails to, Mastodon's defaults (500 characters, 23 per URL) apply so a slow
 * instance never blocks posting. The server builds the link card itself from the page's Open Graph
 * tags, which the page half writes.
 *
 * <p>A replayed key comes back as {@link Outcome.Posted} with the original status's id: Mastodon's
 * answer to a replay is indistinguishable from the first one, and both mean the status exists.
 */
public final class MastodonSyndicator implements Syndicator {
    static final Duration LIMITS_TTL = Duration.ofHours(24);
    static final Duration LIMITS_RETRY = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(MastodonSyndicator.class);

    private record CachedLimits(InstanceLimits limits, Instant until) {}

    private final MastodonAccount account;
    private final HttpTransport http;
    private final Clock clock;
    private final String base;
    private volatile CachedLimits limits;

    /** A syndicator for {@code account}, sending over {@code http}, reading time from {@code clock}. */
    public MastodonSyndicator(MastodonAccount account, HttpTransport http, Clock clock) {
        this.account = Validate.notNull(account, "account");
        this.http = Validate.notNull(http, "http");
        this.clock = Validate.notNull(clock, "clock");
        String s = account.server().toString();
        this.base = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public String account() {
        return account.name();
    }

    @Override
    public String network() {
        return "mastodon";
    }

    @Override
    public Outcome send(Post post) {
        ComposedText text = compose(post, limits());
        if (!text.fits()) {
            return new Outcome.Permanent("the post cannot fit " + text.limit() + " characters even with only the link: " + text.length());
        }
        HttpPost request = new HttpPost(base + "/api/v1/statuses");
        request.setHeader("Authorization", "Bearer " + account.token().value());
        request.setHeader("Idempotency-Key", post.idempotencyKey());
        request.setHeader("Accept", "application/json");
        request.setEntity(new ByteArrayEntity(Payloads.bytes(payload(post, text)), ContentType.APPLICATION_JSON));
        HttpReply reply;
        try {
            reply = http.execute(request, account.token());
        } catch (IOException e) {
            return Failures.unreachable(e, account.token());
        }
        JsonNode body = reply.json();
        if (reply.ok()) {
            String id = body.path("id").asText("");
            if (id.isBlank()) return new Outcome.Transient("HTTP " + reply.status() + " without a status id", null);
            return new Outcome.Posted(id, uri(body.path("url").asText(null)));
        }
        String message = account.token().maskIn(body.path("error").asText(null));
        Instant reset = reply.status() == 429 ? RetrySignals.isoInstant(reply, "X-RateLimit-Reset") : null;
        return Failures.classify(reply, message, reset, clock);
    }

    /** The exact JSON {@link #send} would post, under the instance limits known so far; makes no request. */
    @Override
    public Preview preview(Post post) {
        CachedLimits known = limits;
        ComposedText text = compose(post, known == null ? InstanceLimits.DEFAULTS : known.limits());
        return new Preview(account(), network(), text, Payloads.pretty(payload(post, text)));
    }

    private ComposedText compose(Post post, InstanceLimits l) {
        return Composer.compose(post.article(), account.template(), TextRules.mastodon(l.maxCharacters(), l.charactersReservedPerUrl()));
    }

    private ObjectNode payload(Post post, ComposedText text) {
        ObjectNode body = Payloads.object();
        body.put("status", text.text());
        body.put("visibility", account.visibility());
        String language = account.language();
        if (language == null && post.article().locale() != null && !post.article().locale().getLanguage().isEmpty()) {
            language = post.article().locale().getLanguage();
        }
        if (language != null) body.put("language", language.toLowerCase(Locale.ROOT));
        return body;
    }

    /** The instance's limits, fetched when unknown or a day old; the defaults while it cannot be reached. */
    InstanceLimits limits() {
        CachedLimits cached = limits;
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.until())) return cached.limits();
        InstanceLimits fetched = fetchLimits();
        if (fetched != null) {
            limits = new CachedLimits(fetched, now.plus(LIMITS_TTL));
            return fetched;
        }
        InstanceLimits fallback = cached != null ? cached.limits() : InstanceLimits.DEFAULTS;
        limits = new CachedLimits(fallback, now.plus(LIMITS_RETRY));
        return fallback;
    }

    private InstanceLimits fetchLimits() {
        try {
            HttpReply v2 = http.execute(new HttpGet(base + "/api/v2/instance"));
            if (v2.ok()) return InstanceLimits.from(v2.json());
            if (v2.status() == 404) {
                HttpReply v1 = http.execute(new HttpGet(base + "/api/v1/instance"));
                if (v1.ok()) return InstanceLimits.from(v1.json());
            }
            LOG.warn("Mastodon instance {} did not give its limits (HTTP {}); using 500 characters until it does", base, v2.status());
        } catch (IOException e) {
            LOG.warn("Mastodon instance {} unreachable for its limits ({}); using 500 characters until it answers", base, e.toString());
        }
        return null;
    }

    private static URI uri(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return URI.create(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
