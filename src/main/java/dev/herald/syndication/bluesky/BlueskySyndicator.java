package dev.herald.syndication.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.internal.Validate;
import dev.herald.meta.ArticleMeta;
import dev.herald.meta.ImageMeta;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts to a Bluesky account through its PDS, over XRPC.
 *
 * <ul>
 *   <li><b>Session:</b> created once with the app password ({@code com.atproto.server.createSession})
 *       and shared by every post; when the access token expires it is refreshed
 *       ({@code refreshSession}), and only when the refresh token is dead too does it log in again.
 *       Logins are rate limited per handle (30 per 5 minutes), so a login per post would soon fail.
 *   <li><b>Text:</b> composed under Bluesky's limits (300 graphemes, 3000 bytes), with link and tag
 *       facets at UTF-8 byte offsets.
 *   <li><b>Card:</b> an {@code app.bsky.embed.external} with the article's title and description and
 *       its image uploaded as the thumb ({@code uploadBlob}), shrunk below 1,000,000 bytes when
 *       needed; when the image cannot be fetched or read, the card goes without it.
 *   <li><b>Exactly once:</b> Bluesky has no idempotency header, so the record key is derived from the
 *       post's idempotency key ({@link RecordKeys}). A retry after a lost response asks to create the
 *       same key again; the PDS refuses (today with a 500), and a look-up of the key
 *       ({@code getRecord}) finds the first post: {@link Outcome.Duplicate}.
 * </ul>
 */
public final class BlueskySyndicator implements Syndicator {
    private static final Logger LOG = LoggerFactory.getLogger(BlueskySyndicator.class);
    private static final String POST = "app.bsky.feed.post";
    private static final Set<String> TOKEN_ERRORS = Set.of("ExpiredToken", "InvalidToken");
    private static final Set<String> AUTH_ERRORS = Set.of("ExpiredToken", "InvalidToken", "AuthMissing", "AuthenticationRequired", "AccountTakedown");

    private record Session(String accessJwt, String refreshJwt, String did, String handle) {}

    /** A call that ended in a classified outcome; unwinds to {@link #send}. */
    private static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Outcome outcome;

