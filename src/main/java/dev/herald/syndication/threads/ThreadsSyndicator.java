package dev.herald.syndication.threads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.internal.Validate;
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
import dev.herald.syndication.TokenStore;
import dev.herald.syndication.internal.Payloads;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts articles to one Threads profile in two steps: {@code POST /v1.0/{user}/threads} with
 * {@code media_type=TEXT}, {@code text} and {@code link_attachment} creates a container; once
 * {@code GET /v1.0/{container}?fields=status,error_message} says {@code FINISHED},
 * {@code POST /v1.0/{user}/threads_publish?creation_id=} publishes it. The status is asked at once
 * and then once a minute for at most five minutes (Meta's advice), through a sleeper the tests
 * replace. The token goes in the {@code Authorization} header, never in a URL; the long-lived
 * token is refreshed before it expires and kept in the {@link TokenStore} ({@link ThreadsTokens}),
 * and after a token error the store is read again in case another node refreshed it. Thread-safe.
 *
 * <p><b>Failures</b>, Graph-style error codes first: 190 and 10 / 200–299 → {@link Outcome.AuthFailed};
 * 4, 17, 32, 613 (throttling) → {@link Outcome.RateLimited} (Threads gives no wait; a minute);
 * a container in {@code ERROR} → {@link Outcome.Permanent} with its {@code error_message}; one
 * still {@code IN_PROGRESS} after five minutes, or {@code EXPIRED} → {@link Outcome.Transient};
 * 5xx and no answer → {@link Outcome.Transient}; other 4xx → {@link Outcome.Permanent}.
 *
 * <p><b>Exactly once.</b> No idempotency key. The syndicator remembers, per post key, the container
 * it created (in memory: a restart forgets it). {@link #send} for a key whose container is ready
 * but unpublished publishes that one instead of making another, and {@link #reconcile} asks that
 * container's status: {@code PUBLISHED} means the post is up. Without a remembered container
 * (another node, a restart) it reads the profile's recent posts and matches their
 * {@code link_attachment_url} to the article.
 */
public final class ThreadsSyndicator implements Syndicator {
    /** The value of {@link #network()}. */
    public static final String NETWORK = "threads";
    /** How often the container's status is asked while it is in progress. */
    static final Duration POLL_EVERY = Duration.ofMinutes(1);
    /** How long a container may take before the send gives up (the container is kept for a later try). */
    static final Duration POLL_FOR = Duration.ofMinutes(5);
    /** How many recent posts {@link #reconcile} reads. */
    static final int RECENT = 50;

    private static final Logger LOG = LoggerFactory.getLogger(ThreadsSyndicator.class);

    /** Waits between status polls; tests pass one that moves a manual clock. */
    @FunctionalInterface
    interface Sleeper {
        /** Waits {@code duration}. */
        void sleep(Duration duration) throws InterruptedException;
    }

    private final ThreadsAccount account;
    private final HttpTransport http;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ThreadsTokens tokens;
    private final Map<String, String> containers = new ConcurrentHashMap<>(); // post key -> container id

    /** A syndicator for {@code account} over the shared {@code http}, sleeping for real between status polls; refreshed tokens are kept in memory. */
    public ThreadsSyndicator(ThreadsAccount account, HttpTransport http, Clock clock) {
        this(account, http, clock, TokenStore.inMemory());
    }

    /**
     * A syndicator whose long-lived token is read from {@code tokens} (the account's own token until
     * the store has one) and refreshed there before it expires.
     */
    public ThreadsSyndicator(ThreadsAccount account, HttpTransport http, Clock clock, TokenStore tokens) {
        this(account, http, clock, tokens, d -> Thread.sleep(d.toMillis()));
    }

    ThreadsSyndicator(ThreadsAccount account, HttpTransport http, Clock clock, Sleeper sleeper) {
        this(account, http, clock, TokenStore.inMemory(), sleeper);
    }

    ThreadsSyndicator(ThreadsAccount account, HttpTransport http, Clock clock, TokenStore tokens, Sleeper sleeper) {
        this.account = Validate.notNull(account, "account");
        this.http = Validate.notNull(http, "http");
        this.clock = Validate.notNull(clock, "clock");
        this.sleeper = Validate.notNull(sleeper, "sleeper");
        this.tokens = new ThreadsTokens(account, Validate.notNull(tokens, "tokens"), http, clock);
    }

    @Override
    public String account() {
        return account.name();
    }

    @Override
    public String network() {
        return NETWORK;
    }

    /** {@link DeliveryGuarantee#RECONCILE_BEFORE_RESEND}: no idempotency key, but {@link #reconcile} can look. */
    @Override
    public DeliveryGuarantee guarantee() {
        return DeliveryGuarantee.RECONCILE_BEFORE_RESEND;
    }

    @Override
    public Outcome send(Post post) {
        Validate.notNull(post, "post");
        ComposedText text = compose(post);
        if (tokens.current() == null) return new Outcome.AuthFailed(noToken());
        if (!text.fits()) return new Outcome.Permanent("the post cannot fit Threads' " + ThreadsText.MAX + " characters");
        try {
            String container = containers.get(post.idempotencyKey());
            if (container == null) {
                HttpReply created = execute(HttpCall.post(account.graph(account.user() + "/threads")).form(fields(post, text)));
                container = Payloads.json(created).path("id").asText("");
                if (!created.ok() || container.isBlank()) return created.ok() ? new Outcome.Transient("the container answer holds no id", null) : classify(created);
                containers.put(post.idempotencyKey(), container);
            }
            Outcome waited = awaitFinished(container);
            if (waited != null) {
                if (!(waited instanceof Outcome.Transient) || waited.describe().contains("EXPIRED")) containers.remove(post.idempotencyKey());
                return waited;
            }
            HttpReply published = execute(HttpCall.post(account.graph(account.user() + "/threads_publish?creation_id=" + URLEncoder.encode(container, StandardCharsets.UTF_8))));
            String id = Payloads.json(published).path("id").asText("");
            if (published.ok() && !id.isBlank()) {
                containers.remove(post.idempotencyKey());
                Outcome posted = new Outcome.Posted(id, null);
                LOG.debug("threads {}: {} -> {}", account.name(), post.idempotencyKey(), posted.describe());
                return posted;
            }
            return published.ok() ? new Outcome.Transient("the publish answer holds no id", null) : classify(published);
        } catch (IOException e) {
            return Failures.unreachable(e, account.token());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Transient("interrupted while waiting for the container", null);
        }
    }

    /** {@code null} once the container is FINISHED; otherwise the outcome to return. */
    private Outcome awaitFinished(String container) throws IOException, InterruptedException {
        long polls = POLL_FOR.dividedBy(POLL_EVERY);
        for (long waited = 0; ; waited++) {
            HttpReply reply = execute(HttpCall.get(account.graph(URLEncoder.encode(container, StandardCharsets.UTF_8) + "?fields=status,error_message")));
            if (!reply.ok()) return classify(reply);
            String status = Payloads.json(reply).path("status").asText("");
            switch (status) {
                case "FINISHED":
                    return null;
                case "PUBLISHED":
                    return new Outcome.Duplicate(null, null);
                case "ERROR":
                    return new Outcome.Permanent("Threads could not prepare the post: " + Payloads.json(reply).path("error_message").asText("no reason given"));
                case "EXPIRED":
                    return new Outcome.Transient("the container EXPIRED before it was published; the next try makes a new one", null);
                default:
                    if (waited == polls) {
                        return new Outcome.Transient("the container is still " + status + " after " + POLL_FOR.toMinutes()
                                + " minutes; it is kept for the next try", null);
                    }
                    sleeper.sleep(POLL_EVERY);
            }
        }
    }

    /** The form fields of the container request, as JSON for reading; the token is not part of them. */
    @Override
    public Preview preview(Post post) {
        Validate.notNull(post, "post");
        ComposedText text = compose(post);
        ObjectNode body = Payloads.object();
        fields(post, text).forEach(body::put);
        return new Preview(account.name(), NETWORK, text, Payloads.pretty(body));
    }

    /**
     * The remembered container's status ({@code PUBLISHED}: found); else the profile's
     * {@value #RECENT} most recent posts matched by {@code link_attachment_url}.
     */
    @Override
    public Reconciliation reconcile(Post post) {
        Validate.notNull(post, "post");
        try {
            String container = containers.get(post.idempotencyKey());
            boolean published = false;
            if (container != null) {
                HttpReply reply = execute(HttpCall.get(account.graph(URLEncoder.encode(container, StandardCharsets.UTF_8) + "?fields=status,error_message")));
                if (!reply.ok()) return new Reconciliation.Unknown("could not read the container: " + classify(reply).describe());
                published = "PUBLISHED".equals(Payloads.json(reply).path("status").asText());
                if (!published) return new Reconciliation.NotFound(); // the next send publishes this container, not a new one
            }
            HttpReply list = execute(HttpCall.get(account.graph(account.user() + "/threads?fields=id,permalink,timestamp,link_attachment_url&limit=" + RECENT)));
            if (!list.ok()) {
                return published ? new Reconciliation.Found(container, null, "the container's status") : new Reconciliation.Unknown("could not read the profile's posts: " + classify(list).describe());
            }
            String wanted = post.article().url().toString();
            for (JsonNode p : Payloads.json(list).path("data")) {
                if (wanted.equals(p.path("link_attachment_url").asText())) {
                    containers.remove(post.idempotencyKey());
                    return new Reconciliation.Found(p.path("id").asText(), uri(p.path("permalink").asText("")), "the profile's recent posts, matched by link");
                }
            }
            return published ? new Reconciliation.Found(container, null, "the container's status") : new Reconciliation.NotFound();
        } catch (IOException e) {
            return new Reconciliation.Unknown(Failures.unreachable(e, account.token()).describe());
        }
    }

    /** Reads {@code threads_publishing_limit}: OK with the quota used, AUTH_FAILED when the token is refused. */
    @Override
    public CredentialCheck check() {
        if (tokens.current() == null) return CredentialCheck.authFailed(noToken());
        try {
            HttpReply reply = execute(HttpCall.get(account.graph(account.user() + "/threads_publishing_limit?fields=quota_usage,config")));
            if (!reply.ok()) return CredentialCheck.of(classify(reply));
            JsonNode limit = Payloads.json(reply).path("data").path(0);
            return CredentialCheck.ok("the token is accepted; " + limit.path("quota_usage").asInt() + " of " + limit.path("config").path("quota_total").asInt(250)
                    + " posts used in the last " + Duration.ofSeconds(limit.path("config").path("quota_duration").asLong(86_400)).toHours() + " hours");
        } catch (IOException e) {
            return CredentialCheck.of(Failures.unreachable(e, account.token()));
        }
    }

    private HttpReply execute(HttpCall request) throws IOException {
        String token = tokens.current();
        if (token == null) throw new IOException(noToken());
        HttpReply reply = executeWith(request, token);
        if (!isTokenError(reply)) return reply;
        // Another node may have refreshed the token (or someone signed in again) since this one read it.
        String other = tokens.afterRejection(token);
        return other == null ? reply : executeWith(request, other);
    }

    private HttpReply executeWith(HttpCall request, String token) throws IOException {
        return http.execute(request.header("Authorization", "Bearer " + token).header("Accept", "application/json"),
                account.token(), Secret.of("token", token));
    }

    private String noToken() {
        return "no token for Threads account " + account.name() + " in the credential store or herald.yaml; sign in with: herald auth " + account.name();
    }

    private static boolean isTokenError(HttpReply reply) {
        return !reply.ok() && Payloads.json(reply).path("error").path("code").asInt(0) == 190;
    }

    /** When the token in use expires, or {@code null} when not known (a token from herald.yaml not yet refreshed). */
    public java.time.Instant tokenExpiresAt() {
        return tokens.expiresAt();
    }

    private Outcome classify(HttpReply reply) {
        JsonNode error = Payloads.json(reply).path("error");
        String message = error.path("message").asText("");
        message = message.isBlank() ? null : account.token().maskIn(message);
        int code = error.path("code").asInt(0);
        if (code == 190 || code == 10 || (code >= 200 && code <= 299)) return new Outcome.AuthFailed(Failures.message(reply, message));
        if (code == 4 || code == 17 || code == 32 || code == 613) {
            return new Outcome.RateLimited(clock.instant().plus(Failures.DEFAULT_RATE_LIMIT_WAIT), Failures.message(reply, message));
        }
        if (code == 1 || code == 2) return new Outcome.Transient(Failures.message(reply, message), null);
        return Failures.classify(reply, message, null, clock);
    }

    private ComposedText compose(Post post) {
        return Composer.compose(post, account.template(), ThreadsText.RULES);
    }

    private static Map<String, String> fields(Post post, ComposedText text) {
        Map<String, String> f = new java.util.LinkedHashMap<>();
        f.put("media_type", "TEXT");
        f.put("text", text.text());
        f.put("link_attachment", post.article().url().toString());
        return f;
    }

    private static URI uri(String s) {
        try {
            return s.isBlank() ? null : URI.create(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
