package dev.herald.testkit;

import dev.herald.internal.Graphemes;
import dev.herald.internal.Validate;
import dev.herald.syndication.threads.ThreadsSyndicator;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * The Threads API for one profile, as a publisher's client uses it: create a TEXT container, read
 * its status, publish it, list recent posts, read the publishing limit.
 *
 * <p>Endpoints (under {@code /v1.0}): {@code POST /{user}/threads} ({@code media_type=TEXT},
 * {@code text}, {@code link_attachment}) → {@code {id}}; {@code GET /{container}?fields=status,error_message};
 * {@code POST /{user}/threads_publish?creation_id=} → {@code {id}}; {@code GET /{user}/threads}
 * (newest first, with {@code link_attachment_url}, {@code permalink}, {@code timestamp});
 * {@code GET /{user}/threads_publishing_limit} → {@code {data:[{quota_usage, config:{quota_total:250,
 * quota_duration:86400}}]}}. The token comes as {@code Authorization: Bearer} or {@code access_token}.
 *
 * <p>What it enforces (developers.facebook.com/docs/threads: posts, troubleshooting, overview):
 * {@code text} at most 500 with each emoji counted as its UTF-8 bytes (code 100); at most 5 links
 * ({@code THREADS_API__LINK_LIMIT_EXCEEDED}); {@code link_attachment} only on TEXT; a container is
 * {@code IN_PROGRESS} for {@link Builder#processingTime} (zero by default) on the fake's clock, then
 * {@code FINISHED}; publishing one not finished, already published or expired (24 hours) is an
 * error; 250 publications per moving 24 hours. Errors are Graph error objects; an unknown token is
 * 190, a token 60 days past its issue 190/463. {@code GET /refresh_access_token?grant_type=th_refresh_token}
 * renews a token at least 24 hours old for another 60 days. Thread-safe.
 */
public final class MockThreads extends MockService {
    /** How long a long-lived token works after it was issued or refreshed: 60 days. */
    public static final Duration TOKEN_LIFETIME = Duration.ofDays(60);
    /** What {@code expires_in} says for a long-lived token, in seconds (Meta's documented sample). */
    public static final long EXPIRES_IN = 5_183_944;
    /** How old a token must be before it may be refreshed. */
    public static final Duration REFRESH_AFTER = Duration.ofHours(24);
    /** The Threads app's id a default fake knows. */
    public static final String DEFAULT_APP_ID = "threads-app-1234";
    /** Its app secret. */
    public static final String DEFAULT_APP_SECRET = "threads-app-secret";
    /** The profile a default fake hosts. */
    public static final String DEFAULT_USER_ID = "17841400000000001";
    /** Its long-lived token. */
    public static final String DEFAULT_TOKEN = "threads-token-THQWJ";

    private static final Pattern PATH = Pattern.compile("/v1\\.0/([^/]+)(?:/([a-z_]+))?");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(ZoneOffset.UTC);

    private record Container(String id, String user, String text, String link, Instant createdAt, String[] publishedAs, String error) {}

    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, Instant> issued = new ConcurrentHashMap<>(); // token -> when it was issued or refreshed
    private final AtomicLong tokenSerial = new AtomicLong();
    private final Map<String, String> codes = new ConcurrentHashMap<>(); // code -> redirect
    private final AtomicLong oauthSerial = new AtomicLong();
    private final Map<String, String> shortTokens = new ConcurrentHashMap<>(); // short-lived token -> user
    private final Map<String, Container> containers = new ConcurrentHashMap<>();
    private final List<ThreadsPost> posts = new ArrayList<>();
    private final AtomicLong lastId = new AtomicLong(18_030_000_000_000_000L);
    private final Duration processingTime;
    private final int quota;
    private final java.util.Queue<String> processingFailures = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.Set<String> withdrawn = ConcurrentHashMap.newKeySet();

    private MockThreads(Builder b) {
        super(b.clock, b.keepRequests);
        tokens.put(DEFAULT_TOKEN, DEFAULT_USER_ID);
        issued.put(DEFAULT_TOKEN, b.clock.instant().minus(b.defaultTokenAge));
        this.processingTime = b.processingTime;
        this.quota = b.quota;
    }

    /** A fake with the defaults and the system clock (not started). */
    public MockThreads() {
        this(builder());
    }

    /** A builder for a fake with other settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts listening on a free loopback port; idempotent. */
    public MockThreads start() {
        startServer();
        return this;
    }

    /** {@code threads}. */
    @Override
    public String network() {
        return ThreadsSyndicator.NETWORK;
    }

    /** Makes {@code token} invalid from now on (expired after its 60 days, or revoked). */
    public void revokeToken(String token) {
        tokens.remove(Validate.notNull(token, "token"));
    }

    /**
     * Makes the next container created fail processing: its status becomes {@code ERROR} with
     * {@code errorMessage} (Threads documents {@code UNKNOWN} and, for media, reasons such as
     * {@code FAILED_DOWNLOADING_VIDEO}), and publishing it is refused.
     */
    public void failNextContainer(String errorMessage) {
        processingFailures.add(Validate.notBlank(errorMessage, "errorMessage"));
    }

    /**
     * Takes {@code threads_content_publish} away from every token, as when the person removes it in
     * the app's settings: creating and publishing answer Graph's permission error (code 10), reading
     * still works.
     */
    public void withdrawPublishPermission() {
        withdrawn.add("threads_content_publish");
    }

    /** The posts published, oldest first. */
    public List<ThreadsPost> posts() {
        synchronized (posts) {
            return List.copyOf(posts);
        }
    }

    /** How many posts were published. */
    public int postCount() {
        return posts().size();
    }

    /** How many containers were created, published or not. */
    public int containerCount() {
        return containers.size();
    }

    /** What Threads counts for {@code text}: every grapheme 1, an emoji its UTF-8 bytes; public so a test can hold a client's counter against it. */
    public static int length(String text) {
        int n = 0;
        for (String g : Graphemes.split(text)) {
            boolean emoji = g.codePoints().anyMatch(cp -> cp >= 0x1F000 && cp <= 0x1FAFF || cp >= 0x2600 && cp <= 0x27BF || cp == 0xFE0F
                    || cp >= 0x2300 && cp <= 0x23FF || cp >= 0x2B00 && cp <= 0x2BFF || cp == 0x20E3);
            n += emoji ? g.getBytes(StandardCharsets.UTF_8).length : 1;
        }
        return n;
    }

    /** When {@code token} stops working, or {@code null} for a token the fake does not know. */
    public Instant expiresAt(String token) {
        Instant at = issued.get(Validate.notNull(token, "token"));
        return at == null || !tokens.containsKey(token) ? null : at.plus(TOKEN_LIFETIME);
    }

    /** How many times a token was refreshed. */
    public long refreshCount() {
        return tokenSerial.get();
    }

    @Override
    MockResponse handle(RecordedRequest request) {
        if ("GET".equals(request.getMethod()) && "/refresh_access_token".equals(request.getUrl().encodedPath())) return refresh(params(request));
        if ("GET".equals(request.getMethod()) && "/oauth/authorize".equals(request.getUrl().encodedPath())) return authorize(params(request));
        if ("POST".equals(request.getMethod()) && "/oauth/access_token".equals(request.getUrl().encodedPath())) return code(params(request));
        if ("GET".equals(request.getMethod()) && "/access_token".equals(request.getUrl().encodedPath())) return exchange(params(request));
        Matcher m = PATH.matcher(request.getUrl().encodedPath());
        if (!m.matches()) return error(400, "Unknown path components: " + request.getUrl().encodedPath(), 2500, 0);
        Map<String, String> params = params(request);
        String token = bearer(request);
        if (token == null) token = params.get("access_token");
        if (token == null) return error(400, "An active access token must be used to query information about the current user.", 2500, 0);
        String user = tokens.get(token);
        if (user == null) return error(400, "Invalid OAuth access token - Cannot parse access token", 190, 0);
        if (expired(token)) return error(400, "Error validating access token: Session has expired.", 190, 463);
        String node = m.group(1);
        String edge = m.group(2);
        String method = request.getMethod();
        if (edge == null && "GET".equals(method)) return status(node, user);
        if (!node.equals(user) && !node.equals("me")) {
            return error(400, "Unsupported request - method type: " + method.toLowerCase(), 100, 33);
        }
        if ("POST".equals(method) && withdrawn.contains("threads_content_publish")) {
            return error(400, "(#10) Application does not have permission for this action", 10, 0);
        }
        if ("POST".equals(method) && "threads".equals(edge)) return create(user, params);
        if ("POST".equals(method) && "threads_publish".equals(edge)) return publish(user, params.get("creation_id"));
        if ("GET".equals(method) && "threads".equals(edge)) return list(user);
        if ("GET".equals(method) && "threads_publishing_limit".equals(edge)) {
            Map<String, Object> limit = new LinkedHashMap<>();
            limit.put("quota_usage", usedInLastDay(user));
            limit.put("config", Map.of("quota_total", quota, "quota_duration", 86_400));
            return json(200, Map.of("data", List.of(limit))).build();
        }
        return error(400, "Unsupported request - method type: " + method.toLowerCase(), 100, 33);
    }

    private boolean expired(String token) {
        Instant at = issued.get(token);
        return at != null && !clock.instant().isBefore(at.plus(TOKEN_LIFETIME));
    }

    /**
     * {@code GET /refresh_access_token?grant_type=th_refresh_token&access_token=}: a long-lived token
     * at least 24 hours old and not expired gets a new one for another 60 days. The old one keeps
     * working until its own expiry (the fake's reading; Meta does not say it is revoked).
     */
    private MockResponse refresh(Map<String, String> p) {
        if (!"th_refresh_token".equals(p.get("grant_type"))) return error(400, "(#100) Invalid grant_type", 100, 0);
        String token = p.get("access_token");
        String user = token == null ? null : tokens.get(token);
        if (user == null) return error(400, "Invalid OAuth access token - Cannot parse access token", 190, 0);
        if (expired(token)) return error(400, "Error validating access token: Session has expired.", 190, 463);
        if (clock.instant().isBefore(issued.get(token).plus(REFRESH_AFTER))) {
            return error(400, "(#100) A long-lived token can be refreshed once it is at least 24 hours old.", 100, 0);
        }
        String fresh = "threads-token-refreshed-" + tokenSerial.incrementAndGet();
        tokens.put(fresh, user);
        issued.put(fresh, clock.instant());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", fresh);
        body.put("token_type", "bearer");
        body.put("expires_in", EXPIRES_IN);
        return json(200, body).build();
    }

    /** {@code GET /oauth/authorize}: the profile's owner (who always agrees) is sent to {@code redirect_uri} with {@code code} and {@code state}. */
    private MockResponse authorize(Map<String, String> p) {
        String redirect = p.get("redirect_uri");
        if (redirect == null || !DEFAULT_APP_ID.equals(p.get("client_id")) || !"code".equals(p.get("response_type"))
                || !String.valueOf(p.get("scope")).contains("threads_content_publish")) {
            return error(400, "Invalid redirect_uri or client_id", 1, 0);
        }
        String code = "AQthreads-code-" + oauthSerial.incrementAndGet();
        codes.put(code, redirect);
        String state = p.get("state");
        return new MockResponse.Builder().code(302).addHeader("Location", redirect + (redirect.contains("?") ? "&" : "?") + "code="
                + URLEncoder.encode(code, StandardCharsets.UTF_8) + (state == null ? "" : "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8)) + "#_").build();
    }

    /** {@code POST /oauth/access_token}: the code (with the app secret and the same redirect) for a short-lived token and the user id. */
    private MockResponse code(Map<String, String> p) {
        if (!DEFAULT_APP_ID.equals(p.get("client_id")) || !DEFAULT_APP_SECRET.equals(p.get("client_secret"))) return error(400, "Error validating client secret.", 1, 0);
        String redirect = codes.remove(String.valueOf(p.get("code")));
        if (!"authorization_code".equals(p.get("grant_type")) || redirect == null || !redirect.equals(p.get("redirect_uri"))) {
            return error(400, "Invalid verification code format.", 100, 36008);
        }
        String token = "THshort-" + oauthSerial.incrementAndGet();
        shortTokens.put(token, DEFAULT_USER_ID);
        return json(200, Map.of("access_token", token, "user_id", DEFAULT_USER_ID)).build();
    }

    /** {@code GET /access_token?grant_type=th_exchange_token}: a short-lived token (with the app secret) for a 60-day one. */
    private MockResponse exchange(Map<String, String> p) {
        if (!DEFAULT_APP_SECRET.equals(p.get("client_secret"))) return error(400, "Error validating client secret.", 1, 0);
        String user = shortTokens.remove(String.valueOf(p.get("access_token")));
        if (!"th_exchange_token".equals(p.get("grant_type")) || user == null) return error(400, "Invalid OAuth access token - Cannot parse access token", 190, 0);
        String token = "threads-token-long-" + oauthSerial.incrementAndGet();
        tokens.put(token, user);
        issued.put(token, clock.instant());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token);
        body.put("token_type", "bearer");
        body.put("expires_in", EXPIRES_IN);
        return json(200, body).build();
    }

    private MockResponse create(String user, Map<String, String> p) {
        String type = p.getOrDefault("media_type", "");
        if (!List.of("TEXT", "IMAGE", "VIDEO", "CAROUSEL").contains(type)) return error(400, "(#100) The parameter media_type is required.", 100, 0);
        String text = p.getOrDefault("text", "");
        String link = p.get("link_attachment");
        if (!"TEXT".equals(type)) return error(400, "(#100) Only TEXT posts are supported by this fake.", 100, 0);
        if (text.isEmpty()) return error(400, "(#100) The parameter text is required for TEXT posts.", 100, 0);
        if (length(text) > 500) return error(400, "(#100) Param text must be at most 500 characters long.", 100, 4279009);
        Matcher links = URL.matcher(text);
        int count = 0;
        while (links.find()) count++;
        if (count > 5) return error(400, "THREADS_API__LINK_LIMIT_EXCEEDED: The post contains more than 5 links.", 100, 4279022);
        Container c = new Container(Long.toString(lastId.addAndGet(1_001)), user, text, link, clock.instant(), new String[1], processingFailures.poll());
        containers.put(c.id(), c);
        return json(200, Map.of("id", c.id())).build();
    }

    private String state(Container c) {
        if (c.publishedAs()[0] != null) return "PUBLISHED";
        if (c.error() != null) return "ERROR";
        if (clock.instant().isAfter(c.createdAt().plus(Duration.ofHours(24)))) return "EXPIRED";
        return clock.instant().isBefore(c.createdAt().plus(processingTime)) ? "IN_PROGRESS" : "FINISHED";
    }

    private MockResponse status(String id, String user) {
        Container c = containers.get(id);
        if (c == null || !c.user().equals(user)) {
            return error(400, "Unsupported get request. Object with ID '" + id + "' does not exist, cannot be loaded due to missing permissions, or does not support this operation.", 100, 33);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", state(c));
        body.put("id", c.id());
        if (c.error() != null) body.put("error_message", c.error());
        return json(200, body).build();
    }

    private MockResponse publish(String user, String creationId) {
        if (creationId == null) return error(400, "(#100) The parameter creation_id is required.", 100, 0);
        synchronized (posts) {
            Container c = containers.get(creationId);
            if (c == null || !c.user().equals(user)) return error(400, "Media Not Found", 24, 4279009);
            String state = state(c);
            if (state.equals("IN_PROGRESS")) return error(400, "The media is not ready to be published. Please wait a moment.", 9007, 4279001);
            if (!state.equals("FINISHED")) return error(400, "The media has already been published or has expired.", 9007, 4279003);
            if (usedInLastDay(user) >= quota) return error(400, "You have reached the limit of " + quota + " posts in 24 hours.", 4, 4279016);
            ThreadsPost post = new ThreadsPost(Long.toString(lastId.addAndGet(1_001)), c.id(), c.text(), c.link(), clock.instant());
            c.publishedAs()[0] = post.id();
            posts.add(post);
            return json(200, Map.of("id", post.id())).build();
        }
    }

    private int usedInLastDay(String user) {
        Instant since = clock.instant().minus(Duration.ofHours(24));
        synchronized (posts) {
            return (int) posts.stream().filter(p -> containers.get(p.containerId()).user().equals(user) && p.publishedAt().isAfter(since)).count();
        }
    }

    private MockResponse list(String user) {
        List<Map<String, Object>> data = new ArrayList<>();
        synchronized (posts) {
            for (int i = posts.size() - 1; i >= 0 && data.size() < 100; i--) {
                ThreadsPost p = posts.get(i);
                if (!containers.get(p.containerId()).user().equals(user)) continue;
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("id", p.id());
                d.put("permalink", baseUri() + "@ledger/post/" + Long.toString(Long.parseLong(p.id()), 36));
                d.put("timestamp", TIME.format(p.publishedAt()));
                if (p.linkAttachment() != null) d.put("link_attachment_url", p.linkAttachment());
                data.add(d);
            }
        }
        return json(200, Map.of("data", data, "paging", Map.of())).build();
    }

    private static Map<String, String> params(RecordedRequest request) {
        Map<String, String> out = new HashMap<>();
        for (String name : request.getUrl().queryParameterNames()) out.put(name, request.getUrl().queryParameter(name));
        String type = header(request, "Content-Type");
        if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
            for (String pair : new String(body(request), StandardCharsets.UTF_8).split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private MockResponse error(int status, String message, int code, int subcode) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("message", message);
        e.put("type", code == 190 ? "OAuthException" : "THApiException");
        e.put("code", code);
        if (subcode != 0) e.put("error_subcode", subcode);
        e.put("fbtrace_id", "A" + Long.toHexString(lastId.get() ^ clock.millis()).toUpperCase());
        return json(status, Map.of("error", e)).build();
    }

    @Override
    MockResponse faultResponse(Fault fault, RecordedRequest request) {
        switch (fault.kind()) {
            case UNAUTHORIZED:
                return error(400, "Error validating access token: Session has expired.", 190, 463);
            case RATE_LIMITED:
                return error(400, "(#4) Application request limit reached", 4, 0);
            default:
                return error(fault.status(), "An unexpected error has occurred. Please retry your request later.", 2, 0);
        }
    }

    @Override
    MockResponse internalError(RecordedRequest request) {
        return error(500, "An unknown error has occurred.", 1, 0);
    }

    /** Settings for a {@link MockThreads}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private int keepRequests = 1_000;
        private Duration processingTime = Duration.ZERO;
        private int quota = 250;
        private Duration defaultTokenAge = Duration.ofDays(1);

        private Builder() {}

        /** How old {@link #DEFAULT_TOKEN} is when the fake starts (it expires 60 days after issue); a day by default. */
        public Builder defaultTokenAge(Duration age) {
            Validate.isTrue(!age.isNegative(), "age", "must not be negative");
            this.defaultTokenAge = age;
            return this;
        }

        /** The clock for container processing, expiry and the 24-hour quota. */
        public Builder clock(Clock clock) {
            this.clock = Validate.notNull(clock, "clock");
            return this;
        }

        /** How long a container stays IN_PROGRESS after it is created; zero by default. */
        public Builder processingTime(Duration time) {
            this.processingTime = Validate.notNull(time, "time");
            return this;
        }

        /** Publications allowed per moving 24 hours; 250 by default. */
        public Builder quota(int posts) {
            Validate.isTrue(posts > 0, "posts", "must be positive");
            this.quota = posts;
            return this;
        }

        /** How many recent raw requests to keep; 1,000 by default. */
        public Builder keepRequests(int count) {
            Validate.isTrue(count >= 0, "count", "must not be negative");
            this.keepRequests = count;
            return this;
        }

        /** Builds the fake (not started). */
        public MockThreads build() {
            return new MockThreads(this);
        }

        /** Builds and starts the fake. */
        public MockThreads start() {
            return build().start();
        }
    }
}