        Failed(Outcome outcome) {
            super(outcome.describe(), null, false, false);
            this.outcome = outcome;
        }
    }

    private final BlueskyAccount account;
    private final HttpTransport http;
    private final Clock clock;
    private final String base;
    private final Object sessionLock = new Object();
    private volatile Session session;

    /** A syndicator for {@code account}, sending over {@code http}, reading time from {@code clock}. */
    public BlueskySyndicator(BlueskyAccount account, HttpTransport http, Clock clock) {
        this.account = Validate.notNull(account, "account");
        this.http = Validate.notNull(http, "http");
        this.clock = Validate.notNull(clock, "clock");
        String s = account.service().toString();
        this.base = (s.endsWith("/") ? s.substring(0, s.length() - 1) : s) + "/xrpc/";
    }

    @Override
    public String account() {
        return account.name();
    }

    @Override
    public String network() {
        return "bluesky";
    }

    @Override
    public Outcome send(Post post) {
        ComposedText text = Composer.compose(post.article(), account.template(), TextRules.BLUESKY);
        if (!text.fits()) return new Outcome.Permanent("the post cannot fit 300 characters even with only the link: " + text.length());
        String rkey = RecordKeys.of(post.idempotencyKey(), post.article());
        try {
            JsonNode thumb = thumb(post.article().image());
            HttpReply reply = authed(s -> json("com.atproto.repo.createRecord", createRecord(s.did(), rkey, post, text, thumb)));
            if (reply.ok()) {
                String uri = reply.json().path("uri").asText("");
                if (uri.isBlank()) return new Outcome.Transient("HTTP " + reply.status() + " without a record uri", null);
                return new Outcome.Posted(uri, webUrl(rkey));
            }
            if (reply.status() == 500) {
                // Maybe our own earlier attempt: the PDS answers a taken record key with a 500.
                Outcome existing = existing(rkey);
                if (existing != null) return existing;
            }
            return classify(reply);
        } catch (Failed f) {
            return f.outcome;
        }
    }

    /** The exact {@code createRecord} body {@link #send} would post; needs no session and makes no request. */
    @Override
    public Preview preview(Post post) {
        ComposedText text = Composer.compose(post.article(), account.template(), TextRules.BLUESKY);
        ImageMeta image = post.article().image();
        JsonNode thumb = image == null ? null : Payloads.object().textNode("<uploadBlob of " + image.url() + ">");
        Session known = session;
        String repo = known != null ? known.did() : "<DID of " + account.handle() + ">";
        ObjectNode body = createRecord(repo, RecordKeys.of(post.idempotencyKey(), post.article()), post, text, thumb);
        return new Preview(account(), network(), text, Payloads.pretty(body));
    }

    private ObjectNode createRecord(String repo, String rkey, Post post, ComposedText text, JsonNode thumb) {
        ArticleMeta a = post.article();
        ObjectNode body = Payloads.object();
        body.put("repo", repo);
        body.put("collection", POST);
        body.put("rkey", rkey);
        ObjectNode record = body.putObject("record");
        record.put("$type", POST);
        record.put("text", text.text());
        record.put("createdAt", DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        ArrayNode langs = record.putArray("langs");
        List<String> configured = account.langs();
        if (!configured.isEmpty()) {
            configured.forEach(langs::add);
        } else if (a.locale() != null && !a.locale().getLanguage().isEmpty()) {
            langs.add(a.locale().toLanguageTag());
        } else {
            record.remove("langs");
        }
        ArrayNode facets = Facets.of(text.text());
        if (!facets.isEmpty()) record.set("facets", facets);
        ObjectNode embed = record.putObject("embed");
        embed.put("$type", "app.bsky.embed.external");
        ObjectNode external = embed.putObject("external");
        external.put("uri", a.url().toString());
        external.put("title", a.title() == null ? "" : a.title());
        external.put("description", a.description() == null ? "" : a.description());
        if (thumb != null) external.set("thumb", thumb);
        return body;
    }

    /** The uploaded thumb's blob reference, or {@code null} when there is no usable image. */
    private JsonNode thumb(ImageMeta image) throws Failed {
        if (image == null) return null;
        Thumbnails.Image img;
        try {
            img = Thumbnails.fetch(http, image.url());
        } catch (IOException | RuntimeException e) { // a corrupt image can throw from inside ImageIO
            LOG.warn("Bluesky card for '{}' goes without its thumbnail: {} ({})", account.name(), image.url(), e.getMessage());
            return null;
        }
        HttpReply reply = authed(s -> {
            HttpPost upload = new HttpPost(base + "com.atproto.repo.uploadBlob");
            upload.setEntity(new ByteArrayEntity(img.bytes(), ContentType.create(img.mimeType())));
            return upload;
        });
        JsonNode blob = reply.json().path("blob");
        if (reply.ok() && blob.isObject()) return blob;
        LOG.warn("Bluesky card for '{}' goes without its thumbnail: uploadBlob answered {}", account.name(), Failures.message(reply, error(reply)));
        return null;
    }

    /** The post already made under {@code rkey}, or {@code null} when there is none. */
    private Outcome existing(String rkey) throws Failed {
        Session s = session();
        String query = "com.atproto.repo.getRecord?repo=" + enc(s.did()) + "&collection=" + POST + "&rkey=" + enc(rkey);
        HttpReply reply = authed(x -> new HttpGet(base + query));
        if (!reply.ok()) return null;
        return new Outcome.Duplicate(reply.json().path("uri").asText(null), webUrl(rkey));
    }

    /**
     * Sends the request {@code build} makes with the current session; on an expired or rejected
     * access token, refreshes (or logs in again) and sends it once more.
     */
    private HttpReply authed(Function<Session, ClassicHttpRequest> build) throws Failed {
        Session s = session();
        HttpReply reply = execute(withToken(build.apply(s), s.accessJwt()));
        if (TOKEN_ERRORS.contains(error(reply))) {
            s = renewed(s);
            reply = execute(withToken(build.apply(s), s.accessJwt()));
        }
        return reply;
    }

    private Session session() throws Failed {
        Session s = session;
        if (s != null) return s;
        synchronized (sessionLock) {
            if (session == null) session = login();
            return session;
        }
    }

    /** A working session in place of {@code stale}: refreshed, or else a new login. */
    private Session renewed(Session stale) throws Failed {
        synchronized (sessionLock) {
            if (session != stale && session != null) return session; // another thread renewed it
            HttpPost refresh = new HttpPost(base + "com.atproto.server.refreshSession");
            HttpReply reply = execute(withToken(refresh, stale.refreshJwt()));
            if (reply.ok()) {
                session = read(reply.json(), stale);
            } else if (TOKEN_ERRORS.contains(error(reply))) {
                session = login();
            } else {
                throw new Failed(classify(reply));
            }
            return session;
        }
    }

    private Session login() throws Failed {
        ObjectNode body = Payloads.object();
        body.put("identifier", account.handle());
        body.put("password", account.appPassword().value());
        HttpReply reply = execute(json("com.atproto.server.createSession", body));
        if (!reply.ok()) throw new Failed(classify(reply));
        return read(reply.json(), null);
    }

    private Session read(JsonNode json, Session previous) throws Failed {
        String access = json.path("accessJwt").asText("");
        String refresh = json.path("refreshJwt").asText("");
        String did = json.path("did").asText(previous == null ? "" : previous.did());
        String handle = json.path("handle").asText(previous == null ? account.handle() : previous.handle());
        if (access.isBlank() || refresh.isBlank() || did.isBlank()) throw new Failed(new Outcome.Transient("the PDS answered a session without its tokens", null));
        return new Session(access, refresh, did, handle);
    }

    private HttpReply execute(ClassicHttpRequest request) throws Failed {
        try {
            return http.execute(request, account.appPassword());
        } catch (IOException e) {
            throw new Failed(Failures.unreachable(e, account.appPassword()));
        }
    }

    private Outcome classify(HttpReply reply) {
        String error = error(reply);
        String message = reply.json().path("message").asText("");
        String text = account.appPassword().maskIn(error.isEmpty() ? message : message.isBlank() ? error : error + ": " + message);
        if (AUTH_ERRORS.contains(error) && reply.status() < 500) return new Outcome.AuthFailed(Failures.message(reply, text));
        return Failures.classify(reply, text, reply.status() == 429 ? RetrySignals.epochSeconds(reply, "ratelimit-reset") : null, clock);
    }

    /** The XRPC error name of {@code reply}, or the empty string. */
    private static String error(HttpReply reply) {
        return reply.json().path("error").asText("").strip();
    }

    private HttpPost json(String method, ObjectNode body) {
        HttpPost post = new HttpPost(base + method);
        post.setEntity(new ByteArrayEntity(Payloads.bytes(body), ContentType.APPLICATION_JSON));
        return post;
    }

    private static ClassicHttpRequest withToken(ClassicHttpRequest request, String token) {
        request.setHeader("Authorization", "Bearer " + token);
        request.setHeader("Accept", "application/json");
        return request;
    }

    private URI webUrl(String rkey) {
        Session s = session;
        String handle = s != null ? s.handle() : account.handle();
        return URI.create("https://bsky.app/profile/" + enc(handle.toLowerCase(Locale.ROOT)) + "/post/" + rkey);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
