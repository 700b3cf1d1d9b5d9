package dev.herald.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.internal.Validate;
import dev.herald.syndication.mastodon.MastodonSyndicator;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A Mastodon server that behaves like the real one for what a publisher's client does: read the
 * instance's limits, post statuses, check a token.
 *
 * <p>Endpoints: {@code GET /api/v2/instance} and {@code /api/v1/instance} (configurable
 * {@code max_characters} and {@code characters_reserved_per_url}), {@code POST /api/v1/statuses}
 * (form-encoded or JSON body, query parameters merged in as Rails does), {@code GET
 * /api/v1/statuses/:id}, {@code GET /api/v1/accounts/verify_credentials}.
 *
 * <p>What it enforces, checked against mastodon/documentation ({@code methods/statuses.md},
 * {@code api/rate-limits.md}) and mastodon/mastodon ({@code config/initializers/rack_attack.rb},
 * {@code app/lib/rate_limiter.rb}):
 * <ul>
 *   <li>{@code Authorization: Bearer <token>}: unknown, missing or revoked → 401
 *       {@code {"error":"The access token is invalid"}}; a token without {@code write:statuses}
 *       (or {@code write}) → 403 {@code {"error":"This action is outside the authorized scopes"}};
 *   <li>{@code status} required (422 {@code Validation failed: Text can't be blank}); length counted
 *       the Mastodon way (see {@code MastodonText}) against {@code max_characters} → 422
 *       {@code Validation failed: Text character limit of 500 exceeded}; {@code visibility} one of
 *       public, unlisted, private, direct → else 422 {@code Validation failed: Visibility is not
 *       included in the list} (wording from Rails' enum validation; not confirmed on a live server);
 *       {@code scheduled_at} at least 5 minutes ahead → a ScheduledStatus, else 422;
 *   <li>{@code Idempotency-Key}: per account, kept one hour (by the fake's clock): the same key
 *       returns the first status again, with no second status created and no rate-limit cost;
 *   <li>rate limits on fake-clock windows aligned to the epoch like Rack::Attack's: every API call
 *       counts against 300 per 5 minutes per token (per client when unauthenticated); each created
 *       status also against 300 per 3 hours per account. {@code X-RateLimit-Limit},
 *       {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} (ISO-8601 with microseconds) are on
 *       every response — for a status creation those of the 3-hour statuses family, as Mastodon's
 *       {@code override_rate_limit_headers} does; exhausted → 429 {@code {"error":"Too many requests"}}.
 * </ul>
 *
 * <p>Not modelled: media, polls, replies, mentions' notifications, multipart bodies (a multipart
 * request is treated as having no parameters). Thread-safe; statuses are kept as small records and
 * rendered to JSON on demand, so 10,000 posts stay cheap.
 */
public final class MockMastodon extends MockService {
    /** The token a default-built fake accepts. */
    public static final String DEFAULT_TOKEN = "mastodon-test-token";
    /** The username behind {@link #DEFAULT_TOKEN}. */
    public static final String DEFAULT_USERNAME = "herald";

    private static final Set<String> VISIBILITIES = Set.of("public", "unlisted", "private", "direct");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final String STATUSES = "/api/v1/statuses";

    private record Token(String username, Set<String> scopes) {}

    private record Stored(String statusId, Instant storedAt) {}

    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final int maxCharacters;
    private final int charactersReservedPerUrl;
    private final Duration idempotencyTtl;
    private final FixedWindow apiWindow;
    private final FixedWindow statusWindow;
    private final String defaultToken;
    private final Map<String, MastodonStatus> byId = new ConcurrentHashMap<>();
    private final List<MastodonStatus> inOrder = new ArrayList<>();
    private final Map<String, Stored> idempotency = new ConcurrentHashMap<>();
    private final Set<String> keysSeen = ConcurrentHashMap.newKeySet();
    private final AtomicLong lastId = new AtomicLong();
    private final AtomicInteger replays = new AtomicInteger();
    private final AtomicInteger validationFailures = new AtomicInteger();
    private final AtomicInteger authFailures = new AtomicInteger();
    private final AtomicInteger rateLimited = new AtomicInteger();

    private MockMastodon(Builder b) {
        super(b.clock, b.keepRequests);
        if (b.tokens.isEmpty()) b.tokens.put(DEFAULT_TOKEN, new Token(DEFAULT_USERNAME, Set.of("read", "write")));
        this.tokens.putAll(b.tokens);
        this.defaultToken = b.tokens.keySet().iterator().next();
        this.maxCharacters = b.maxCharacters;
        this.charactersReservedPerUrl = b.charactersReservedPerUrl;
        this.idempotencyTtl = b.idempotencyTtl;
        this.apiWindow = new FixedWindow(b.apiLimit, b.apiPeriod, true, b.clock);
        this.statusWindow = new FixedWindow(b.statusLimit, b.statusPeriod, true, b.clock);
    }

    /** A fake with the defaults: token {@value #DEFAULT_TOKEN} for @{@value #DEFAULT_USERNAME}, 500 characters, system clock (not started). */
    public MockMastodon() {
        this(builder());
    }

    /** Returns a builder for a fake with non-default settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts listening on a free loopback port and returns this fake; idempotent. */
    public MockMastodon start() {
        startServer();
        return this;
    }

    /** The first configured access token (the default one unless the builder named others). */
    public String accessToken() {
        return defaultToken;
    }

    /** Makes {@code token} invalid from now on, as when a user revokes an app's access. */
    public void revokeToken(String token) {
        tokens.remove(Validate.notNull(token, "token"));
    }

    /** Uses up the 5-minute API window of {@code token}, so its next call gets 429 until the window resets. */
    public void exhaustApiRateLimit(String token) {
        apiWindow.exhaust("token:" + Validate.notNull(token, "token"));
    }

    /** Uses up the 3-hour statuses window of {@code token}'s account, so its next post gets 429. */
    public void exhaustStatusRateLimit(String token) {
        Token t = tokens.get(Validate.notNull(token, "token"));
        Validate.isTrue(t != null, "token", "is not a valid token of this fake");
        statusWindow.exhaust(t.username());
    }

    /** Statuses created (and scheduled), oldest first; an idempotent replay does not add one. */
    public List<MastodonStatus> statuses() {
        synchronized (inOrder) {
            return List.copyOf(inOrder);
        }
    }

    /** The status (or scheduled status) with this id. */
    public Optional<MastodonStatus> status(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** How many statuses were created or scheduled. */
    public int statusCount() {
        return byId.size();
    }

    /** The distinct {@code Idempotency-Key} values received on status creations, successful or not. */
    public Set<String> idempotencyKeys() {
        return Set.copyOf(keysSeen);
    }

    /** How many status creations were answered with an earlier status because of their {@code Idempotency-Key}. */
    public int idempotentReplayCount() {
        return replays.get();
    }

    /** How many status creations failed validation (422). */
    public int validationFailureCount() {
        return validationFailures.get();
    }

    /** How many requests were refused for their token (401, 403), injected failures excluded. */
    public int authFailureCount() {
        return authFailures.get();
    }

    /** How many requests got a real (not injected) 429. */
    public int rateLimitedCount() {
        return rateLimited.get();
    }

    @Override
    MockResponse handle(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String method = request.getMethod();
        String token = bearer(request);
        Token account = token == null ? null : tokens.get(token);
        String limitKey = account != null ? "token:" + token : "anonymous";
        FixedWindow.Status api = apiWindow.consume(limitKey, 1);
        if (!api.allowed()) {
            rateLimited.incrementAndGet();
            return withLimits(json(429, Map.of("error", "Too many requests")), api).build();
        }
        if ("GET".equals(method) && (path.equals("/api/v2/instance") || path.equals("/api/v1/instance"))) {
            return withLimits(json(200, instance(path.startsWith("/api/v2"))), api).build();
        }
        if (!path.startsWith("/api/")) {
            return new MockResponse.Builder().code(404).setHeader("Content-Type", "text/html; charset=utf-8")
                    .body("<!DOCTYPE html><html><body><h1>The page you are looking for isn't here.</h1></body></html>").build();
        }
        if (account == null) {
            authFailures.incrementAndGet();
            return withLimits(json(401, Map.of("error", "The access token is invalid")), api).build();
        }
        if ("POST".equals(method) && path.equals(STATUSES)) {
            if (!hasScope(account, "write:statuses")) return forbidden(api);
            return createStatus(request, account, api);
        }
        if ("GET".equals(method) && path.startsWith(STATUSES + "/")) {
            MastodonStatus s = byId.get(path.substring(STATUSES.length() + 1));
            if (s == null || s.scheduled()) return withLimits(json(404, Map.of("error", "Record not found")), api).build();
            return withLimits(json(200, statusJson(s)), api).build();
        }
        if ("GET".equals(method) && path.equals("/api/v1/accounts/verify_credentials")) {
            if (!hasScope(account, "read:accounts") && !hasScope(account, "profile")) return forbidden(api);
            Map<String, Object> me = accountJson(account.username());
            me.put("source", Map.of("privacy", "public", "sensitive", false, "language", "", "note", "", "fields", List.of()));
            return withLimits(json(200, me), api).build();
        }
        return withLimits(json(404, Map.of("error", "Record not found")), api).build();
    }

    private MockResponse forbidden(FixedWindow.Status api) {
        authFailures.incrementAndGet();
        return withLimits(json(403, Map.of("error", "This action is outside the authorized scopes")), api).build();
    }

    private static boolean hasScope(Token t, String scope) {
        // Mastodon's scopes nest: "write" grants "write:statuses", "read" grants "read:accounts".
        return t.scopes().contains(scope) || t.scopes().contains(scope.substring(0, scope.indexOf(':') < 0 ? scope.length() : scope.indexOf(':')));
    }

    private MockResponse createStatus(RecordedRequest request, Token account, FixedWindow.Status api) {
        String key = header(request, "Idempotency-Key");
        if (key != null) {
            keysSeen.add(key);
            Stored stored = idempotency.get(account.username() + '\n' + key);
            if (stored != null && clock.instant().isBefore(stored.storedAt().plus(idempotencyTtl))) {
                replays.incrementAndGet();
                MastodonStatus first = byId.get(stored.statusId());
                return withLimits(json(200, first.scheduled() ? scheduledJson(first) : statusJson(first)), statusWindow.peek(account.username())).build();
            }
        }
        Map<String, String> p = params(request);
        String text = p.getOrDefault("status", "");
        String spoiler = p.getOrDefault("spoiler_text", "");
        String visibility = p.getOrDefault("visibility", "public");
        if (text.isBlank()) return invalid("Text can't be blank", api);
        if (!VISIBILITIES.contains(visibility)) return invalid("Visibility is not included in the list", api);
        if (MastodonText.length(text, spoiler, charactersReservedPerUrl) > maxCharacters) {
            return invalid("Text character limit of " + maxCharacters + " exceeded", api);
        }
        Instant scheduledAt = null;
        String scheduledParam = p.get("scheduled_at");
        if (scheduledParam != null && !scheduledParam.isBlank()) {
            try {
                scheduledAt = java.time.OffsetDateTime.parse(scheduledParam).toInstant();
            } catch (DateTimeParseException e) {
                return invalid("Scheduled at is invalid", api);
            }
            if (scheduledAt.isBefore(clock.instant().plus(Duration.ofMinutes(5)))) {
                return invalid("Scheduled at The scheduled date must be in the future", api);
            }
        }
        FixedWindow.Status statuses = statusWindow.consume(account.username(), 1);
        if (!statuses.allowed()) {
            rateLimited.incrementAndGet();
            return withLimits(json(429, Map.of("error", "Too many requests")), statuses).build();
        }
        String language = p.get("language");
        language = language != null && language.matches("[A-Za-z]{2,3}") ? language.toLowerCase(Locale.ROOT) : null;
        boolean sensitive = "true".equalsIgnoreCase(p.get("sensitive")) || "1".equals(p.get("sensitive"));
        MastodonStatus created;
        synchronized (inOrder) {
            // Under the lock so that two racing requests with one key create one status.
            if (key != null) {
                Stored stored = idempotency.get(account.username() + '\n' + key);
                if (stored != null && clock.instant().isBefore(stored.storedAt().plus(idempotencyTtl))) {
                    replays.incrementAndGet();
                    MastodonStatus first = byId.get(stored.statusId());
                    return withLimits(json(200, first.scheduled() ? scheduledJson(first) : statusJson(first)), statuses).build();
                }
            }
            String id = nextId();
            String url = scheduledAt == null ? baseUri() + "@" + account.username() + "/" + id : null;
            created = new MastodonStatus(id, account.username(), text, spoiler, visibility, language, sensitive, key,
                    clock.instant(), scheduledAt, url);
            byId.put(id, created);
            inOrder.add(created);
            if (key != null) idempotency.put(account.username() + '\n' + key, new Stored(id, clock.instant()));
        }
        return withLimits(json(200, created.scheduled() ? scheduledJson(created) : statusJson(created)), statuses).build();
    }

    private MockResponse invalid(String message, FixedWindow.Status api) {
        validationFailures.incrementAndGet();
        return withLimits(json(422, Map.of("error", "Validation failed: " + message)), api).build();
    }

    private String nextId() {
        // Mastodon ids are snowflakes: milliseconds shifted left 16 bits plus a sequence.
        long candidate = clock.millis() << 16;
        return Long.toString(lastId.updateAndGet(prev -> Math.max(prev + 1, candidate)));
    }

    private static MockResponse.Builder withLimits(MockResponse.Builder b, FixedWindow.Status s) {
        return b.setHeader("X-RateLimit-Limit", Integer.toString(s.limit()))
                .setHeader("X-RateLimit-Remaining", Integer.toString(s.remaining()))
                .setHeader("X-RateLimit-Reset", MICROS.format(s.reset()));
    }

    private Map<String, String> params(RecordedRequest request) {
        Map<String, String> p = new LinkedHashMap<>();
        String query = request.getUrl().encodedQuery();
        if (query != null) parseForm(query, p);
        String type = header(request, "Content-Type");
        type = type == null ? "" : type.toLowerCase(Locale.ROOT);
        byte[] body = body(request);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            parseForm(new String(body, StandardCharsets.UTF_8), p);
        } else if (type.startsWith("application/json")) {
            try {
                JsonNode root = JSON.readTree(body);
                if (root != null && root.isObject()) {
                    root.fields().forEachRemaining(e -> p.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
                }
            } catch (IOException e) {
                // Rails answers unparseable JSON with 400; the fake treats it as "no parameters", which still fails as 422.
            }
        }
        return p;
    }

    private static void parseForm(String form, Map<String, String> into) {
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            into.put(k, v);
        }
    }

    private Map<String, Object> instance(boolean v2) {
        Map<String, Object> statuses = new LinkedHashMap<>();
        statuses.put("max_characters", maxCharacters);
        statuses.put("max_media_attachments", 4);
        statuses.put("characters_reserved_per_url", charactersReservedPerUrl);
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("statuses", statuses);
        configuration.put("media_attachments", Map.of("image_size_limit", 16_777_216, "video_size_limit", 103_809_024));
        configuration.put("polls", Map.of("max_options", 4, "max_characters_per_option", 50, "min_expiration", 300, "max_expiration", 2_629_746));
        Map<String, Object> i = new LinkedHashMap<>();
        String host = baseUri().getAuthority();
        if (v2) {
            i.put("domain", host);
        } else {
            i.put("uri", host);
        }
        i.put("title", "Herald test kit Mastodon");
        i.put("version", "4.3.0");
        i.put("source_url", "https://github.com/mastodon/mastodon");
        i.put("description", "A fake Mastodon server for tests.");
        i.put("languages", List.of("en"));
        i.put("configuration", configuration);
        i.put("registrations", v2 ? Map.of("enabled", false, "approval_required", false, "message", "") : false);
        if (!v2) i.put("max_toot_chars", maxCharacters);
        return i;
    }

    private Map<String, Object> accountJson(String username) {
        Map<String, Object> a = new LinkedHashMap<>();
        String base = baseUri().toString();
        a.put("id", Long.toString(Math.abs((long) username.hashCode()) + 1));
        a.put("username", username);
        a.put("acct", username);
        a.put("display_name", username);
        a.put("locked", false);
        a.put("bot", false);
        a.put("discoverable", true);
        a.put("group", false);
        a.put("created_at", "2024-01-01T00:00:00.000Z");
        a.put("note", "");
        a.put("url", base + "@" + username);
        a.put("avatar", base + "avatars/original/missing.png");
        a.put("avatar_static", base + "avatars/original/missing.png");
        a.put("header", base + "headers/original/missing.png");
        a.put("header_static", base + "headers/original/missing.png");
        a.put("followers_count", 0);
        a.put("following_count", 0);
        a.put("statuses_count", statusCountOf(username));
        a.put("last_status_at", null);
        a.put("emojis", List.of());
        a.put("fields", List.of());
        return a;
    }

    private long statusCountOf(String username) {
        synchronized (inOrder) {
            return inOrder.stream().filter(s -> s.account().equals(username) && !s.scheduled()).count();
        }
    }

    private Map<String, Object> statusJson(MastodonStatus s) {
        String base = baseUri().toString();
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("id", s.id());
        j.put("created_at", MILLIS.format(s.createdAt()));
        j.put("in_reply_to_id", null);
        j.put("in_reply_to_account_id", null);
        j.put("sensitive", s.sensitive());
        j.put("spoiler_text", s.spoilerText());
        j.put("visibility", s.visibility());
        j.put("language", s.language());
        j.put("uri", base + "users/" + s.account() + "/statuses/" + s.id());
        j.put("url", s.url());
        j.put("replies_count", 0);
        j.put("reblogs_count", 0);
        j.put("favourites_count", 0);
        j.put("edited_at", null);
        j.put("favourited", false);
        j.put("reblogged", false);
        j.put("muted", false);
        j.put("bookmarked", false);
        j.put("pinned", false);
        j.put("content", MastodonText.html(s.text(), base));
        j.put("filtered", List.of());
        j.put("reblog", null);
        j.put("application", Map.of("name", "Herald", "website", "https://herald.dev"));
        Map<String, Object> account = accountJson(s.account());
        j.put("account", account);
        j.put("media_attachments", List.of());
        j.put("mentions", List.of());
        List<Map<String, Object>> tags = new ArrayList<>();
        for (String tag : MastodonText.hashtags(s.text())) tags.add(Map.of("name", tag, "url", base + "tags/" + tag));
        j.put("tags", tags);
        j.put("emojis", List.of());
        j.put("card", null);
        j.put("poll", null);
        return j;
    }

    private Map<String, Object> scheduledJson(MastodonStatus s) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("text", s.text());
        params.put("poll", null);
        params.put("media_ids", null);
        params.put("sensitive", s.sensitive());
        params.put("visibility", s.visibility());
        params.put("idempotency", s.idempotencyKey());
        params.put("scheduled_at", null);
        params.put("spoiler_text", s.spoilerText());
        params.put("application_id", 1);
        params.put("in_reply_to_id", null);
        params.put("language", s.language());
        params.put("with_rate_limit", false);
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("id", s.id());
        j.put("scheduled_at", MILLIS.format(s.scheduledAt()));
        j.put("params", params);
        j.put("media_attachments", List.of());
        return j;
    }

    @Override
    MockResponse faultResponse(Fault fault, RecordedRequest request) {
        FixedWindow.Status api = apiWindow.peek("fault");
        switch (fault.kind()) {
            case UNAUTHORIZED:
                return withLimits(json(401, Map.of("error", "The access token is invalid")), api).build();
            case RATE_LIMITED:
                return json(429, Map.of("error", "Too many requests"))
                        .setHeader("X-RateLimit-Limit", Integer.toString(apiWindow.limit()))
                        .setHeader("X-RateLimit-Remaining", "0")
                        .setHeader("X-RateLimit-Reset", MICROS.format(clock.instant().plus(fault.duration())))
                        .build();
            default:
                return serverError(fault.status());
        }
    }

    private static MockResponse serverError(int status) {
        if (status == 500) {
            return json(500, Map.of("error", "We're sorry, but something went wrong on our end.")).build();
        }
        // 502-504 come from the reverse proxy in front of Puma, as an HTML page.
        String reason = status == 502 ? "Bad Gateway" : status == 503 ? "Service Temporarily Unavailable" : status == 504 ? "Gateway Time-out" : "Error";
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "text/html")
                .body("<html>\r\n<head><title>" + status + " " + reason + "</title></head>\r\n<body>\r\n<center><h1>" + status + " "
                        + reason + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n")
                .build();
    }

    @Override
    MockResponse internalError(RecordedRequest request) {
        return serverError(500);
    }

    /** {@code mastodon}: the network whose syndicator this fake answers. */
    @Override
    public String network() {
        return MastodonSyndicator.NETWORK;
    }

    /** Settings for a {@link MockMastodon}. */
    public static final class Builder {
        private final Map<String, Token> tokens = new LinkedHashMap<>();
        private Clock clock = Clock.systemUTC();
        private int maxCharacters = 500;
        private int charactersReservedPerUrl = 23;
        private int apiLimit = 300;
        private Duration apiPeriod = Duration.ofMinutes(5);
        private int statusLimit = 300;
        private Duration statusPeriod = Duration.ofHours(3);
        private Duration idempotencyTtl = Duration.ofHours(1);
        private int keepRequests = 1_000;

        private Builder() {}

        /** Accepts {@code token} for the account {@code username} with scopes {@code read write}; the first one added is {@link #accessToken()}. */
        public Builder accessToken(String token, String username) {
            return accessToken(token, username, "read", "write");
        }

        /** Accepts {@code token} for {@code username} with exactly these OAuth scopes (e.g. {@code read}, {@code write:statuses}). */
        public Builder accessToken(String token, String username, String... scopes) {
            Validate.notBlank(token, "token");
            Validate.notBlank(username, "username");
            Validate.notNull(scopes, "scopes");
            tokens.put(token, new Token(username, new HashSet<>(List.of(scopes))));
            return this;
        }

        /** The clock for rate-limit windows, idempotency expiry and timestamps (a {@link ManualClock} in tests). */
        public Builder clock(Clock clock) {
            this.clock = Validate.notNull(clock, "clock");
            return this;
        }

        /** The instance's {@code max_characters}; 500 by default. */
        public Builder maxCharacters(int max) {
            Validate.isTrue(max > 0, "max", "must be positive");
            this.maxCharacters = max;
            return this;
        }

        /** The instance's {@code characters_reserved_per_url}; 23 by default. */
        public Builder charactersReservedPerUrl(int reserved) {
            Validate.isTrue(reserved >= 0, "reserved", "must not be negative");
            this.charactersReservedPerUrl = reserved;
            return this;
        }

        /** The per-token API limit; 300 per 5 minutes by default. */
        public Builder apiRateLimit(int limit, Duration period) {
            this.apiLimit = limit;
            this.apiPeriod = Validate.notNull(period, "period");
            return this;
        }

        /** The per-account status creation limit; 300 per 3 hours by default. */
        public Builder statusRateLimit(int limit, Duration period) {
            this.statusLimit = limit;
            this.statusPeriod = Validate.notNull(period, "period");
            return this;
        }

        /** How long an {@code Idempotency-Key} is remembered; one hour by default. */
        public Builder idempotencyTtl(Duration ttl) {
            this.idempotencyTtl = Validate.notNull(ttl, "ttl");
            return this;
        }

        /** How many recent raw requests to keep for {@link #recentRequests()}; 1,000 by default. */
        public Builder keepRequests(int count) {
            Validate.isTrue(count >= 0, "count", "must not be negative");
            this.keepRequests = count;
            return this;
        }

        /** Builds the fake (not yet started). */
        public MockMastodon build() {
            return new MockMastodon(this);
        }

        /** Builds and starts the fake. */
        public MockMastodon start() {
            return build().start();
        }
    }
}
