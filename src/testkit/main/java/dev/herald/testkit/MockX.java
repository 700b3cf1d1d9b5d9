package dev.herald.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.internal.Validate;
import dev.herald.syndication.x.XSyndicator;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * X's API v2 as a publisher's client uses it: create a post, read the signed-in user, list the
 * user's recent posts.
 *
 * <p>Endpoints: {@code POST /2/tweets} ({@code {"text"}} → 201 {@code {data:{id, text,
 * edit_history_tweet_ids}}}), {@code GET /2/users/me}, {@code GET /2/users/:id/tweets}
 * ({@code max_results} 5–100; with {@code tweet.fields=entities} each post's links as
 * {@code entities.urls[]} with {@code url} (t.co), {@code expanded_url}, {@code display_url}).
 * Returned text has every link rewritten to a {@code https://t.co/…} link, as X does.
 *
 * <p>What it enforces (docs.x.com: create-post, authentication, rate limits; error shapes as
 * observed in X's problem JSON):
 * <ul>
 *   <li>auth: an OAuth 2.0 user token as {@code Bearer}, or an OAuth 1.0a {@code Authorization:
 *       OAuth …} header whose HMAC-SHA1 signature the fake recomputes (query parameters signed, a
 *       JSON body not), whose timestamp is within 5 minutes of the fake's clock and whose nonce is
 *       new; any failure → 401 {@code {"title":"Unauthorized","type":"about:blank","status":401,
 *       "detail":"Unauthorized"}};
 *   <li>text required, weighted length ≤ 280 by twitter-text v3 (NFC; U+0000–U+10FF and three
 *       punctuation ranges weigh 1, the rest 2, an emoji sequence 2, each URL 23) → else 400
 *       invalid-request; the same text as one of the user's posts → 403 "You are not allowed to
 *       create a Tweet with duplicate content.";
 *   <li>{@link #depleteCredits()} → 402 {@code CreditsDepleted}; {@link #unenrollClient()} → 403
 *       {@code client-not-enrolled} (an app outside a Project);
 *   <li>rate limit: 100 posts per 15 minutes per user (window from the first post), headers
 *       {@code x-rate-limit-limit/-remaining/-reset} (epoch seconds) on each post answer; 429
 *       {@code {"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}}.
 * </ul>
 * Thread-safe.
 */
public final class MockX extends MockService {
    /** The OAuth 1.0a consumer key a default fake accepts. */
    public static final String DEFAULT_CONSUMER_KEY = "x-consumer-key";
    /** Its consumer secret. */
    public static final String DEFAULT_CONSUMER_SECRET = "x-consumer-secret";
    /** The OAuth 1.0a access token a default fake accepts. */
    public static final String DEFAULT_ACCESS_TOKEN = "1500000000000000001-x-access-token";
    /** Its token secret. */
    public static final String DEFAULT_ACCESS_TOKEN_SECRET = "x-access-token-secret";
    /** The OAuth 2.0 user token a default fake accepts, for the same user. */
    public static final String DEFAULT_BEARER_TOKEN = "x-oauth2-user-token";
    /** The user behind the default credentials. */
    public static final String DEFAULT_USER_ID = "1500000000000000001";
    /** The OAuth 2.0 refresh token a default fake accepts once (X rotates it on every use). */
    public static final String DEFAULT_REFRESH_TOKEN = "x-refresh-token-0";
    /** The OAuth 2.0 client id a default fake knows. */
    public static final String DEFAULT_CLIENT_ID = "x-client-id";
    /** That user's handle. */
    public static final String DEFAULT_USERNAME = "meridianledger";

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern OAUTH_PARAM = Pattern.compile("([a-z_]+)=\"([^\"]*)\"");
    private static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);
    /** How long an access token from the token endpoint works: X's two hours ({@code expires_in: 7200}). */
    public static final Duration ACCESS_LIFETIME = Duration.ofHours(2);

    private final Map<String, String> bearerTokens = new ConcurrentHashMap<>();
    private final Map<String, Instant> bearerExpiry = new ConcurrentHashMap<>(); // issued token -> end of its two hours
    private final Map<String, String> accessTokens = new ConcurrentHashMap<>(); // token -> user id
    private final Map<String, String> tokenSecrets = new ConcurrentHashMap<>();
    private final String consumerKey;
    private final String consumerSecret;
    private final Map<String, String> usernames = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>(); // refresh token -> user id
    private final AtomicLong tokenSerial = new AtomicLong();
    private final List<XPost> posts = new ArrayList<>();
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();
    private final FixedWindow postWindow;
    private final AtomicLong lastId = new AtomicLong(1_860_000_000_000_000_000L);
    private volatile boolean creditsDepleted;
    private volatile boolean clientNotEnrolled;

    private MockX(Builder b) {
        super(b.clock, b.keepRequests);
        this.consumerKey = b.consumerKey;
        this.consumerSecret = b.consumerSecret;
        bearerTokens.put(DEFAULT_BEARER_TOKEN, DEFAULT_USER_ID);
        accessTokens.put(DEFAULT_ACCESS_TOKEN, DEFAULT_USER_ID);
        tokenSecrets.put(DEFAULT_ACCESS_TOKEN, DEFAULT_ACCESS_TOKEN_SECRET);
        usernames.put(DEFAULT_USER_ID, DEFAULT_USERNAME);
        refreshTokens.put(DEFAULT_REFRESH_TOKEN, DEFAULT_USER_ID);
        this.postWindow = new FixedWindow(b.postLimit, b.postPeriod, false, b.clock);
    }

    /** A fake with the default credentials and the system clock (not started). */
    public MockX() {
        this(builder());
    }

    /** A builder for a fake with other settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts listening on a free loopback port; idempotent. */
    public MockX start() {
        startServer();
        return this;
    }

    /** {@code x}. */
    @Override
    public String network() {
        return XSyndicator.NETWORK;
    }

    /** Makes {@code token} (an OAuth 2.0 or OAuth 1.0a access token) invalid from now on, as when the user revokes the app. */
    public void revokeToken(String token) {
        bearerTokens.remove(token);
        accessTokens.remove(token);
    }

    /** From now on every post is refused with 402 {@code CreditsDepleted}. */
    public void depleteCredits() {
        creditsDepleted = true;
    }

    /** From now on every request is refused with 403 {@code client-not-enrolled}, as for an app outside a Project. */
    public void unenrollClient() {
        clientNotEnrolled = true;
    }

    /** Uses up the default user's 15-minute post window. */
    public void exhaustPostRateLimit() {
        postWindow.exhaust(DEFAULT_USER_ID);
    }

    /** The posts created, oldest first. */
    public List<XPost> posts() {
        synchronized (posts) {
            return List.copyOf(posts);
        }
    }

    /** How many posts were created. */
    public int postCount() {
        synchronized (posts) {
            return posts.size();
        }
    }

    /** The post with this id. */
    public Optional<XPost> post(String id) {
        return posts().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The refresh tokens that would be accepted now (each is good once). */
    public java.util.Set<String> refreshTokens() {
        return java.util.Set.copyOf(refreshTokens.keySet());
    }

    @Override
    MockResponse handle(RecordedRequest request) {
        if ("POST".equals(request.getMethod()) && request.getUrl().encodedPath().equals("/2/oauth2/token")) return token(request);
        if (clientNotEnrolled) return clientForbidden();
        String user = authenticate(request);
        if (user == null) return problem(401, "Unauthorized", "Unauthorized", "about:blank").build();
        String path = request.getUrl().encodedPath();
        String method = request.getMethod();
        if ("POST".equals(method) && path.equals("/2/tweets")) return create(request, user);
        if ("GET".equals(method) && path.equals("/2/users/me")) {
            return json(200, Map.of("data", Map.of("id", user, "name", "The Meridian Ledger", "username", usernames.get(user)))).build();
        }
        Matcher m = Pattern.compile("/2/users/(\\d+)/tweets").matcher(path);
        if ("GET".equals(method) && m.matches()) return timeline(request, m.group(1));
        return problem(404, "Not Found Error", "Could not find resource " + path, "https://api.twitter.com/2/problems/resource-not-found").build();
    }

    /** {@code grant_type=refresh_token}: a new access token and a new refresh token; the one used dies. */
    private MockResponse token(RecordedRequest request) {
        Map<String, String> form = new java.util.HashMap<>();
        for (String pair : new String(body(request), StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) form.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
        if (!"refresh_token".equals(form.get("grant_type")) || !DEFAULT_CLIENT_ID.equals(form.get("client_id"))) {
            return json(400, orderedMap("error", "invalid_request", "error_description", "Missing required parameter [grant_type].")).build();
        }
        String user = refreshTokens.remove(form.getOrDefault("refresh_token", ""));
        if (user == null) return json(400, orderedMap("error", "invalid_request", "error_description", "Value passed for the token was invalid.")).build();
        long n = tokenSerial.incrementAndGet();
        String access = "x-oauth2-access-" + n;
        String refresh = "x-refresh-token-" + n;
        bearerTokens.put(access, user);
        bearerExpiry.put(access, clock.instant().plus(ACCESS_LIFETIME));
        refreshTokens.put(refresh, user);
        Map<String, Object> body = orderedMap("token_type", "bearer", "expires_in", ACCESS_LIFETIME.toSeconds(), "access_token", access);
        body.put("scope", "tweet.write users.read tweet.read offline.access");
        body.put("refresh_token", refresh);
        return json(200, body).build();
    }

    private MockResponse create(RecordedRequest request, String user) {
        if (creditsDepleted) {
            return json(402, orderedMap("title", "CreditsDepleted", "detail",
                    "Your enrolled account [" + user + "] does not have any credits to fulfill this request.", "type",
                    "https://api.twitter.com/2/problems/credits")).build();
        }
        JsonNode body;
        try {
            body = JSON.readTree(body(request));
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.path("text").isTextual() || body.path("text").asText().isEmpty()) {
            return invalid("text", "The `text` field is required when `media` or `poll` is not present.");
        }
        String text = body.path("text").asText();
        if (weightedLength(text) > 280) return invalid("text", "The text of your Tweet is too long.");
        synchronized (posts) {
            for (XPost p : posts) {
                if (p.authorId().equals(user) && p.text().equals(text)) {
                    return problem(403, "Forbidden", "You are not allowed to create a Tweet with duplicate content.", "about:blank").build();
                }
            }
            FixedWindow.Status window = postWindow.consume(user, 1);
            if (!window.allowed()) return limits(problem(429, "Too Many Requests", "Too Many Requests", "about:blank"), window).build();
            List<String> urls = new ArrayList<>();
            Matcher m = URL.matcher(text);
            while (m.find()) urls.add(trim(m.group()));
            XPost post = new XPost(Long.toString(lastId.addAndGet(4_096_001)), user, text, urls, clock.instant());
            posts.add(post);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("edit_history_tweet_ids", List.of(post.id()));
            data.put("id", post.id());
            data.put("text", shortened(post));
            return limits(json(201, Map.of("data", data)), window).build();
        }
    }

    private MockResponse timeline(RecordedRequest request, String userId) {
        int max = 10;
        String maxParam = request.getUrl().queryParameter("max_results");
        if (maxParam != null) {
            try {
                max = Integer.parseInt(maxParam);
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max < 5 || max > 100) return invalid("max_results", "The `max_results` query parameter value [" + maxParam + "] is not between 5 and 100");
        }
        String fields = request.getUrl().queryParameter("tweet.fields");
        boolean entities = fields != null && List.of(fields.split(",")).contains("entities");
        List<XPost> mine = new ArrayList<>();
        synchronized (posts) {
            for (int i = posts.size() - 1; i >= 0 && mine.size() < max; i--) if (posts.get(i).authorId().equals(userId)) mine.add(posts.get(i));
        }
        List<Map<String, Object>> data = new ArrayList<>();
        for (XPost p : mine) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("edit_history_tweet_ids", List.of(p.id()));
            t.put("id", p.id());
            t.put("text", shortened(p));
            if (entities && !p.urls().isEmpty()) {
                List<Map<String, Object>> urls = new ArrayList<>();
                for (String u : p.urls()) urls.add(orderedMap("url", tco(p, u), "expanded_url", u, "display_url", display(u)));
                t.put("entities", Map.of("urls", urls));
            }
            data.add(t);
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("result_count", data.size());
        if (!mine.isEmpty()) {
            meta.put("newest_id", mine.get(0).id());
            meta.put("oldest_id", mine.get(mine.size() - 1).id());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (!data.isEmpty()) out.put("data", data);
        out.put("meta", meta);
        return json(200, out).build();
    }

    /** The user id the request's credentials stand for, or null. */
    private String authenticate(RecordedRequest request) {
        String auth = header(request, "Authorization");
        if (auth == null) return null;
        String bearer = bearer(request);
        if (bearer != null) {
            Instant expires = bearerExpiry.get(bearer);
            return expires != null && !clock.instant().isBefore(expires) ? null : bearerTokens.get(bearer);
        }
        if (!auth.startsWith("OAuth ")) return null;
        Map<String, String> oauth = new TreeMap<>();
        Matcher m = OAUTH_PARAM.matcher(auth.substring(6));
        while (m.find()) oauth.put(decode(m.group(1)), decode(m.group(2)));
        String token = oauth.get("oauth_token");
        String user = token == null ? null : accessTokens.get(token);
        if (user == null || !consumerKey.equals(oauth.get("oauth_consumer_key")) || !"HMAC-SHA1".equals(oauth.get("oauth_signature_method"))) return null;
        long timestamp;
        try {
            timestamp = Long.parseLong(oauth.getOrDefault("oauth_timestamp", ""));
        } catch (NumberFormatException e) {
            return null;
        }
        if (Math.abs(clock.instant().getEpochSecond() - timestamp) > TIMESTAMP_TOLERANCE.toSeconds()) return null;
        String signature = oauth.remove("oauth_signature");
        if (signature == null) return null;
        List<String[]> params = new ArrayList<>();
        oauth.forEach((k, v) -> params.add(new String[] {k, v}));
        String query = request.getUrl().encodedQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                params.add(new String[] {decode(eq < 0 ? pair : pair.substring(0, eq)), decode(eq < 0 ? "" : pair.substring(eq + 1))});
            }
        }
        List<String> encoded = new ArrayList<>();
        for (String[] p : params) encoded.add(percent(p[0]) + "=" + percent(p[1]));
        encoded.sort(null);
        String baseUrl = "http://" + request.getUrl().host() + ":" + request.getUrl().port() + request.getUrl().encodedPath();
        String base = request.getMethod() + "&" + percent(baseUrl) + "&" + percent(String.join("&", encoded));
        String expected = hmacSha1(percent(consumerSecret) + "&" + percent(tokenSecrets.get(token)), base);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) return null;
        // A nonce is good once: a replayed request is refused like a forged one.
        if (!nonces.add(oauth.get("oauth_nonce") + "/" + timestamp)) return null;
        return user;
    }

    private static String hmacSha1(String key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 3986 unreserved kept, the rest %XX: the form encoder, corrected for its three differences. */
    private static String percent(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /**
     * twitter-text v3's weighted length, written independently of Herald's counter: walk the NFC
     * code points; an emoji and what joins it (ZWJ, variation selectors, skin tones, tags, a second
     * regional indicator, a keycap) weighs 2 once; other code points 1 in the light ranges, else 2;
     * every URL 23. Public so a test can hold a client's counter against it.
     */
    public static int weightedLength(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        Matcher m = URL.matcher(nfc);
        StringBuilder rest = new StringBuilder();
        int urls = 0;
        int last = 0;
        while (m.find()) {
            String url = trim(m.group());
            rest.append(nfc, last, m.start());
            last = m.start() + url.length();
            urls++;
        }
        rest.append(nfc.substring(last));
        int weight = urls * 23;
        int[] cps = rest.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            boolean keycap = i + 1 < cps.length && (cps[i + 1] == 0x20E3 || (cps[i + 1] == 0xFE0F && i + 2 < cps.length && cps[i + 2] == 0x20E3));
            if (pictograph(cp) || keycap || (i + 1 < cps.length && cps[i + 1] == 0xFE0F)) {
                weight += 2;
                boolean flag = cp >= 0x1F1E6 && cp <= 0x1F1FF;
                if (flag && i + 1 < cps.length && cps[i + 1] >= 0x1F1E6 && cps[i + 1] <= 0x1F1FF) i++;
                while (i + 1 < cps.length && joins(cps[i + 1])) {
                    i++;
                    if (cps[i] == 0x200D && i + 1 < cps.length) i++; // the joined pictograph
                }
                continue;
            }
            boolean light = cp <= 0x10FF || (cp >= 0x2000 && cp <= 0x200D) || (cp >= 0x2010 && cp <= 0x201F) || (cp >= 0x2032 && cp <= 0x2037);
            weight += light ? 1 : 2;
        }
        return weight;
    }

    private static boolean pictograph(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x2300 && cp <= 0x23FF) || (cp >= 0x2B00 && cp <= 0x2BFF);
    }

    private static boolean joins(int cp) {
        return cp == 0x200D || cp == 0xFE0F || cp == 0x20E3 || (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0020 && cp <= 0xE007F);
    }

    private static String trim(String url) {
        int end = url.length();
        while (end > 0 && ".,;:!?'\")]}…".indexOf(url.charAt(end - 1)) >= 0) {
            // twitter-text keeps a closing parenthesis that balances one in the path: /wiki/Iran_(country)
            if (url.charAt(end - 1) == ')' && url.substring(0, end).chars().filter(c -> c == '(').count() >= url.substring(0, end).chars().filter(c -> c == ')').count()) break;
            end--;
        }
        return url.substring(0, end);
    }

    private String shortened(XPost p) {
        String out = p.text();
        for (String u : p.urls()) out = out.replace(u, tco(p, u));
        return out;
    }

    private static String tco(XPost p, String url) {
        return "https://t.co/" + Integer.toHexString((p.id() + url).hashCode() & 0x7fffffff);
    }

    private static String display(String url) {
        String d = url.replaceFirst("^https?://(www\\.)?", "");
        return d.length() > 26 ? d.substring(0, 25) + "…" : d;
    }

    private static MockResponse.Builder limits(MockResponse.Builder r, FixedWindow.Status w) {
        return r.setHeader("x-rate-limit-limit", Integer.toString(w.limit()))
                .setHeader("x-rate-limit-remaining", Integer.toString(w.remaining()))
                .setHeader("x-rate-limit-reset", Long.toString(w.reset().getEpochSecond()));
    }

    private static MockResponse.Builder problem(int status, String title, String detail, String type) {
        Map<String, Object> body = orderedMap("title", title, "detail", detail, "type", type);
        body.put("status", status);
        return json(status, body).setHeader("Content-Type", "application/problem+json");
    }

    private static MockResponse invalid(String parameter, String message) {
        Map<String, Object> error = orderedMap("parameters", Map.of(parameter, List.of()), "message", message);
        Map<String, Object> body = orderedMap("errors", List.of(error), "title", "Invalid Request", "detail",
                "One or more parameters to your request was invalid.");
        body.put("type", "https://api.twitter.com/2/problems/invalid-request");
        return json(400, body).build();
    }

    private MockResponse clientForbidden() {
        Map<String, Object> body = orderedMap("client_id", "29000001", "detail",
                "When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project. You can create a project via the developer portal.",
                "registration_url", "https://developer.twitter.com/en/docs/projects/overview");
        body.put("title", "Client Forbidden");
        body.put("required_enrollment", "Appropriate Level of API Access");
        body.put("reason", "client-not-enrolled");
        body.put("type", "https://api.twitter.com/2/problems/client-forbidden");
        return json(403, body).build();
    }

    private static Map<String, Object> orderedMap(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    @Override
    MockResponse faultResponse(Fault fault, RecordedRequest request) {
        switch (fault.kind()) {
            case UNAUTHORIZED:
                return problem(401, "Unauthorized", "Unauthorized", "about:blank").build();
            case RATE_LIMITED:
                return problem(429, "Too Many Requests", "Too Many Requests", "about:blank")
                        .setHeader("x-rate-limit-limit", Integer.toString(postWindow.limit()))
                        .setHeader("x-rate-limit-remaining", "0")
                        .setHeader("x-rate-limit-reset", Long.toString(clock.instant().plus(fault.duration()).getEpochSecond()))
                        .build();
            default:
                return problem(fault.status(), fault.status() == 503 ? "Service Unavailable" : "Internal Server Error",
                        fault.status() == 503 ? "Service Unavailable" : "Internal Server Error", "about:blank").build();
        }
    }

    @Override
    MockResponse internalError(RecordedRequest request) {
        return problem(500, "Internal Server Error", "Internal Server Error", "about:blank").build();
    }

    /** Settings for a {@link MockX}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private String consumerKey = DEFAULT_CONSUMER_KEY;
        private String consumerSecret = DEFAULT_CONSUMER_SECRET;
        private int postLimit = 100;
        private Duration postPeriod = Duration.ofMinutes(15);
        private int keepRequests = 1_000;

        private Builder() {}

        /** The clock for OAuth timestamps, rate-limit windows and post times. */
        public Builder clock(Clock clock) {
            this.clock = Validate.notNull(clock, "clock");
            return this;
        }

        /** The app's OAuth 1.0a consumer key and secret. */
        public Builder consumer(String key, String secret) {
            this.consumerKey = Validate.notBlank(key, "key");
            this.consumerSecret = Validate.notBlank(secret, "secret");
            return this;
        }

        /** The per-user post limit; 100 per 15 minutes by default. */
        public Builder postRateLimit(int limit, Duration period) {
            this.postLimit = limit;
            this.postPeriod = Validate.notNull(period, "period");
            return this;
        }

        /** How many recent raw requests to keep; 1,000 by default. */
        public Builder keepRequests(int count) {
            Validate.isTrue(count >= 0, "count", "must not be negative");
            this.keepRequests = count;
            return this;
        }

        /** Builds the fake (not started). */
        public MockX build() {
            return new MockX(this);
        }

        /** Builds and starts the fake. */
        public MockX start() {
            return build().start();
        }
    }
}
