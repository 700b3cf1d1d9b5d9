package dev.herald.syndication.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.syndication.HttpCall;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.TextRules;
import dev.herald.syndication.internal.Payloads;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance's status length rules, read from {@code GET /api/v2/instance} (falling back to
 * {@code /api/v1/instance} on 404, for older servers and forks) and cached. Thread-safe.
 *
 * <p>Reading the limits never stands in the way of posting: when the instance does not answer, the
 * last known limits (or Mastodon's defaults, 500 characters with every URL counting 23) are used
 * and the read is tried again after {@link #RETRY_AFTER_FAILURE}. While one thread reads, others
 * that already have limits keep using them instead of waiting.
 */
final class InstanceLimits {
    /** Mastodon's defaults: {@code max_characters} 500, {@code characters_reserved_per_url} 23. */
    static final TextRules DEFAULTS = TextRules.mastodon(500, 23);
    /** Limits change only when an admin reconfigures the instance: read them once a day. */
    static final Duration REFRESH = Duration.ofHours(24);
    /** After a failed read, try again this much later (not on every post to a struggling server). */
    static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(InstanceLimits.class);

    /**
     * Limits as known at one moment.
     *
     * @param rules the rules to compose with
     * @param settled whether they are the instance's last word: read from it, or defaults because it
     *     has no instance document at all (404) — not defaults standing in for a failed read
     * @param nextRead when to read them again
     */
    record Known(TextRules rules, boolean settled, Instant nextRead) {}

    private final URI server;
    private final HttpTransport http;
    private final Clock clock;
    private final ReentrantLock reading = new ReentrantLock();
    private volatile Known known;

    InstanceLimits(URI server, HttpTransport http, Clock clock) {
        this.server = server;
        this.http = http;
        this.clock = clock;
    }

    /** The limits to compose with now, reading them from the instance first when they are due. */
    Known current() {
        Known k = known;
        if (k != null && clock.instant().isBefore(k.nextRead())) return k;
        if (k != null) {
            // Someone else is reading already: the stale limits are good enough for this post.
            if (!reading.tryLock()) return k;
        } else {
            reading.lock();
        }
        try {
            k = known;
            if (k != null && clock.instant().isBefore(k.nextRead())) return k;
            k = read(k);
            known = k;
            return k;
        } finally {
            reading.unlock();
        }
    }

    /** The limits known now, without any request: the cached ones, else the defaults. */
    TextRules cached() {
        Known k = known;
        return k == null ? DEFAULTS : k.rules();
    }

    /** Makes the next {@link #current()} read the limits again (the server just disagreed with them). */
    void readAgainSoon() {
        Known k = known;
        if (k != null) known = new Known(k.rules(), k.settled(), clock.instant());
    }

    private Known read(Known previous) {
        Instant now = clock.instant();
        String problem;
        try {
            HttpReply v2 = get("api/v2/instance");
            HttpReply reply = v2.status() == 404 ? get("api/v1/instance") : v2;
            if (reply.ok()) {
                TextRules rules = parse(Payloads.json(reply));
                if (rules != null) return new Known(rules, true, now.plus(REFRESH));
                problem = "the instance document has no usable limits";
            } else if (reply.status() == 404) {
                // Not a Mastodon-compatible API at all, or one without instance metadata: asking
                // again soon will not change that.
                LOG.info("{} serves no instance metadata (404); composing with Mastodon's defaults", server);
                return new Known(DEFAULTS, true, now.plus(REFRESH));
            } else {
                problem = "HTTP " + reply.status();
            }
        } catch (IOException | RuntimeException e) {
            problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        Known fallback = previous != null
                ? new Known(previous.rules(), previous.settled(), now.plus(RETRY_AFTER_FAILURE))
                : new Known(DEFAULTS, false, now.plus(RETRY_AFTER_FAILURE));
        LOG.warn("could not read the limits of {} ({}); composing with {} characters, URLs as {}, until the next try in {}",
                server, problem, fallback.rules().maxLength(), fallback.rules().urlLength(), RETRY_AFTER_FAILURE);
        return fallback;
    }

    private HttpReply get(String path) throws IOException {
        // No token: instance metadata is public, and a credential not sent cannot leak.
        return http.execute(HttpCall.get(server.resolve(path)).header("Accept", "application/json"));
    }

    /** The rules in an instance document (v2, v1, or a fork's {@code max_toot_chars}), or null. */
    static TextRules parse(JsonNode instance) {
        if (!instance.isObject()) return null;
        JsonNode statuses = instance.path("configuration").path("statuses");
        int max = positive(statuses.path("max_characters"));
        if (max < 0) max = positive(instance.path("max_toot_chars"));
        if (max < 0) return null;
        JsonNode reserved = statuses.path("characters_reserved_per_url");
        int perUrl = reserved.canConvertToInt() && reserved.asInt() >= 0 ? reserved.asInt() : DEFAULTS.urlLength();
        return TextRules.mastodon(max, perUrl);
    }

    private static int positive(JsonNode n) {
        return n.canConvertToInt() && n.asInt() > 0 ? n.asInt() : -1;
    }
}
