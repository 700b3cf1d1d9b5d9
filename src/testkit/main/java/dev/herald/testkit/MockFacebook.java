package dev.herald.testkit;

import dev.herald.internal.Validate;
import dev.herald.syndication.facebook.FacebookSyndicator;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * The Graph API for one Facebook Page, as a publisher's client uses it: publish to the Page's feed,
 * list its recent posts, read the token's own node.
 *
 * <p>Endpoints (any version {@code vNN.N} in the path; others → 400 code 2635):
 * {@code POST /{version}/{page}/feed} (form fields {@code message}, {@code link}) →
 * {@code {"id":"<page>_<post>"}}; {@code GET /{version}/{page}/posts} (with
 * {@code attachments{unshimmed_url,url}}, newest first); {@code GET /{version}/me}. The token is read
 * from {@code Authorization: Bearer}, the {@code access_token} form field or query parameter.
 *
 * <p>Errors are the Graph error object {@code {"error":{message, type, code, error_subcode,
 * fbtrace_id}}} with HTTP 400 (500 for code 1), per developers.facebook.com's error-handling guide:
 * no token → 2500; an unknown token → 190 "Invalid OAuth access token - Cannot parse access token";
 * {@link #expireToken} → 190/463 "Session has expired"; neither message nor link → 100; the same
 * message as a Page post → 506 "Duplicate status message"; {@link #blockPosting} → 368;
 * {@link #refuseLinks} → 100/1609005. Every answer carries {@code X-Business-Use-Case-Usage}; the
 * rate-limit fault answers code 80001 with {@code estimated_time_to_regain_access} (minutes,
 * rounded up) set from the fault's duration. Thread-safe.
 */
public final class MockFacebook extends MockService {
    /** The Page a default fake hosts. */
    public static final String DEFAULT_PAGE_ID = "1050000000000001";
    /** Its Page access token. */
    public static final String DEFAULT_PAGE_TOKEN = "fb-page-token-EAAG";
    /** Its name. */
    public static final String DEFAULT_PAGE_NAME = "The Meridian Ledger";
    /** A second Page the signing-in user manages, so a sign-in has a choice to make. */
    public static final String SECOND_PAGE_ID = "1050000000000002";
    /** The app's id a default fake knows. */
    public static final String DEFAULT_APP_ID = "fb-app-1234567890";
    /** Its app secret. */
    public static final String DEFAULT_APP_SECRET = "fb-app-secret";

    private static final Pattern VERSIONED = Pattern.compile("/(v\\d+\\.\\d+)/(.+)");
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(ZoneOffset.UTC);

    private final Map<String, String> tokens = new ConcurrentHashMap<>(); // token -> page id
    private final Map<String, Boolean> userTokens = new ConcurrentHashMap<>(); // user token -> long-lived?
    private final Map<String, String> codes = new ConcurrentHashMap<>(); // code -> redirect
    private final AtomicLong oauthSerial = new AtomicLong();
    private final Map<String, Integer> expired = new ConcurrentHashMap<>(); // token -> subcode
    private final List<FacebookPagePost> posts = new ArrayList<>();
    private final AtomicLong lastId = new AtomicLong(122_100_000_000_000_000L);
    private volatile boolean blocked;
    private volatile boolean postingWithdrawn;
    private volatile boolean linksRefused;

    private MockFacebook(Builder b) {
        super(b.clock, b.keepRequests);
        tokens.put(DEFAULT_PAGE_TOKEN, DEFAULT_PAGE_ID);
    }

    /** A fake Page with the defaults and the system clock (not started). */
    public MockFacebook() {
        this(builder());
    }

    /** A builder for a fake with other settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts listening on a free loopback port; idempotent. */
    public MockFacebook start() {
        startServer();
        return this;
    }

    /** {@code facebook}. */
    @Override
    public String network() {
        return FacebookSyndicator.NETWORK;
    }

    /** Accepts {@code token} as a Page token of {@code pageId} from now on (a token a test obtained elsewhere, as after a new sign-in). */
    public void addPageToken(String token, String pageId) {
        tokens.put(Validate.notBlank(token, "token"), Validate.notBlank(pageId, "pageId"));
    }

    /** Makes {@code token} expired (190, subcode 463) from now on. */
    public void expireToken(String token) {
        expired.put(Validate.notNull(token, "token"), 463);
    }

    /** Makes every post refused as a policy block (368) from now on. */
    public void blockPosting() {
        blocked = true;
    }

    /**
     * Takes {@code pages_manage_posts} away from every token from now on, as when the manager removes
     * it in the app's settings: posting answers Graph's permission error (200), reading still works.
     */
    public void withdrawPostingPermission() {
        postingWithdrawn = true;
    }

    /** Makes every post with a link refused as unfetchable (100/1609005) from now on. */
    public void refuseLinks() {
        linksRefused = true;
    }

    /** The posts published, oldest first. */
    public List<FacebookPagePost> posts() {
        synchronized (posts) {
            return List.copyOf(posts);
        }
    }

    /** How many posts were published. */
    public int postCount() {
        return posts().size();
    }

    /** The post with this id. */
    public Optional<FacebookPagePost> post(String id) {
        return posts().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * Facebook Login as a Page's manager goes through it: {@code /{v}/dialog/oauth} redirects with a
     * code; {@code /{v}/oauth/access_token} trades the code (with the app secret) for a short-lived
     * user token, and that ({@code grant_type=fb_exchange_token}) for a long-lived one;
     * {@code /{v}/me/accounts} with a long-lived user token lists the two Pages the user manages,
     * each with a Page token that does not expire.
     */
    private MockResponse oauth(String path, RecordedRequest request) {
        var url = request.getUrl();
        if (path.equals("dialog/oauth")) {
            String redirect = url.queryParameter("redirect_uri");
            String scope = url.queryParameter("scope");
            if (redirect == null || !DEFAULT_APP_ID.equals(url.queryParameter("client_id")) || scope == null || !scope.contains("pages_manage_posts")) {
                return error(400, "Invalid App ID", "OAuthException", 101, 0).build();
            }
            String code = "AQfb-code-" + oauthSerial.incrementAndGet();
            codes.put(code, redirect);
            String state = url.queryParameter("state");
            return new MockResponse.Builder().code(302).addHeader("Location", redirect + (redirect.contains("?") ? "&" : "?") + "code="
                    + java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8)
                    + (state == null ? "" : "&state=" + java.net.URLEncoder.encode(state, java.nio.charset.StandardCharsets.UTF_8)) + "#_=_").build();
        }
        if (!DEFAULT_APP_ID.equals(url.queryParameter("client_id")) || !DEFAULT_APP_SECRET.equals(url.queryParameter("client_secret"))) {
            return error(400, "Error validating client secret.", "OAuthException", 1, 0).build();
        }
        String issued;
        long expires;
        if ("fb_exchange_token".equals(url.queryParameter("grant_type"))) {
            if (!Boolean.FALSE.equals(userTokens.get(String.valueOf(url.queryParameter("fb_exchange_token"))))) {
                return error(400, "Invalid OAuth access token - Cannot parse access token", "OAuthException", 190, 0).build();
            }
            issued = "EAAfb-user-long-" + oauthSerial.incrementAndGet();
            userTokens.put(issued, true);
            expires = 5_183_944;
        } else {
            String redirect = codes.remove(String.valueOf(url.queryParameter("code")));
            if (redirect == null || !redirect.equals(url.queryParameter("redirect_uri"))) {
                return error(400, "Invalid verification code format.", "OAuthException", 100, 36008).build();
            }
            issued = "EAAfb-user-short-" + oauthSerial.incrementAndGet();
            userTokens.put(issued, false);
            expires = 3_600;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issued);
        body.put("token_type", "bearer");
        body.put("expires_in", expires);
        return json(200, body).build();
    }

    private MockResponse pagesOf(String userToken) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (String[] p : List.of(new String[] {DEFAULT_PAGE_ID, DEFAULT_PAGE_NAME}, new String[] {SECOND_PAGE_ID, "Ledger Sport"})) {
            // A long-lived user token yields Page tokens without an expiry; the fake always yields long-lived ones.
            String pageToken = "EAAfb-page-" + p[0] + "-" + oauthSerial.incrementAndGet();
            tokens.put(pageToken, p[0]);
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("access_token", pageToken);
            page.put("category", "Newspaper");
            page.put("name", p[1]);
            page.put("id", p[0]);
            page.put("tasks", List.of("ANALYZE", "ADVERTISE", "MODERATE", "CREATE_CONTENT", "MANAGE"));
            data.add(page);
        }
        return json(200, Map.of("data", data, "paging", Map.of("cursors", Map.of("before", "QVFI", "after", "QVFI")))).build();
    }

    @Override
    MockResponse handle(RecordedRequest request) {
        Matcher m = VERSIONED.matcher(request.getUrl().encodedPath());
        if (!m.matches()) return error(400, "Unknown path components: " + request.getUrl().encodedPath(), "OAuthException", 2500, 0).build();
        String path = m.group(2);
        if ("GET".equals(request.getMethod()) && (path.equals("dialog/oauth") || path.equals("oauth/access_token"))) return oauth(path, request);
        String user = bearer(request) != null ? bearer(request) : request.getUrl().queryParameter("access_token");
        if (user != null && userTokens.containsKey(user) && "GET".equals(request.getMethod()) && path.equals("me/accounts")) {
            return userTokens.get(user) ? pagesOf(user) : error(400, "(#200) The user must use a long-lived token here in this fake", "OAuthException", 200, 0).build();
        }
        Map<String, String> form = form(request);
        String token = bearer(request);
        if (token == null) token = form.get("access_token");
        if (token == null) token = request.getUrl().queryParameter("access_token");
        if (token == null) return error(400, "An active access token must be used to query information about the current user.", "OAuthException", 2500, 0).build();
        Integer subcode = expired.get(token);
        if (subcode != null) {
            return error(400, "Error validating access token: Session has expired on Monday, 07-Dec-26 10:00:00 PST. The current time is "
                    + GRAPH_TIME.format(clock.instant()) + ".", "OAuthException", 190, subcode).build();
        }
        String page = tokens.get(token);
        if (page == null) return error(400, "Invalid OAuth access token - Cannot parse access token", "OAuthException", 190, 0).build();
        String method = request.getMethod();
        if ("GET".equals(method) && path.equals("me")) return usage(json(200, Map.of("id", page, "name", DEFAULT_PAGE_NAME)), 0).build();
        if ("POST".equals(method) && path.equals(page + "/feed")) return publish(page, form);
        if ("GET".equals(method) && (path.equals(page + "/posts") || path.equals(page + "/feed"))) return list(page, request);
        return error(400, "Unsupported " + method.toLowerCase() + " request. Object with ID '" + path.split("/")[0]
                + "' does not exist, cannot be loaded due to missing permissions, or does not support this operation.", "GraphMethodException", 100, 33).build();
    }

    private MockResponse publish(String page, Map<String, String> form) {
        String message = form.getOrDefault("message", "");
        String link = form.get("link");
        if (message.isBlank() && (link == null || link.isBlank())) {
            return error(400, "(#100) The parameter message or link is required", "OAuthException", 100, 0).build();
        }
        if (message.codePointCount(0, message.length()) > 63_206) {
            return error(400, "(#100) The message is too long", "OAuthException", 100, 0).build();
        }
        if (postingWithdrawn) {
            return error(400, "(#200) The user hasn't authorized the application to perform this action", "OAuthException", 200, 0).build();
        }
        if (blocked) {
            return error(400, "It looks like you were misusing this feature by going too fast. You've been temporarily blocked from using it.",
                    "OAuthException", 368, 1390008).build();
        }
        if (linksRefused && link != null) {
            return error(400, "(#100) Error: Link could not be fetched", "OAuthException", 100, 1609005).build();
        }
        synchronized (posts) {
            for (FacebookPagePost p : posts) {
                if (p.page().equals(page) && !message.isBlank() && p.message().equals(message)) {
                    return error(400, "Duplicate status message", "OAuthException", 506, 1455006).build();
                }
            }
            FacebookPagePost post = new FacebookPagePost(page + "_" + lastId.addAndGet(7_919), page, message, link, clock.instant());
            posts.add(post);
            return usage(json(200, Map.of("id", post.id())), 0).build();
        }
    }

    private MockResponse list(String page, RecordedRequest request) {
        int limit = 25;
        String l = request.getUrl().queryParameter("limit");
        if (l != null) {
            try {
                limit = Math.max(1, Math.min(100, Integer.parseInt(l)));
            } catch (NumberFormatException e) {
                return error(400, "(#100) Param limit must be a number", "OAuthException", 100, 0).build();
            }
        }
        String fields = request.getUrl().queryParameter("fields");
        boolean attachments = fields != null && fields.contains("attachments");
        List<Map<String, Object>> data = new ArrayList<>();
        synchronized (posts) {
            for (int i = posts.size() - 1; i >= 0 && data.size() < limit; i--) {
                FacebookPagePost p = posts.get(i);
                if (!p.page().equals(page)) continue;
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("id", p.id());
                d.put("created_time", GRAPH_TIME.format(p.createdAt()));
                d.put("permalink_url", "https://www.facebook.com/" + p.page() + "/posts/" + p.id().substring(p.id().indexOf('_') + 1));
                if (!p.message().isEmpty()) d.put("message", p.message());
                if (attachments && p.link() != null) {
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put("unshimmed_url", p.link());
                    a.put("url", "https://l.facebook.com/l.php?u=" + URLEncoder.encode(p.link(), StandardCharsets.UTF_8) + "&h=AT0");
                    a.put("type", "share");
                    d.put("attachments", Map.of("data", List.of(a)));
                }
                data.add(d);
            }
        }
        return usage(json(200, Map.of("data", data)), 0).build();
    }

    private static Map<String, String> form(RecordedRequest request) {
        Map<String, String> out = new HashMap<>();
        String type = header(request, "Content-Type");
        if (type == null || !type.startsWith("application/x-www-form-urlencoded")) return out;
        String body = new String(body(request), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private MockResponse.Builder usage(MockResponse.Builder r, long regainMinutes) {
        int pct = regainMinutes > 0 ? 100 : 1;
        return r.setHeader("X-Business-Use-Case-Usage", "{\"" + DEFAULT_PAGE_ID + "\":[{\"type\":\"pages\",\"call_count\":" + pct
                + ",\"total_cputime\":" + pct + ",\"total_time\":" + pct + ",\"estimated_time_to_regain_access\":" + regainMinutes + "}]}");
    }

    private MockResponse.Builder error(int status, String message, String type, int code, int subcode) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("message", message);
        e.put("type", type);
        e.put("code", code);
        if (subcode != 0) e.put("error_subcode", subcode);
        e.put("fbtrace_id", "A" + Long.toHexString(lastId.get() ^ clock.millis()).toUpperCase());
        return usage(json(status, Map.of("error", e)), 0).setHeader("WWW-Authenticate", code == 190
                ? "OAuth \"Facebook Platform\" \"invalid_token\" \"" + message.replace("\"", "'") + "\"" : "OAuth \"Facebook Platform\"");
    }

    @Override
    MockResponse faultResponse(Fault fault, RecordedRequest request) {
        switch (fault.kind()) {
            case UNAUTHORIZED:
                return error(400, "Error validating access token: The session has been invalidated because the user changed their password.",
                        "OAuthException", 190, 460).build();
            case RATE_LIMITED:
                long minutes = Math.max(1, (fault.duration().toSeconds() + 59) / 60);
                return usage(error(400, "(#80001) There have been too many calls to this Page account. Wait a bit and try again.",
                        "OAuthException", 80001, 0), minutes).build();
            default:
                if (fault.status() == 500) return error(500, "An unknown error has occurred.", "OAuthException", 1, 0).build();
                return error(fault.status(), "(#2) Service temporarily unavailable", "OAuthException", 2, 0).build();
        }
    }

    @Override
    MockResponse internalError(RecordedRequest request) {
        return error(500, "An unexpected error has occurred. Please retry your request later.", "OAuthException", 2, 0).build();
    }

    /** Settings for a {@link MockFacebook}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private int keepRequests = 1_000;

        private Builder() {}

        /** The clock for post times. */
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
        public MockFacebook build() {
            return new MockFacebook(this);
        }

        /** Builds and starts the fake. */
        public MockFacebook start() {
            return build().start();
        }
    }
}
