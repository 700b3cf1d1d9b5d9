package dev.herald.syndication.facebook;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.herald.syndication.Tokens;
import dev.herald.syndication.internal.Payloads;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts articles to one Facebook Page: {@code POST /{version}/{page}/feed} with {@code message} and
 * {@code link} (Facebook builds the card from the page's Open Graph tags), the Page token in the
 * {@code Authorization} header so it is in no URL. Thread-safe.
 *
 * <p><b>Failures</b>, by the Graph error's code first (Facebook answers most errors with HTTP 400):
 * 4, 17, 32, 613, 80001 → {@link Outcome.RateLimited} until now plus
 * {@code X-Business-Use-Case-Usage}'s {@code estimated_time_to_regain_access}; 190 (any subcode:
 * 463 expired, 460 password changed, 492 Page role lost, …), 102, 10 and 200–299 →
 * {@link Outcome.AuthFailed}; 506 duplicate → {@link Outcome.Duplicate}; 368 (policy block) and
 * subcode 1609005 (link could not be fetched) → {@link Outcome.Permanent}; 1 and 2 →
 * {@link Outcome.Transient}; anything else by its HTTP status.
 *
 * <p><b>Exactly once.</b> The Graph API takes no idempotency key: {@link #reconcile} reads the
 * Page's recent posts ({@code /{page}/posts}) and matches each attachment's {@code unshimmed_url}
 * (the link as posted, before Facebook's {@code l.facebook.com} shim) against the article's URL.
 */
public final class FacebookSyndicator implements Syndicator {
    /** The value of {@link #network()}. */
    public static final String NETWORK = "facebook";
    /** How many recent Page posts {@link #reconcile} reads. */
    static final int RECENT = 50;

    private static final Logger LOG = LoggerFactory.getLogger(FacebookSyndicator.class);

    private final FacebookAccount account;
    private final HttpTransport http;
    private final Clock clock;

    private final TokenStore tokens;

    /** A syndicator for {@code account} over the shared {@code http}; {@code clock} dates rate-limit waits. */
    public FacebookSyndicator(FacebookAccount account, HttpTransport http, Clock clock) {
        this(account, http, clock, TokenStore.inMemory());
    }

    /**
     * A syndicator whose Page token is {@code tokens}' (where {@code herald auth} puts it) when
     * there is one, else the account's own.
     */
    public FacebookSyndicator(FacebookAccount account, HttpTransport http, Clock clock, TokenStore tokens) {
        this.account = Validate.notNull(account, "account");
        this.http = Validate.notNull(http, "http");
        this.clock = Validate.notNull(clock, "clock");
        this.tokens = Validate.notNull(tokens, "tokens");
    }

    /** The Page token: the store's (read on every call, so a new sign-in takes effect at once), else herald.yaml's. */
    private String token() {
        return tokens.find(account.name()).map(Tokens::access).orElse(account.token().value());
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
        if (noToken() != null) return new Outcome.AuthFailed(noToken());
        ComposedText text = compose(post);
        if (!text.fits()) return new Outcome.Permanent("the post cannot fit Facebook's " + text.limit() + " characters");
        HttpCall request = HttpCall.post(account.graph(account.page() + "/feed")).form(form(post, text));
        HttpReply reply;
        try {
            reply = execute(request);
        } catch (IOException e) {
            return Failures.unreachable(e, account.token());
        }
        Outcome outcome = classify(reply);
        LOG.debug("facebook {}: {} -> {}", account.name(), post.idempotencyKey(), outcome.describe());
        return outcome;
    }

    /** The form fields {@link #send} posts, as JSON for reading; the token goes in a header and is not shown. */
    @Override
    public Preview preview(Post post) {
        Validate.notNull(post, "post");
        ComposedText text = compose(post);
        var body = Payloads.object();
        form(post, text).forEach(body::put);
        return new Preview(account.name(), NETWORK, text, Payloads.pretty(body));
    }

    /**
     * Whether one of the Page's {@value #RECENT} most recent posts links the article (an attachment's
     * {@code unshimmed_url}, else its {@code url}, equal to the article's URL).
     */
    @Override
    public Reconciliation reconcile(Post post) {
        Validate.notNull(post, "post");
        String wanted = post.article().url().toString();
        try {
            HttpReply reply = execute(HttpCall.get(account.graph(account.page() + "/posts?fields=id,permalink_url,created_time,attachments%7Bunshimmed_url,url%7D&limit=" + RECENT)));
            if (!reply.ok()) return new Reconciliation.Unknown("could not read the Page's posts: " + classify(reply).describe());
            for (JsonNode p : Payloads.json(reply).path("data")) {
                for (JsonNode a : p.path("attachments").path("data")) {
                    String link = a.path("unshimmed_url").asText(a.path("url").asText(""));
                    if (link.equals(wanted)) return new Reconciliation.Found(p.path("id").asText(), uri(p.path("permalink_url").asText("")), "the Page's recent posts, matched by link");
                }
            }
            return new Reconciliation.NotFound();
        } catch (IOException e) {
            return new Reconciliation.Unknown(Failures.unreachable(e, account.token()).describe());
        }
    }

    /** {@code GET /{version}/me} with the token: the Page itself is OK; a token for something else is AUTH_FAILED. */
    @Override
    public CredentialCheck check() {
        if (noToken() != null) return CredentialCheck.authFailed(noToken());
        try {
            HttpReply reply = execute(HttpCall.get(account.graph("me?fields=id,name")));
            if (!reply.ok()) return CredentialCheck.of(classify(reply));
            JsonNode me = Payloads.json(reply);
            if (!account.page().equals(me.path("id").asText())) {
                return CredentialCheck.authFailed("the token is not a Page token of Page " + account.page() + " (it belongs to " + me.path("id").asText("?") + ")");
            }
            return CredentialCheck.ok("the Page token is accepted for " + me.path("name").asText(account.page()));
        } catch (IOException e) {
            return CredentialCheck.of(Failures.unreachable(e, account.token()));
        }
    }

    private HttpReply execute(HttpCall request) throws IOException {
        String token = token();
        return http.execute(request.header("Authorization", "Bearer " + token).header("Accept", "application/json"),
                account.token(), Secret.of("token", token));
    }

    /** Why there is nothing to send with, or {@code null} when there is a Page token. */
    private String noToken() {
        return FacebookNetwork.NO_TOKEN.equals(account.token()) && tokens.find(account.name()).isEmpty()
                ? "no Page token for Facebook account " + account.name() + " in the credential store or herald.yaml; sign in with: herald auth " + account.name()
                : null;
    }

    private Outcome classify(HttpReply reply) {
        JsonNode json = Payloads.json(reply);
        if (reply.ok()) {
            String id = json.path("id").asText("");
            if (id.isBlank()) return new Outcome.Transient(Failures.message(reply, "the answer holds no post id"), null);
            return new Outcome.Posted(id, URI.create("https://www.facebook.com/" + id));
        }
        GraphError error = GraphError.of(json);
        if (error == null) return Failures.classify(reply, null, FacebookNetwork.retrySignal(reply, clock), clock);
        String message = account.token().maskIn("(#" + error.code() + (error.subcode() == 0 ? "" : "/" + error.subcode()) + ") " + error.message());
        String text = Failures.message(reply, message);
        if (error.throttled()) {
            Instant at = FacebookNetwork.retrySignal(reply, clock);
            Instant now = clock.instant();
            return new Outcome.RateLimited(at != null && at.isAfter(now) ? at : now.plus(Failures.DEFAULT_RATE_LIMIT_WAIT), text);
        }
        if (error.code() == 190 || error.code() == 102 || error.code() == 10 || (error.code() >= 200 && error.code() <= 299)) {
            return new Outcome.AuthFailed(text + authHint(error.subcode()));
        }
        if (error.code() == 506) return new Outcome.Duplicate(null, null);
        if (error.code() == 368 || error.subcode() == 1609005) return new Outcome.Permanent(text);
        if (error.code() == 1 || error.code() == 2) return new Outcome.Transient(text, null);
        return Failures.classify(reply, message, FacebookNetwork.retrySignal(reply, clock), clock);
    }

    private static String authHint(int subcode) {
        return switch (subcode) {
            case 463 -> " — the token has expired; sign in again";
            case 460 -> " — the password was changed; sign in again";
            case 492 -> " — the user who made the token no longer has a role on the Page";
            case 458 -> " — the app was removed from the account";
            default -> "";
        };
    }

    private ComposedText compose(Post post) {
        return Composer.compose(post, account.template(), FacebookNetwork.RULES);
    }

    private static Map<String, String> form(Post post, ComposedText text) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("message", text.text());
        form.put("link", post.article().url().toString());
        return form;
    }

    private static URI uri(String s) {
        try {
            return s.isBlank() ? null : URI.create(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
