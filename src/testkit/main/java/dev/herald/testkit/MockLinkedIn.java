package dev.herald.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.internal.Validate;
import dev.herald.syndication.linkedin.LinkedInSyndicator;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * LinkedIn's Posts and Images APIs as a publisher's client uses them.
 *
 * <p>Endpoints: {@code POST /rest/images?action=initializeUpload} → {@code {value:{uploadUrl,
 * uploadUrlExpiresAt, image}}}; {@code PUT /dms-uploads/<id>} (the upload URL, on this fake) with
 * the bytes; {@code GET /rest/images/<urn>} → {@code status} {@code AVAILABLE} once uploaded;
 * {@code POST /rest/posts} → 201, no body, {@code x-restli-id: urn:li:share:…};
 * {@code GET /rest/posts?q=author&author=<urn>&count=n} (header {@code X-RestLi-Method: FINDER}),
 * newest first.
 *
 * <p>What it enforces (learn.microsoft.com Posts API, Images API, little text format, error
 * handling): every call needs {@code LinkedIn-Version} (missing → 400 {@code VERSION_MISSING}; a
 * month before {@link Builder#oldestActiveVersion} or after the clock's → 426 {@code NONEXISTENT_VERSION}) and a known
 * {@code Bearer} token (→ 401 {@code {"status":401,"serviceErrorCode":65600,"code":"INVALID_ACCESS_TOKEN",
 * "message":"Invalid access token"}}); a post's {@code author} must be the token's author (403);
 * {@code commentary}, {@code visibility}, {@code distribution}, {@code lifecycleState} required;
 * {@code content.article.source} required, {@code title} under 400 characters, a {@code thumbnail}
 * must be an image this author uploaded; the commentary is stored as LinkedIn shows it, cut at the
 * first unescaped reserved character; the same commentary twice → 422 "Content is a duplicate of
 * urn:li:share:…" (observed). Error bodies are {@code {message, serviceErrorCode?, status}}.
 * Thread-safe.
 */
public final class MockLinkedIn extends MockService {
    /** The token a default fake accepts. */
    public static final String DEFAULT_TOKEN = "linkedin-access-token-AQV";
    /** The organisation that token posts as. */
    public static final String DEFAULT_AUTHOR = "urn:li:organization:2414183";
    private static final String RESERVED = "\\|{}@[]()<>#*_~";
    /** The app's client id a default fake knows. */
    public static final String DEFAULT_CLIENT_ID = "78linkedinclient";
    /** Its client secret. */
    public static final String DEFAULT_CLIENT_SECRET = "linkedin-client-secret";
    /** How long an access token works: 60 days. */
    public static final Duration ACCESS_LIFETIME = Duration.ofDays(60);
    /** How long a programmatic refresh token works from the first sign-in: 365 days, not extended by refreshing. */
    public static final Duration REFRESH_LIFETIME = Duration.ofDays(365);

    private final Map<String, String> tokens = new ConcurrentHashMap<>(); // token -> author
    private final Map<String, Instant> tokenEnds = new ConcurrentHashMap<>(); // issued token -> end of its 60 days
    private final Map<String, Instant> refreshTokens = new ConcurrentHashMap<>(); // refresh token -> end of its 365 days
    private final Map<String, String[]> codes = new ConcurrentHashMap<>(); // code -> {redirect, scope}
    private final AtomicLong tokenSerial = new AtomicLong();
    private final Map<String, String> images = new ConcurrentHashMap<>(); // image urn -> owner
    private final Map<String, String> uploadIds = new ConcurrentHashMap<>(); // upload id -> image urn
    private final Map<String, byte[]> uploaded = new ConcurrentHashMap<>(); // image urn -> bytes
    private final List<LinkedInPost> posts = new ArrayList<>();
    private final AtomicLong lastId = new AtomicLong(7_140_000_000_000_000_000L);
    private final YearMonth oldestActive;
    private final String uploadHost;

    private MockLinkedIn(Builder b) {
        super(b.clock, b.keepRequests);
        this.oldestActive = b.oldestActive;
        this.uploadHost = b.uploadHost;
        tokens.put(DEFAULT_TOKEN, DEFAULT_AUTHOR);
    }

    /** A fake with the defaults and the system clock (not started). */
    public MockLinkedIn() {
        this(builder());
    }

    /** A builder for a fake with other settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts listening on a free loopback port; idempotent. */
    public MockLinkedIn start() {
        startServer();
        return this;
    }

    /** {@code linkedin}. */
    @Override
    public String network() {
        return LinkedInSyndicator.NETWORK;
    }

    /** Makes {@code token} invalid from now on (expired after its 60 days, or revoked). */
    public void revokeToken(String token) {
        tokens.remove(Validate.notNull(token, "token"));
    }

    /** The posts created, oldest first. */
    public List<LinkedInPost> posts() {
        synchronized (posts) {
            return List.copyOf(posts);
        }
    }

    /** How many posts were created. */
    public int postCount() {
        return posts().size();
    }

    /** The bytes uploaded for image {@code urn}. */
    public Optional<byte[]> image(String urn) {
        return Optional.ofNullable(uploaded.get(urn));
    }

    /** How many access tokens were issued by code or refresh. */
    public long tokensIssued() {
        return tokenSerial.get();
    }

    /**
     * {@code GET /oauth/v2/authorization}: the member (who always agrees) is sent to
     * {@code redirect_uri} with {@code code} and {@code state}.
     */
    private MockResponse authorize(RecordedRequest request) {
        var url = request.getUrl();
        String redirect = url.queryParameter("redirect_uri");
        String scope = url.queryParameter("scope");
        if (redirect == null || !"code".equals(url.queryParameter("response_type")) || !DEFAULT_CLIENT_ID.equals(url.queryParameter("client_id")) || scope == null) {
            return json(400, ordered("error", "invalid_request", "error_description", "The passed in client_id is invalid")).build();
        }
        String code = "AQTlinkedin-code-" + tokenSerial.get() + "-" + codes.size();
        codes.put(code, new String[] {redirect, scope});
        String state = url.queryParameter("state");
        String target = redirect + (redirect.contains("?") ? "&" : "?") + "code=" + java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8)
                + (state == null ? "" : "&state=" + java.net.URLEncoder.encode(state, java.nio.charset.StandardCharsets.UTF_8));
        return new MockResponse.Builder().code(302).addHeader("Location", target).build();
    }

    /** {@code POST /oauth/v2/accessToken}: {@code authorization_code} (with a refresh token) or {@code refresh_token}, with the app's secret. */
    private MockResponse accessToken(RecordedRequest request) {
        Map<String, String> form = new java.util.HashMap<>();
        for (String pair : new String(body(request), java.nio.charset.StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) form.put(java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
        if (!DEFAULT_CLIENT_ID.equals(form.get("client_id")) || !DEFAULT_CLIENT_SECRET.equals(form.get("client_secret"))) {
            return json(401, ordered("error", "invalid_client", "error_description", "Client authentication failed")).build();
        }
        Instant now = clock.instant();
        String refresh;
        Instant refreshEnd;
        if ("authorization_code".equals(form.get("grant_type"))) {
            String[] grant = codes.remove(form.getOrDefault("code", ""));
            if (grant == null || !grant[0].equals(form.get("redirect_uri"))) {
                return json(400, ordered("error", "invalid_request", "error_description",
                        "Unable to retrieve access token: appid/redirect uri/code verifier does not match authorization code. Or authorization code expired.")).build();
            }
            refresh = "AQXlinkedin-refresh-" + (tokenSerial.get() + 1);
            refreshEnd = now.plus(REFRESH_LIFETIME);
            refreshTokens.put(refresh, refreshEnd);
        } else if ("refresh_token".equals(form.get("grant_type"))) {
            refresh = form.getOrDefault("refresh_token", "");
            refreshEnd = refreshTokens.get(refresh);
            if (refreshEnd == null || !now.isBefore(refreshEnd)) {
                return json(400, ordered("error", "invalid_request", "error_description", "The provided authorization grant or refresh token is invalid, expired or revoked.")).build();
            }
        } else {
            return json(400, ordered("error", "unsupported_grant_type", "error_description", "A required parameter \"grant_type\" is missing")).build();
        }
        String access = "AQVlinkedin-access-" + tokenSerial.incrementAndGet();
        tokens.put(access, DEFAULT_AUTHOR);
        tokenEnds.put(access, now.plus(ACCESS_LIFETIME));
        Map<String, Object> body = ordered("access_token", access, "expires_in", ACCESS_LIFETIME.toSeconds(), "refresh_token", refresh);
        body.put("refresh_token_expires_in", Duration.between(now, refreshEnd).toSeconds());
        body.put("scope", "w_organization_social,r_organization_social");
        return json(200, body).build();
    }

    @Override
    MockResponse handle(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String method = request.getMethod();
        if ("GET".equals(method) && path.equals("/oauth/v2/authorization")) return authorize(request);
        if ("POST".equals(method) && path.equals("/oauth/v2/accessToken")) return accessToken(request);
        if ("PUT".equals(method) && path.startsWith("/dms-uploads/")) return put(request, path.substring("/dms-uploads/".length()));
        String version = header(request, "LinkedIn-Version");
        if (version == null) {
            return error(400, "A version must be present. Please specify a version by adding the LinkedIn-Version header.", "VERSION_MISSING");
        }
        if (!activeVersion(version)) return error(426, "Requested version " + version + " is not active", "NONEXISTENT_VERSION");
        String token = bearer(request);
        String author = token == null ? null : tokens.get(token);
        Instant end = token == null ? null : tokenEnds.get(token);
        if (end != null && !clock.instant().isBefore(end)) author = null; // its 60 days are over
        if (author == null) {
            Map<String, Object> body = ordered("status", 401, "serviceErrorCode", 65600, "code", "INVALID_ACCESS_TOKEN", "message", "Invalid access token");
            return json(401, body).build();
        }
        if ("POST".equals(method) && path.equals("/rest/images") && "initializeUpload".equals(request.getUrl().queryParameter("action"))) {
            return initialize(request, author);
        }
        if ("GET".equals(method) && path.startsWith("/rest/images/")) {
            String urn = java.net.URLDecoder.decode(path.substring("/rest/images/".length()), java.nio.charset.StandardCharsets.UTF_8);
            if (!images.containsKey(urn)) return error(404, "Not Found", null);
            return json(200, ordered("id", urn, "status", uploaded.containsKey(urn) ? "AVAILABLE" : "WAITING_UPLOAD", "owner", images.get(urn))).build();
        }
        if ("POST".equals(method) && path.equals("/rest/posts")) return create(request, author);
        if ("GET".equals(method) && path.equals("/rest/posts") && "author".equals(request.getUrl().queryParameter("q"))) return finder(request, author);
        return error(404, "No virtual resource found", null);
    }

    private boolean activeVersion(String version) {
        try {
            YearMonth v = YearMonth.of(Integer.parseInt(version.substring(0, 4)), Integer.parseInt(version.substring(4)));
            YearMonth now = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
            return version.length() == 6 && !v.isAfter(now) && !v.isBefore(oldestActive);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private MockResponse initialize(RecordedRequest request, String author) {
        JsonNode body = read(request);
        String owner = body == null ? "" : body.path("initializeUploadRequest").path("owner").asText("");
        if (!owner.equals(author)) return error(403, "Not enough permissions to access: images.CREATE", "ACCESS_DENIED");
        String urn = "urn:li:image:D4E10AQ" + Long.toHexString(lastId.addAndGet(31));
        String uploadId = Long.toHexString(lastId.get() * 7);
        images.put(urn, owner);
        uploadIds.put(uploadId, urn);
        Map<String, Object> value = ordered("uploadUrlExpiresAt", clock.millis() + 86_400_000L, "uploadUrl", uploadUrl(uploadId), "image", urn);
        return json(200, Map.of("value", value)).build();
    }

    /** Where the bytes go: this server, under another host name when {@link Builder#uploadHost} gave one (LinkedIn's uploads are on www.linkedin.com, its API on api.linkedin.com). */
    private String uploadUrl(String uploadId) {
        URI own = uri("/dms-uploads/" + uploadId);
        if (uploadHost == null) return own.toString();
        return own.getScheme() + "://" + uploadHost + ":" + own.getPort() + own.getRawPath();
    }

    private MockResponse put(RecordedRequest request, String uploadId) {
        String urn = uploadIds.remove(uploadId);
        if (urn == null) return new MockResponse.Builder().code(404).build();
        byte[] bytes = body(request);
        if (bytes.length == 0) return new MockResponse.Builder().code(400).build();
        uploaded.put(urn, bytes);
        return new MockResponse.Builder().code(201).build();
    }

    private MockResponse create(RecordedRequest request, String tokenAuthor) {
        JsonNode body = read(request);
        if (body == null || !body.isObject()) return error(400, "Unable to parse the request body", null);
        String author = body.path("author").asText("");
        if (!author.equals(tokenAuthor)) {
            return error(403, "Unpermitted fields present in REQUEST_BODY: Data Processing Exception while processing fields [/author]", "ACCESS_DENIED");
        }
        for (String field : List.of("commentary", "visibility", "lifecycleState")) {
            if (!body.path(field).isTextual()) return error(422, "/" + field + " :: field is required but not found and has no default value", "UNPROCESSABLE_ENTITY");
        }
        if (!body.path("distribution").isObject()) return error(422, "/distribution :: field is required but not found and has no default value", "UNPROCESSABLE_ENTITY");
        JsonNode article = body.path("content").path("article");
        if (!article.isMissingNode()) {
            if (!article.path("source").isTextual()) return error(422, "/content/article/source :: field is required but not found and has no default value", "UNPROCESSABLE_ENTITY");
            if (article.path("title").asText("").length() >= 400) return error(422, "/content/article/title :: length must be less than 400", "UNPROCESSABLE_ENTITY");
            if (article.has("thumbnail")) {
                String thumb = article.path("thumbnail").asText("");
                if (!author.equals(images.get(thumb)) || !uploaded.containsKey(thumb)) {
                    return error(422, "/content/article/thumbnail :: " + thumb + " is not an available image of the author", "UNPROCESSABLE_ENTITY");
                }
            }
        }
        String raw = body.path("commentary").asText();
        String shown = shown(raw);
        synchronized (posts) {
            for (LinkedInPost p : posts) {
                if (p.author().equals(author) && p.rawCommentary().equals(raw)) return error(422, "Content is a duplicate of " + p.id(), null);
            }
            LinkedInPost post = new LinkedInPost("urn:li:share:" + lastId.addAndGet(1_000_003), author, shown, raw, body, clock.instant());
            posts.add(post);
            return new MockResponse.Builder().code(201).setHeader("x-restli-id", post.id()).setHeader("x-linkedin-id", post.id()).build();
        }
    }

    private MockResponse finder(RecordedRequest request, String tokenAuthor) {
        String author = request.getUrl().queryParameter("author");
        if (!tokenAuthor.equals(author)) return error(403, "Not enough permissions to access: partnerApiPostsExternal.FINDER-author", "ACCESS_DENIED");
        int count = 10;
        try {
            String c = request.getUrl().queryParameter("count");
            if (c != null) count = Math.max(1, Math.min(100, Integer.parseInt(c)));
        } catch (NumberFormatException e) {
            return error(400, "Invalid value for param count", null);
        }
        List<JsonNode> elements = new ArrayList<>();
        synchronized (posts) {
            for (int i = posts.size() - 1; i >= 0 && elements.size() < count; i--) {
                LinkedInPost p = posts.get(i);
                if (!p.author().equals(author)) continue;
                com.fasterxml.jackson.databind.node.ObjectNode e = p.body().deepCopy();
                e.put("id", p.id());
                e.put("createdAt", p.createdAt().toEpochMilli());
                e.put("publishedAt", p.createdAt().toEpochMilli());
                elements.add(e);
            }
        }
        return json(200, ordered("paging", ordered("start", 0, "count", count, "links", List.of()), "elements", elements)).build();
    }

    /** What LinkedIn shows: escapes removed, cut at the first unescaped reserved character. */
    static String shown(String raw) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() && RESERVED.indexOf(raw.charAt(i + 1)) >= 0) {
                out.append(raw.charAt(++i));
            } else if (RESERVED.indexOf(c) >= 0) {
                break;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static JsonNode read(RecordedRequest request) {
        try {
            return JSON.readTree(body(request));
        } catch (IOException e) {
            return null;
        }
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    private static MockResponse error(int status, String message, String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (code != null) body.put("code", code);
        body.put("message", message);
        body.put("status", status);
        return json(status, body).build();
    }

    @Override
    MockResponse faultResponse(Fault fault, RecordedRequest request) {
        switch (fault.kind()) {
            case UNAUTHORIZED:
                return json(401, ordered("status", 401, "serviceErrorCode", 65601, "code", "REVOKED_ACCESS_TOKEN",
                        "message", "The token used in the request has been revoked by the user")).build();
            case RATE_LIMITED:
                // LinkedIn says when the limit resets nowhere but the Developer Portal: no header.
                return json(429, ordered("status", 429, "serviceErrorCode", 101, "code", "TOO_MANY_REQUESTS",
                        "message", "Resource level throttle APPLICATION DAY limit for calls to this resource is reached.")).build();
            default:
                return error(fault.status(), fault.status() == 504 ? "Gateway Timeout" : "Internal Server Error", null);
        }
    }

    @Override
    MockResponse internalError(RecordedRequest request) {
        return error(500, "Internal Server Error", null);
    }

    /** Settings for a {@link MockLinkedIn}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private int keepRequests = 1_000;
        private YearMonth oldestActive = YearMonth.of(2025, 11);
        private String uploadHost;

        private Builder() {}

        /**
         * The host name {@code initializeUpload}'s {@code uploadUrl} names for this server (for
         * instance {@code 127.0.0.1} while the API is reached as {@code localhost}), as LinkedIn's upload
         * host differs from its API's; by default the API's own address.
         */
        public Builder uploadHost(String host) {
            this.uploadHost = Validate.notBlank(host, "host");
            return this;
        }

        /**
         * The oldest {@code LinkedIn-Version} still served (older ones are sunset, 426); 202511 by
         * default. A fixed month rather than "a year before the clock", so a test suite does not
         * start failing on a date; versions after the clock's month do not exist yet.
         */
        public Builder oldestActiveVersion(YearMonth month) {
            this.oldestActive = Validate.notNull(month, "month");
            return this;
        }

        /** The clock for post times and which versions exist yet. */
        public Builder clock(Clock clock) {
            this.clock = Validate.notNull(clock, "clock");
            return this;
        }

        /** How many recent raw requests to keep; 1,000 by default. */
        public Builder keepRequests(int count) {
            Validate.isTrue(count >= 0, "count", "must not be negative");
            this.keepRequests = count;
            return this;
        }

        /** Builds the fake (not started). */
        public MockLinkedIn build() {
            return new MockLinkedIn(this);
        }

        /** Builds and starts the fake. */
        public MockLinkedIn start() {
            return build().start();
        }
    }
}
