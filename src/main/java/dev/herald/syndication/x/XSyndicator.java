package dev.herald.syndication.x;

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
import dev.herald.syndication.internal.Payloads;
import dev.herald.syndication.internal.XText;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts articles to one X account: {@code POST /2/tweets} with {@code {"text"}}, composed to X's
 * weighted 280 ({@link XText}), signed with OAuth 1.0a or sent with an OAuth 2.0 user token.
 * Thread-safe.
 *
 * <p><b>Failures.</b> 201 → {@link Outcome.Posted}; 403 "duplicate content" →
 * {@link Outcome.Duplicate} (an identical post exists); 402 (credits depleted) and 403
 * {@code client-not-enrolled} → {@link Outcome.Permanent} with what to do in the developer portal,
 * never retried; 401 and other 403s → {@link Outcome.AuthFailed}; 429 → {@link Outcome.RateLimited}
 * until {@code x-rate-limit-reset} (or the 24-hour user limit's reset when that is what ran out);
 * 5xx and no answer → {@link Outcome.Transient}; other 4xx → {@link Outcome.Permanent} with X's
 * {@code detail}.
 *
 * <p><b>Exactly once.</b> X takes no idempotency key. {@link #reconcile} reads the account's recent
 * posts ({@code GET /2/users/me}, then {@code GET /2/users/:id/tweets} with {@code entities}) and
 * matches the article's URL against each link's {@code expanded_url}: X rewrites every link in a
 * post's text to {@code t.co}, so the text itself cannot be compared.
 */
public final class XSyndicator implements Syndicator {
    /** The value of {@link #network()}. */
    public static final String NETWORK = "x";
    /** How many recent posts {@link #reconcile} reads: X's largest page. */
    static final int RECENT = 100;

    private static final Logger LOG = LoggerFactory.getLogger(XSyndicator.class);

    private final XAccount account;
    private final HttpTransport http;
    private final Clock clock;
    private final OAuth1Signer signer;
    private final XTokenSource tokens;
    private final Secret[] secrets;

    /** A syndicator for {@code account}, over the shared {@code http}, with time (OAuth timestamps, rate-limit fallbacks) from {@code clock}. */
    public XSyndicator(XAccount account, HttpTransport http, Clock clock) {
        this(account, http, clock, (OAuth1Signer) null);
    }

    /**
     * A syndicator whose OAuth 2.0 user token comes from {@code tokens}: after a 401 it renews the
     * token once and repeats the request. The account's own credentials must be {@link XCredentials.Bearer}
     * (its token is masked in logs; the renewed ones are never logged).
     */
    public XSyndicator(XAccount account, HttpTransport http, Clock clock, XTokenSource tokens) {
        this(account, http, clock, null, Validate.notNull(tokens, "tokens"));
        Validate.isTrue(account.credentials() instanceof XCredentials.Bearer, "credentials of X account " + account.name(), "must be an OAuth 2.0 token to be renewed");
    }

    /** As {@link #XSyndicator(XAccount, HttpTransport, Clock)}, with OAuth 1.0a requests signed by {@code signer} (tests pin its nonces). */
    XSyndicator(XAccount account, HttpTransport http, Clock clock, OAuth1Signer signer) {
        this(account, http, clock, signer, null);
    }

    private XSyndicator(XAccount account, HttpTransport http, Clock clock, OAuth1Signer signer, XTokenSource tokens) {
        this.tokens = tokens;
        this.account = Validate.notNull(account, "account");
        this.http = Validate.notNull(http, "http");
        this.clock = Validate.notNull(clock, "clock");
        this.signer = signer != null ? signer
                : account.credentials() instanceof XCredentials.OAuth1 o ? new OAuth1Signer(o, clock) : null;
        this.secrets = account.credentials().secrets().toArray(new Secret[0]);
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
        if (tokens != null && tokens.current() == null) return new Outcome.AuthFailed(noToken());
        if (!text.fits()) {
            return new Outcome.Permanent("the post cannot fit X's weighted " + XText.MAX_WEIGHT + " even with only the link and a one-character headline");
        }
        HttpCall request = HttpCall.post(account.api().resolve("2/tweets")).json(Payloads.bytes(body(text)));
        HttpReply reply;
        try {
            reply = execute(request);
        } catch (IOException e) {
            return Failures.unreachable(e, secrets);
        }
        Outcome outcome = classify(reply);
        LOG.debug("x {}: {} -> {}", account.name(), post.idempotencyKey(), outcome.describe());
        return outcome;
    }

    /** The exact JSON body {@link #send} posts; no request is made and no credential shown. */
    @Override
    public Preview preview(Post post) {
        Validate.notNull(post, "post");
        ComposedText text = compose(post);
        return new Preview(account.name(), NETWORK, text, Payloads.pretty(body(text)));
    }

    /**
     * Whether the article is among the account's {@value #RECENT} most recent posts, matched by a
     * link's {@code expanded_url} equal to the article's URL (never by text: X rewrites links to
     * {@code t.co}). Any failed read is {@link Reconciliation.Unknown}.
     */
    @Override
    public Reconciliation reconcile(Post post) {
        Validate.notNull(post, "post");
        String wanted = post.article().url().toString();
        try {
            HttpReply me = execute(HttpCall.get(account.api().resolve("2/users/me")));
            String userId = Payloads.json(me).path("data").path("id").asText("");
            if (!me.ok() || userId.isBlank()) return new Reconciliation.Unknown("could not read the account: " + problem(me).describe());
            HttpReply tweets = execute(HttpCall.get(account.api().resolve("2/users/" + userId + "/tweets?max_results=" + RECENT + "&tweet.fields=created_at,entities")));
            if (!tweets.ok()) return new Reconciliation.Unknown("could not read the account's posts: " + problem(tweets).describe());
            for (JsonNode tweet : Payloads.json(tweets).path("data")) {
                for (JsonNode url : tweet.path("entities").path("urls")) {
                    if (sameUrl(wanted, url.path("expanded_url").asText("")) || sameUrl(wanted, url.path("unwound_url").asText(""))) {
                        String id = tweet.path("id").asText();
                        return new Reconciliation.Found(id, statusUrl(id), "the account's recent posts, matched by link");
                    }
                }
            }
            return new Reconciliation.NotFound();
        } catch (IOException e) {
            return new Reconciliation.Unknown(Failures.unreachable(e, secrets).describe());
        }
    }

    /** {@code GET /2/users/me}: 200 is OK (naming the account), 401/403 AUTH_FAILED, anything else UNKNOWN. */
    @Override
    public CredentialCheck check() {
        if (tokens != null && tokens.current() == null) return CredentialCheck.authFailed(noToken());
        try {
            HttpReply me = execute(HttpCall.get(account.api().resolve("2/users/me")));
            if (me.ok()) return CredentialCheck.ok("the credentials are accepted for @" + Payloads.json(me).path("data").path("username").asText("?"));
            return CredentialCheck.of(problem(me));
        } catch (IOException e) {
            return CredentialCheck.of(Failures.unreachable(e, secrets));
        }
    }

    private HttpReply execute(HttpCall call) throws IOException {
        if (tokens == null) return http.execute(authorized(call), secrets);
        String token = tokens.current();
        HttpReply reply = withToken(call, token);
        if (reply.status() != 401) return reply;
        String renewed = tokens.renew(token);
        if (renewed == null || renewed.equals(token)) return reply;
        return withToken(call, tokens.current());
    }

    private HttpReply withToken(HttpCall call, String token) throws IOException {
        Secret[] withToken = java.util.Arrays.copyOf(secrets, secrets.length + 1);
        withToken[secrets.length] = Secret.of("token", token);
        return http.execute(call.header("Accept", "application/json").header("Authorization", "Bearer " + token), withToken);
    }

    /** The call with the configured credentials: a bearer token, or an OAuth 1.0a signature over exactly what is sent. */
    private HttpCall authorized(HttpCall call) {
        HttpCall accepting = call.header("Accept", "application/json");
        if (account.credentials() instanceof XCredentials.Bearer b) return accepting.header("Authorization", "Bearer " + b.token().value());
        // OAuth 1.0a signs the method, the URI with its query, and form fields; a JSON body is not signed.
        return accepting.header("Authorization", signer.authorization(call.method(), call.uri(), List.copyOf(call.formFields().entrySet())));
    }

    private String noToken() {
        return "no OAuth 2.0 token for X account " + account.name() + " in the credential store or herald.yaml; sign in with: herald auth " + account.name();
    }

    private Outcome classify(HttpReply reply) {
        JsonNode json = Payloads.json(reply);
        if (reply.ok()) {
            String id = json.path("data").path("id").asText("");
            if (id.isBlank()) return new Outcome.Transient(Failures.message(reply, "the answer holds no post id"), null);
            return new Outcome.Posted(id, statusUrl(id));
        }
        String detail = detail(json);
        String lower = detail == null ? "" : detail.toLowerCase(Locale.ROOT);
        if (reply.status() == 403 && lower.contains("duplicate content")) return new Outcome.Duplicate(null, null);
        if (reply.status() == 402) {
            return new Outcome.Permanent(Failures.message(reply, detail) + " — the X developer account has no credits left for posting;"
                    + " buy credits (or change the plan) in the developer console, then retry the share");
        }
        if (reply.status() == 403 && "client-not-enrolled".equals(json.path("reason").asText())) {
            return new Outcome.Permanent(Failures.message(reply, detail) + " — the app's keys are not from an app attached to a Project;"
                    + " attach the app to a Project in the X developer portal (or create new keys there), then retry the share");
        }
        return problem(reply);
    }

    private Outcome problem(HttpReply reply) {
        return Failures.classify(reply, detail(Payloads.json(reply)), XNetwork.retrySignal(reply), clock);
    }

    /** X's problem JSON: {@code detail}, else {@code title}, else the first of {@code errors[].message}; masked. */
    private String detail(JsonNode json) {
        String text = json.path("detail").asText(json.path("title").asText(json.path("errors").path(0).path("message").asText("")));
        return text.isBlank() ? null : Secret.maskAll(text, account.credentials().secrets());
    }

    private ComposedText compose(Post post) {
        return Composer.compose(post, account.template(), XText.RULES);
    }

    /** {@code {"text": …}}: X builds the link card from the page's own X Card tags. */
    private static ObjectNode body(ComposedText text) {
        return Payloads.object().put("text", text.text());
    }

    private static URI statusUrl(String id) {
        return URI.create("https://x.com/i/status/" + id);
    }

    /** Equal URLs, ignoring a trailing slash X's unwinding may add or drop. */
    static boolean sameUrl(String wanted, String found) {
        if (found.isEmpty()) return false;
        return strip(wanted).equals(strip(found));
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
