package dev.herald.syndication.bluesky;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.herald.internal.Validate;
import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.DeliveryGuarantee;
import dev.herald.syndication.ComposedText;
import dev.herald.syndication.Composer;
import dev.herald.syndication.CredentialCheck;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Preview;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TextRules;
import dev.herald.syndication.bluesky.XrpcClient.Session;
import dev.herald.syndication.bluesky.XrpcClient.XrpcFailure;
import dev.herald.syndication.internal.CardImage;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts articles to one Bluesky account: the account's template filled and fitted to Bluesky's 300
 * graphemes, every link and hashtag made a facet at its UTF-8 byte offsets, and an
 * {@code app.bsky.embed.external} link card with the article's image uploaded as its thumbnail.
 *
 * <p><b>Session.</b> One {@code com.atproto.server.createSession} per syndicator, shared by every
 * post and thread; {@code refreshSession} when the access token runs out (by the token's own
 * expiry, or when the PDS answers {@code ExpiredToken}); a new login only when the refresh token is
 * refused too. Bluesky limits logins to 30 per 5 minutes and 300 a day, so logging in per post
 * would lock a busy newsroom out.
 *
 * <p><b>Exactly once.</b> XRPC has no idempotency header, so each post is written under a record
 * key derived from {@link Post#idempotencyKey()} (see {@code RecordKeys}): a retry after a lost
 * response writes to the same {@code at://} URI, which the PDS refuses. It refuses with a bare 500
 * today (bluesky-social/atproto#3718), so after a 5xx this syndicator asks
 * {@code com.atproto.repo.getRecord} for that key: a record there means the post is up
 * ({@link Outcome.Duplicate}), none means the 500 was a real failure ({@link Outcome.Transient}).
 *
 * <p><b>Thumbnail.</b> The article's image is fetched with {@link HttpTransport#fetch} (http/https
 * only, following up to five redirects, never to a loopback, private or metadata address the
 * transport's {@link dev.herald.syndication.FetchPolicy} does not allow), sent as it is when it is a JPEG or PNG of at most 1,000,000 bytes, otherwise scaled
 * down to 1200 pixels and re-encoded as JPEG until it fits. An image that cannot be fetched or
 * decoded, or that the PDS refuses, costs the card its picture (with a warning naming the URL),
 * never the post.
 *
 * <p><b>Failures.</b> {@code InvalidRequest} and other 4xx answers are {@link Outcome.Permanent}
 * with Bluesky's own message; 429 is {@link Outcome.RateLimited} until {@code ratelimit-reset};
 * 5xx, timeouts and dropped connections are {@link Outcome.Transient}; a refused password is
 * {@link Outcome.AuthFailed}. No network failure escapes {@link #send} as an exception; built by
 * {@link BlueskyNetwork}, a bug's exception is classified by the core's guard.
 *
 * <p>Thread-safe.
 */
public final class BlueskySyndicator implements Syndicator {
    /** This syndicator's {@link #network()}. */
    public static final String NETWORK = "bluesky";

    private static final Logger LOG = LoggerFactory.getLogger(BlueskySyndicator.class);
    /** Errors with which a PDS refuses a thumbnail blob at createRecord time; the post goes out without it. */
    private static final Set<String> THUMB_ERRORS = Set.of("BlobNotFound", "InvalidMimeType", "BlobTooLarge");

    private final BlueskyAccount account;
    private final HttpTransport http;
    private final Clock clock;
    private final XrpcClient xrpc;

    /**
     * A syndicator for {@code account}.
     *
     * @param http the shared transport, for the PDS and for fetching images
     * @param clock the source of {@code createdAt} and of "has the token expired"
     */
    public BlueskySyndicator(BlueskyAccount account, HttpTransport http, Clock clock) {
        this.account = Validate.notNull(account, "account");
        this.http = Validate.notNull(http, "http");
        this.clock = Validate.notNull(clock, "clock");
        this.xrpc = new XrpcClient(account, http, clock);
    }

    @Override
    public String account() {
        return account.name();
    }

    @Override
    public String network() {
        return NETWORK;
    }

    /** {@link DeliveryGuarantee#IDEMPOTENCY_KEY}: the record key is derived from the share, so a second create is refused; a resend is always safe. */
    @Override
    public DeliveryGuarantee guarantee() {
        return DeliveryGuarantee.IDEMPOTENCY_KEY;
    }

    /** Posts {@code post} once; see the class description for what each outcome means. */
    @Override
    public Outcome send(Post post) {
        Validate.notNull(post, "post");
        try {
            ArticleMeta article = post.article();
            ComposedText text = Composer.compose(post, account.template(), TextRules.BLUESKY);
            if (!text.fits()) {
                return new Outcome.Permanent("the link alone is longer than Bluesky's " + text.limit() + " graphemes / 3000 bytes");
            }
            String rkey = RecordKeys.forIdempotencyKey(post.idempotencyKey());
            // Log in before fetching the image: a wrong password should not cost a download.
            Session session = xrpc.session();
            JsonNode thumb = article.image() == null ? null : uploadThumb(article.image().url());
            List<String> langs = PostRecord.langs(account.langs(), article);
            ObjectNode input = PostRecord.input(session.did(), rkey, text.text(), clock.instant(), langs, article, thumb);
            try {
                return posted(xrpc.procedure("com.atproto.repo.createRecord", input));
            } catch (XrpcFailure f) {
                if (thumb != null && THUMB_ERRORS.contains(f.error())) {
                    LOG.warn("Bluesky account {}: the PDS refused the thumbnail of {} ({}); posting the card without it",
                            account.name(), article.image().url(), f.outcome.describe());
                    input = PostRecord.input(session.did(), rkey, text.text(), clock.instant(), langs, article, null);
                    return posted(xrpc.procedure("com.atproto.repo.createRecord", input));
                }
                if (f.status() >= 500) return existing(rkey).orElse(f.outcome);
                throw f;
            }
        } catch (XrpcFailure f) {
            return f.outcome;
        }
    }

    /**
     * Logs in (or reuses the open session, refreshing it if it has run out): a session is
     * {@code OK}, a refused password {@code AUTH_FAILED}, anything else (no answer, 5xx, a rate
     * limit) {@code UNKNOWN}.
     */
    @Override
    public CredentialCheck check() {
        try {
            Session session = xrpc.session();
            return CredentialCheck.ok("logged in as @" + (session.handle().isBlank() ? account.handle() : session.handle()));
        } catch (XrpcFailure f) {
            return CredentialCheck.of(f.outcome);
        }
    }

    /**
     * The exact createRecord body {@link #send} would post, pretty-printed, without any request:
     * the thumbnail appears as a note of the image that will be uploaded, and the repository as the
     * account's DID when a session is already open, else as a note.
     */
    @Override
    public Preview preview(Post post) {
        Validate.notNull(post, "post");
        ArticleMeta article = post.article();
        ComposedText text = Composer.compose(post, account.template(), TextRules.BLUESKY);
        Session session = xrpc.cachedSession();
        String repo = session != null ? session.did() : "<DID of @" + account.handle() + ", from createSession>";
        JsonNode thumb = article.image() == null ? null : TextNode.valueOf("<uploadBlob of " + article.image().url() + ">");
        ObjectNode input = PostRecord.input(repo, RecordKeys.forIdempotencyKey(post.idempotencyKey()), text.text(), clock.instant(),
                PostRecord.langs(account.langs(), article), article, thumb);
        try {
            return new Preview(account.name(), NETWORK, text, XrpcClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(input));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON", e);
        }
    }

    /**
     * Fetches, fits and uploads the card's image; {@code null} (no thumbnail) when that fails for
     * the image's sake. A rate limit, an expired login or an unreachable PDS fail the whole send
     * instead: nothing is posted yet, and the retry gets the picture.
     */
    private JsonNode uploadThumb(URI imageUrl) throws XrpcFailure {
        Optional<CardImage> thumb = CardImage.fetch(imageUrl, http);
        if (thumb.isEmpty()) return null;
        try {
            JsonNode blob = xrpc.upload("com.atproto.repo.uploadBlob", thumb.get().bytes(), thumb.get().mimeType()).path("blob");
            if (!blob.isObject() || !blob.path("ref").has("$link")) {
                LOG.warn("Bluesky account {}: uploadBlob of {} answered no blob reference; posting the card without thumbnail", account.name(), imageUrl);
                return null;
            }
            return blob;
        } catch (XrpcFailure f) {
            if (f.outcome instanceof Outcome.Permanent) {
                LOG.warn("Bluesky account {}: uploadBlob of {} refused ({}); posting the card without thumbnail",
                        account.name(), imageUrl, f.outcome.describe());
                return null;
            }
            throw f;
        }
    }

    private Outcome posted(JsonNode created) {
        String uri = created.path("uri").asText("");
        if (uri.isEmpty()) return new Outcome.Transient("Bluesky answered createRecord without a uri", null);
        return new Outcome.Posted(uri, webUrl(uri));
    }

    /** The post already under {@code rkey}, as a {@link Outcome.Duplicate}; empty when there is none or the lookup fails. */
    private Optional<Outcome> existing(String rkey) {
        try {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("repo", xrpc.session().did());
            params.put("collection", PostRecord.COLLECTION);
            params.put("rkey", rkey);
            String uri = xrpc.query("com.atproto.repo.getRecord", params).path("uri").asText("");
            if (uri.isEmpty()) return Optional.empty();
            LOG.info("Bluesky account {}: {} exists already (an earlier attempt's answer was lost)", account.name(), uri);
            return Optional.of(new Outcome.Duplicate(uri, webUrl(uri)));
        } catch (XrpcFailure notThere) {
            // RecordNotFound: the 5xx was a real failure. Anything else: we cannot tell, so the
            // original 5xx stands and the retry will ask again.
            return Optional.empty();
        }
    }

    /** {@code https://bsky.app/profile/<handle>/post/<rkey>} for an {@code at://} URI. */
    private URI webUrl(String atUri) {
        String rkey = atUri.substring(atUri.lastIndexOf('/') + 1);
        Session s = xrpc.cachedSession();
        String handle = s != null && !s.handle().isBlank() ? s.handle() : account.handle();
        try {
            return URI.create("https://bsky.app/profile/" + handle + "/post/" + rkey);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "BlueskySyndicator[" + account.name() + " @" + account.handle() + " on " + account.service() + "]";
    }
}
