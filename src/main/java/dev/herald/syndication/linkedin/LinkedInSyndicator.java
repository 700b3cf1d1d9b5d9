package dev.herald.syndication.linkedin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.internal.Validate;
import dev.herald.meta.ArticleMeta;
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
import dev.herald.syndication.internal.CardImage;
import dev.herald.syndication.internal.Payloads;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts articles to LinkedIn through the Posts API ({@code POST /rest/posts}) as an organisation or
 * a person, every call with {@code LinkedIn-Version} and {@code X-Restli-Protocol-Version: 2.0.0}.
 * LinkedIn does not read the page, so the article card is sent explicitly: {@code source},
 * {@code title}, {@code description} and a {@code thumbnail} image URN, the article's image
 * fetched (through the same guarded fetch as Bluesky's thumbnail) and uploaded with the Images API
 * ({@code initializeUpload}, then {@code PUT} of the bytes). An image that cannot be had costs the
 * card its picture, never the post. Commentary is little text ({@link LittleText}). Thread-safe.
 *
 * <p><b>Failures.</b> 201 with {@code x-restli-id} → {@link Outcome.Posted}; 422 "duplicate"
 * (observed wording) → {@link Outcome.Duplicate}; 401 and 403 → {@link Outcome.AuthFailed}; 429 →
 * {@link Outcome.RateLimited} until the next 00:00 UTC (the limits are daily; no reset header);
 * 5xx and no answer → {@link Outcome.Transient}; other 4xx → {@link Outcome.Permanent} with
 * LinkedIn's {@code message}.
 *
 * <p><b>Exactly once.</b> No idempotency key: {@link #reconcile} asks the author's recent posts
 * ({@code GET /rest/posts?q=author}) for one whose article {@code source} is the article's URL.
 */
public final class LinkedInSyndicator implements Syndicator {
    /** The value of {@link #network()}. */
    public static final String NETWORK = "linkedin";
    /** How many recent posts {@link #reconcile} reads. */
    static final int RECENT = 50;
    /** {@code check()} warns when the token expires within this. */
    static final Duration EXPIRY_WARNING = Duration.ofDays(14);

    private static final Logger LOG = LoggerFactory.getLogger(LinkedInSyndicator.class);
    private static final Pattern DUPLICATE_OF = Pattern.compile("urn:li:(share|ugcPost):\\d+");

    private final LinkedInAccount account;
    private final HttpTransport http;
    private final Clock clock;

    private final LinkedInTokens tokens;

    /** A syndicator for {@code account} over the shared {@code http}; {@code clock} dates waits and the token's expiry. */
    public LinkedInSyndicator(LinkedInAccount account, HttpTransport http, Clock clock) {
        this(account, http, clock, new LinkedInTokens(account.name(), LinkedInTokens.OAUTH, null, null,
                Tokens.of(account.token().value(), null, account.expiresAt()), TokenStore.inMemory(), http, clock));
    }

    LinkedInSyndicator(LinkedInAccount account, HttpTransport http, Clock clock, LinkedInTokens tokens) {
        this.account = Validate.notNull(account, "account");
        this.http = Validate.notNull(http, "http");
        this.clock = Validate.notNull(clock, "clock");
        this.tokens = Validate.notNull(tokens, "tokens");
    }

    private String noToken() {
        return "no token for LinkedIn account " + account.name() + " in the credential store or herald.yaml; sign in with: herald auth " + account.name();
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
        if (!text.fits()) return new Outcome.Permanent("the post cannot fit LinkedIn's " + text.limit() + " characters");
        String thumbnail = null;
        ArticleMeta article = post.article();
        try {
            if (article.image() != null) {
                Optional<CardImage> image = CardImage.fetch(article.image().url(), http);
                if (image.isPresent()) {
                    Upload upload = upload(image.get());
                    if (upload.failure() != null) return upload.failure();
                    thumbnail = upload.urn();
                }
            }
            HttpCall request = HttpCall.post(account.api().resolve("rest/posts")).json(Payloads.bytes(body(article, text, thumbnail)));
            Outcome outcome = classify(execute(request));
            LOG.debug("linkedin {}: {} -> {}", account.name(), post.idempotencyKey(), outcome.describe());
            return outcome;
        } catch (IOException e) {
            return Failures.unreachable(e, account.token());
        }
    }

    /**
     * The exact JSON body {@link #send} posts; the thumbnail, only known after the upload, shows as
     * {@code <initializeUpload of URL>}. No request is made.
     */
    @Override
    public Preview preview(Post post) {
        Validate.notNull(post, "post");
        ComposedText text = compose(post);
        ArticleMeta article = post.article();
        String thumb = article.image() == null ? null : "<initializeUpload of " + article.image().url() + ">";
        return new Preview(account.name(), NETWORK, text, Payloads.pretty(body(article, text, thumb)));
    }

    /** Whether one of the author's {@value #RECENT} most recent posts carries the article (its card's {@code source}). */
    @Override
    public Reconciliation reconcile(Post post) {
        Validate.notNull(post, "post");
        String wanted = post.article().url().toString();
        try {
            HttpReply reply = execute(finder(RECENT));
            if (!reply.ok()) return new Reconciliation.Unknown("could not read the author's posts: " + classify(reply).describe());
            for (JsonNode p : Payloads.json(reply).path("elements")) {
                if (wanted.equals(p.path("content").path("article").path("source").asText())) {
                    String id = p.path("id").asText();
                    return new Reconciliation.Found(id, feedUrl(id), "the author's recent posts, matched by link");
                }
            }
            return new Reconciliation.NotFound();
        } catch (IOException e) {
            return new Reconciliation.Unknown(Failures.unreachable(e, account.token()).describe());
        }
    }

    /**
     * Reads one of the author's posts with the token: refused is AUTH_FAILED. When the account gives
     * {@code expiresAt}, an expired token is AUTH_FAILED without asking, and an accepted one says
     * "expires in N days" (a warning within 14 days).
     */
    @Override
    public CredentialCheck check() {
        if (tokens.current() == null) return CredentialCheck.authFailed(noToken());
        String expiry = "";
        Tokens inUse = tokens.tokens().orElseThrow();
        // With a refresh token the access token is renewed; the refresh token's end is what needs a person.
        Instant signInBy = inUse.refresh() != null ? inUse.refreshExpiresAt() : inUse.expiresAt();
        if (signInBy != null) {
            Duration left = Duration.between(clock.instant(), signInBy);
            if (left.isNegative() || left.isZero()) return CredentialCheck.authFailed("the token expired on " + signInBy + "; sign in again");
            long days = left.toDays();
            expiry = "; it expires in " + days + (days == 1 ? " day" : " days") + (left.compareTo(EXPIRY_WARNING) <= 0 ? " — sign in again before then" : "");
        }
        try {
            HttpReply reply = execute(finder(1));
            if (reply.ok()) return CredentialCheck.ok("the token is accepted for " + account.author() + expiry);
            return CredentialCheck.of(classify(reply));
        } catch (IOException e) {
            return CredentialCheck.of(Failures.unreachable(e, account.token()));
        }
    }


    private record Upload(String urn, Outcome failure) {}

    /**
     * initializeUpload, then PUT of the bytes. A refused token, a rate limit or no answer fail the
     * send (nothing is posted yet; the retry gets the picture); anything else drops the picture.
     */
    private Upload upload(CardImage image) throws IOException {
        ObjectNode body = Payloads.object();
        body.putObject("initializeUploadRequest").put("owner", account.author());
        HttpReply reply = execute(HttpCall.post(account.api().resolve("rest/images?action=initializeUpload")).json(Payloads.bytes(body)));
        JsonNode value = Payloads.json(reply).path("value");
        String uploadUrl = value.path("uploadUrl").asText("");
        String urn = value.path("image").asText("");
        if (!reply.ok()) {
            Outcome o = classify(reply);
            if (o instanceof Outcome.AuthFailed || o instanceof Outcome.RateLimited) return new Upload(null, o);
            return dropped(image, o.describe());
        }
        if (uploadUrl.isBlank() || !urn.startsWith("urn:li:image:")) return dropped(image, "initializeUpload answered no upload URL or image URN");
        URI target;
        try {
            target = account.api().resolve(uploadUrl);
        } catch (IllegalArgumentException e) {
            return dropped(image, "initializeUpload answered a malformed upload URL");
        }
        HttpCall put = HttpCall.put(target).body(image.bytes(), image.mimeType());
        // LinkedIn's sample sends the token with the upload; only ever to LinkedIn's own hosts.
        if (linkedInHost(target)) put = put.header("Authorization", "Bearer " + tokens.current());
        HttpReply uploaded = http.execute(put, account.token());
        if (!uploaded.ok()) return dropped(image, "the upload answered HTTP " + uploaded.status());
        return new Upload(urn, null);
    }

    private Upload dropped(CardImage image, String why) {
        LOG.warn("LinkedIn account {}: posting the card without its image {}: {}", account.name(), image.source(), why);
        return new Upload(null, null);
    }

    private boolean linkedInHost(URI target) {
        String host = target.getHost() == null ? "" : target.getHost().toLowerCase(Locale.ROOT);
        return host.equals(account.api().getHost()) || host.equals("linkedin.com") || host.endsWith(".linkedin.com");
    }

    private HttpCall finder(int count) {
        return HttpCall.get(account.api().resolve("rest/posts?author=" + URLEncoder.encode(account.author(), StandardCharsets.UTF_8)
                + "&q=author&count=" + count + "&sortBy=LAST_MODIFIED"));
    }

    private HttpReply execute(HttpCall request) throws IOException {
        String token = tokens.current();
        HttpReply reply = executeWith(request, token);
        if (reply.status() != 401) return reply;
        String renewed = tokens.renew(token);
        return renewed == null || renewed.equals(token) ? reply : executeWith(request, renewed);
    }

    private HttpReply executeWith(HttpCall request, String token) throws IOException {
        HttpCall call = request.header("Authorization", "Bearer " + token)
                .header("LinkedIn-Version", account.version())
                .header("X-Restli-Protocol-Version", "2.0.0")
                .header("Accept", "application/json");
        String query = call.uri().getRawQuery();
        if (call.method().equals("GET") && query != null && query.contains("q=author")) call = call.header("X-RestLi-Method", "FINDER");
        return http.execute(call, account.token(), Secret.of("token", token));
    }

    private Outcome classify(HttpReply reply) {
        if (reply.ok()) {
            String id = reply.header("x-restli-id");
            if (id == null || id.isBlank()) return new Outcome.Transient(Failures.message(reply, "the answer holds no x-restli-id"), null);
            return new Outcome.Posted(id, feedUrl(id));
        }
        JsonNode json = Payloads.json(reply);
        String message = json.path("message").asText("");
        message = message.isBlank() ? null : account.token().maskIn(message);
        if (reply.status() == 422 && message != null && message.toLowerCase(Locale.ROOT).contains("duplicate")) {
            Matcher m = DUPLICATE_OF.matcher(message);
            return m.find() ? new Outcome.Duplicate(m.group(), feedUrl(m.group())) : new Outcome.Duplicate(null, null);
        }
        return Failures.classify(reply, message, LinkedInNetwork.retrySignal(reply, clock), clock);
    }

    private ComposedText compose(Post post) {
        return Composer.compose(post, account.template(), LinkedInNetwork.RULES);
    }

    private ObjectNode body(ArticleMeta article, ComposedText text, String thumbnail) {
        ObjectNode body = Payloads.object();
        body.put("author", account.author());
        body.put("commentary", LittleText.escape(text.text()));
        body.put("visibility", "PUBLIC");
        ObjectNode distribution = body.putObject("distribution");
        distribution.put("feedDistribution", "MAIN_FEED");
        distribution.putArray("targetEntities");
        distribution.putArray("thirdPartyDistributionChannels");
        ObjectNode card = body.putObject("content").putObject("article");
        card.put("source", article.url().toString());
        card.put("title", cut(article.title() == null || article.title().isBlank() ? article.url().toString() : article.title(), 399));
        if (article.description() != null && !article.description().isBlank()) card.put("description", cut(article.description(), 4085));
        if (thumbnail != null) {
            card.put("thumbnail", thumbnail);
            String alt = article.image().alt();
            if (alt != null && !alt.isBlank()) card.put("thumbnailAltText", cut(alt, 4085));
        }
        body.put("lifecycleState", "PUBLISHED");
        body.put("isReshareDisabledByAuthor", false);
        return body;
    }

    private static String cut(String s, int max) {
        String line = s.strip().replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, Character.isHighSurrogate(line.charAt(max - 2)) ? max - 2 : max - 1) + "…";
    }

    private static URI feedUrl(String urn) {
        return URI.create("https://www.linkedin.com/feed/update/" + urn + "/");
    }
}
