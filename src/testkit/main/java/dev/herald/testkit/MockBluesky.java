package dev.herald.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.internal.Graphemes;
import dev.herald.internal.Utf8;
import dev.herald.internal.Validate;
import dev.herald.syndication.bluesky.BlueskySyndicator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A Bluesky PDS that behaves like the real one for what a publisher's client does: log in once,
 * refresh the session, upload a thumbnail, create a post with link facets and a link card.
 *
 * <p>XRPC methods: {@code com.atproto.server.createSession}, {@code refreshSession},
 * {@code getSession}, {@code com.atproto.repo.uploadBlob}, {@code createRecord},
 * {@code getRecord}. Errors use the XRPC shape {@code {"error": name, "message": text}}.
 *
 * <p>Checked against bluesky-social/atproto ({@code packages/pds/src/auth-verifier.ts},
 * {@code packages/pds/.../createRecord.ts}, {@code packages/xrpc-server/src/rate-limiter-http.ts},
 * {@code lexicons/app/bsky/feed/post.json}), its issues and docs.bsky.app "Rate Limits":
 * <ul>
 *   <li>wrong identifier or password → 401 {@code AuthenticationRequired} "Invalid identifier or
 *       password"; no bearer token → 401 {@code AuthMissing}; an unknown token → 400
 *       {@code InvalidToken} "Token could not be verified"; a refresh token where an access token
 *       belongs (or the reverse) → 400 {@code InvalidToken} "Bad token scope"; an expired access
 *       token (two hours by the fake's clock) → 400 {@code ExpiredToken} "Token has expired"; a
 *       refresh token already used → 400 {@code ExpiredToken} "Token has been revoked" (the real
 *       PDS allows a short grace period; the fake does not);
 *   <li>post text ≤ 300 graphemes and ≤ 3000 UTF-8 bytes; {@code $type}, {@code text} and
 *       {@code createdAt} (RFC 3339 with a zone) required; {@code langs} at most 3;
 *   <li>facets: integer byte offsets ≥ 0 (lexicon). The fake also rejects, where the real PDS
 *       silently stores a broken link, offsets beyond the text, empty or reversed ranges, and
 *       offsets inside a multi-byte character; with {@link Builder#strictFacets()} a link facet
 *       must span its URI or a visible short form of it (scheme and {@code www.} dropped, optionally
 *       cut and ended with an ellipsis), a tag facet {@code #tag}, a mention {@code @…}, so an
 *       off-by-a-byte bug fails the test;
 *   <li>{@code app.bsky.embed.external} needs {@code uri}, {@code title}, {@code description}; its
 *       {@code thumb} must be a blob this account uploaded ({@code BlobNotFound}), an image
 *       ({@code InvalidMimeType}) of at most 1,000,000 bytes ({@code BlobTooLarge}) — checked at
 *       createRecord time as the PDS does; uploadBlob itself takes up to 5 MiB
 *       ({@code PayloadTooLarge}, 413);
 *   <li>{@code repo} must be the session's DID or handle; an optional {@code rkey} must be valid
 *       record-key syntax; creating a record whose rkey exists answers what the production PDS
 *       answers today, 500 {@code InternalServerError} (bluesky-social/atproto#3718), so a client
 *       that retries with an rkey must look the record up ({@code getRecord}) rather than treat the
 *       500 as transient. A post rkey that is not a TID is rejected by default: the PDS stores it,
 *       but the Bluesky AppView does not show such posts (bluesky-social/social-app#8654); use
 *       {@link Builder#acceptNonTidPostRkeys()} to mirror the PDS exactly;
 *   <li>rate limits (windows start at the first request, as rate-limiter-flexible's do, on the
 *       fake's clock): createSession 30 per 5 minutes and 300 per day per identifier; record writes
 *       3 points each against 5,000 per hour and 35,000 per day per account; 3,000 requests per 5
 *       minutes overall. Every response carries {@code RateLimit-Limit}, {@code RateLimit-Remaining},
 *       {@code RateLimit-Reset} (epoch seconds) and {@code RateLimit-Policy} ({@code limit;w=seconds})
 *       of the tightest limit; 429 {@code RateLimitExceeded} carries these alone, as Bluesky sends it
 *       (no {@code Retry-After}).
 * </ul>
 *
 * <p>Thread-safe. Tests assert "logged in once for N posts" with {@link #sessionCreationCount()}.
 */
public final class MockBluesky extends MockService {
    /** The handle of the default account. */
    public static final String DEFAULT_HANDLE = "herald.test";
    /** The (app) password of the default account. */
    public static final String DEFAULT_PASSWORD = "test-app-pass-word";
    /** The DID of the default account. */
    public static final String DEFAULT_DID = "did:plc:heraldtestkitaccountaaaa";
    /** The largest thumbnail {@code app.bsky.embed.external} accepts, per its lexicon. */
    public static final int MAX_THUMB_BYTES = 1_000_000;

    static final String POST = "app.bsky.feed.post";
    private static final String XRPC = "/xrpc/";
    private static final String ACCESS_SCOPE = "com.atproto.appPass";
    private static final String REFRESH_SCOPE = "com.atproto.refresh";

    private record Account(String handle, String password, String did) {}

    private record Session(String did, boolean refresh, Instant expiresAt) {}

    private static class XrpcError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String error;

        XrpcError(int status, String error, String message) {
            super(message, null, false, false);
            this.status = status;
            this.error = error;
        }
    }

    private final List<Account> accounts;
    private final Duration accessLifetime;
    private final Duration refreshLifetime;
    private final boolean strictFacets;
    private final boolean acceptNonTidPostRkeys;
    private final long uploadLimit;
    private final FixedWindow global;
    private final FixedWindow sessions5m;
    private final FixedWindow sessionsDay;
    private final FixedWindow writesHour;
    private final FixedWindow writesDay;
    private final SecretKeySpec jwtKey;
    private final Map<String, Session> tokens = new ConcurrentHashMap<>();
    private final Map<String, BlueskyBlob> blobs = new ConcurrentHashMap<>();
    private final Map<String, BlueskyPost> postsByUri = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> otherRecords = new ConcurrentHashMap<>();
    private final List<BlueskyPost> inOrder = new ArrayList<>();
    private final AtomicLong lastMicros = new AtomicLong();
    private final AtomicInteger sessionsCreated = new AtomicInteger();
    private final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicInteger uploads = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private final AtomicInteger duplicateRkeys = new AtomicInteger();
    private final AtomicInteger expiredTokenUses = new AtomicInteger();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private final Map<String, AtomicInteger> errorCounts = new ConcurrentHashMap<>();

    private MockBluesky(Builder b) {
        super(b.clock, b.keepRequests);
        this.accounts = b.accounts.isEmpty() ? List.of(new Account(DEFAULT_HANDLE, DEFAULT_PASSWORD, DEFAULT_DID)) : List.copyOf(b.accounts);
        this.accessLifetime = b.accessLifetime;
        this.refreshLifetime = b.refreshLifetime;
        this.strictFacets = b.strictFacets;
        this.acceptNonTidPostRkeys = b.acceptNonTidPostRkeys;
        this.uploadLimit = b.uploadLimit;
        this.global = new FixedWindow(3000, Duration.ofMinutes(5), false, b.clock);
        this.sessions5m = new FixedWindow(30, Duration.ofMinutes(5), false, b.clock);
        this.sessionsDay = new FixedWindow(300, Duration.ofDays(1), false, b.clock);
        this.writesHour = new FixedWindow(b.writePointsPerHour, Duration.ofHours(1), false, b.clock);
        this.writesDay = new FixedWindow(35_000, Duration.ofDays(1), false, b.clock);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.jwtKey = new SecretKeySpec(key, "HmacSHA256");
    }

    /** A fake with the default account ({@value #DEFAULT_HANDLE} / {@value #DEFAULT_PASSWORD}) and the system clock (not started). */
    public MockBluesky() {
        this(builder());
    }

    /** Returns a builder for a fake with non-default settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts listening on a free loopback port and returns this fake; idempotent. */
    public MockBluesky start() {
        startServer();
        return this;
    }

    /** The first account's handle. */
    public String handle() {
        return accounts.get(0).handle();
    }

    /** The first account's password. */
    public String password() {
        return accounts.get(0).password();
    }

    /** The first account's DID. */
    public String did() {
        return accounts.get(0).did();
    }

    /** How many sessions were created with {@code createSession} (successful logins only). */
    public int sessionCreationCount() {
        return sessionsCreated.get();
    }

    /** How many sessions were refreshed with {@code refreshSession}. */
    public int sessionRefreshCount() {
        return refreshes.get();
    }

    /** How many requests presented an expired access token. */
    public int expiredTokenCount() {
        return expiredTokenUses.get();
    }

    /** Makes every access token issued so far expired, as if two hours had passed for them. */
    public void expireAccessTokens() {
        Instant past = clock.instant().minusSeconds(1);
        tokens.replaceAll((t, s) -> s.refresh() ? s : new Session(s.did(), false, past));
    }

    /** Revokes every session, access and refresh tokens alike (the user changed the app password). */
    public void revokeSessions() {
        tokens.clear();
    }

    /** Posts created, oldest first. */
    public List<BlueskyPost> posts() {
        synchronized (inOrder) {
            return List.copyOf(inOrder);
        }
    }

    /** How many posts were created. */
    public int postCount() {
        return postsByUri.size();
    }

    /** The post with this {@code at://} URI. */
    public Optional<BlueskyPost> post(String uri) {
        return Optional.ofNullable(postsByUri.get(uri));
    }

    /** The distinct rkeys clients chose for posts (generated ones not included). */
    public Set<String> clientRkeys() {
        synchronized (inOrder) {
            Set<String> out = new java.util.LinkedHashSet<>();
            for (BlueskyPost p : inOrder) if (p.clientRkey()) out.add(p.rkey());
            return out;
        }
    }

    /** How many createRecord calls repeated an existing rkey (answered 500, like the PDS). */
    public int duplicateRkeyCount() {
        return duplicateRkeys.get();
    }

    /** Blobs uploaded, by CID. */
    public Map<String, BlueskyBlob> blobs() {
        // Stored per account (the same image uploaded by two accounts is two blobs); shown by CID.
        Map<String, BlueskyBlob> byCid = new java.util.LinkedHashMap<>();
        for (BlueskyBlob b : blobs.values()) byCid.put(b.cid(), b);
        return Map.copyOf(byCid);
    }

    /** How many uploadBlob calls succeeded. */
    public int uploadCount() {
        return uploads.get();
    }

    /** How many requests were answered with an XRPC error of any kind (injected faults excluded). */
    public int errorCount() {
        return rejected.get();
    }

    /** How many requests were answered with this XRPC error name (e.g. {@code InvalidRequest}, {@code ExpiredToken}). */
    public int errorCount(String error) {
        AtomicInteger n = errorCounts.get(error);
        return n == null ? 0 : n.get();
    }

    /** How many requests got a real (not injected) 429. */
    public int rateLimitedCount() {
        return rateLimited.get();
    }

    /** Uses up the account's hourly write points, so its next createRecord gets 429 until the window passes. */
    public void exhaustWriteRateLimit(String did) {
        writesHour.exhaust(Validate.notBlank(did, "did"));
    }

    @Override
    MockResponse handle(RecordedRequest request) {
        FixedWindow.Status limit = global.consume("global", 1);
        try {
            if (!limit.allowed()) throw rateLimitExceeded(limit);
            String path = request.getUrl().encodedPath();
            if (!path.startsWith(XRPC)) {
                return new MockResponse.Builder().code(404).setHeader("Content-Type", "text/plain; charset=utf-8").body("Not Found").build();
            }
            String method = path.substring(XRPC.length());
            switch (method) {
                case "com.atproto.server.createSession":
                    return ok(createSession(request, limit));
                case "com.atproto.server.refreshSession":
                    return ok(refreshSession(request), limit);
                case "com.atproto.server.getSession":
                    return ok(getSession(request), limit);
                case "com.atproto.repo.uploadBlob":
                    return ok(uploadBlob(request), limit);
                case "com.atproto.repo.createRecord":
                    return ok(createRecord(request, limit));
                case "com.atproto.repo.getRecord":
                    return ok(getRecord(request), limit);
                default:
                    throw new XrpcError(501, "MethodNotImplemented", "Method Not Implemented");
            }
        } catch (XrpcError e) {
            rejected.incrementAndGet();
            errorCounts.computeIfAbsent(e.error, k -> new AtomicInteger()).incrementAndGet();
            MockResponse.Builder b = json(e.status, errorBody(e.error, e.getMessage()));
            if (e instanceof RateLimited) {
                RateLimited r = (RateLimited) e;
                // Bluesky's xrpc-server sends only the RateLimit-* headers on a 429, no Retry-After.
                withLimits(b, r.limit);
            } else {
                withLimits(b, limit);
            }
            return b.build();
        }
    }

    private static final class RateLimited extends XrpcError {
        private static final long serialVersionUID = 1L;
        final transient FixedWindow.Status limit;

        RateLimited(FixedWindow.Status limit) {
            super(429, "RateLimitExceeded", "Rate Limit Exceeded");
            this.limit = limit;
        }
    }

    private RateLimited rateLimitExceeded(FixedWindow.Status limit) {
        rateLimited.incrementAndGet();
        return new RateLimited(limit);
    }

    private record Answer(Object body, FixedWindow.Status limit) {}

    private MockResponse ok(Answer answer) {
        return withLimits(json(200, answer.body()), answer.limit()).build();
    }

    private MockResponse ok(Object body, FixedWindow.Status limit) {
        return withLimits(json(200, body), limit).build();
    }

    private static MockResponse.Builder withLimits(MockResponse.Builder b, FixedWindow.Status s) {
        return b.setHeader("RateLimit-Limit", Integer.toString(s.limit()))
                .setHeader("RateLimit-Remaining", Integer.toString(s.remaining()))
                .setHeader("RateLimit-Reset", Long.toString(s.reset().getEpochSecond()))
                .setHeader("RateLimit-Policy", s.limit() + ";w=" + s.period().toSeconds());
    }

    private static FixedWindow.Status tightest(FixedWindow.Status... all) {
        FixedWindow.Status best = all[0];
        for (FixedWindow.Status s : all) if (s.remaining() < best.remaining()) best = s;
        return best;
    }

    // --- sessions ---

    private Answer createSession(RecordedRequest request, FixedWindow.Status globalLimit) {
        JsonNode in = jsonInput(request);
        String identifier = requiredString(in, "identifier", "Input");
        String password = requiredString(in, "password", "Input");
        String key = identifier.toLowerCase(Locale.ROOT);
        FixedWindow.Status five = sessions5m.consume(key, 1);
        if (!five.allowed()) throw rateLimitExceeded(five);
        FixedWindow.Status day = sessionsDay.consume(key, 1);
        if (!day.allowed()) throw rateLimitExceeded(day);
        Account account = null;
        for (Account a : accounts) {
            if ((a.handle().equalsIgnoreCase(identifier) || a.did().equals(identifier)) && a.password().equals(password)) account = a;
        }
        if (account == null) throw new XrpcError(401, "AuthenticationRequired", "Invalid identifier or password");
        sessionsCreated.incrementAndGet();
        Map<String, Object> out = sessionJson(account);
        out.put("email", account.handle().replace('.', '-') + "@example.com");
        out.put("emailConfirmed", true);
        return new Answer(out, tightest(globalLimit, five, day));
    }

    private Map<String, Object> refreshSession(RecordedRequest request) {
        String token = bearer(request);
        Session s = session(token, true);
        tokens.remove(token);
        refreshes.incrementAndGet();
        return sessionJson(account(s.did()));
    }

    private Map<String, Object> getSession(RecordedRequest request) {
        Session s = session(bearer(request), false);
        Account a = account(s.did());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("handle", a.handle());
        out.put("did", a.did());
        out.put("active", true);
        return out;
    }

    private Map<String, Object> sessionJson(Account a) {
        Instant now = clock.instant();
        String access = jwt(a.did(), ACCESS_SCOPE, now, now.plus(accessLifetime), null);
        String refresh = jwt(a.did(), REFRESH_SCOPE, now, now.plus(refreshLifetime), Long.toHexString(new SecureRandom().nextLong()));
        tokens.put(access, new Session(a.did(), false, now.plus(accessLifetime)));
        tokens.put(refresh, new Session(a.did(), true, now.plus(refreshLifetime)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accessJwt", access);
        out.put("refreshJwt", refresh);
        out.put("handle", a.handle());
        out.put("did", a.did());
        out.put("active", true);
        return out;
    }

    private Session session(String token, boolean refresh) {
        if (token == null) throw new XrpcError(401, "AuthMissing", "Authentication Required");
        Session s = tokens.get(token);
        if (s == null) {
            if (refresh && looksLikeOurs(token, REFRESH_SCOPE)) throw new XrpcError(400, "ExpiredToken", "Token has been revoked");
            throw new XrpcError(400, "InvalidToken", "Token could not be verified");
        }
        if (s.refresh() != refresh) throw new XrpcError(400, "InvalidToken", "Bad token scope");
        if (!clock.instant().isBefore(s.expiresAt())) {
            expiredTokenUses.incrementAndGet();
            throw new XrpcError(400, "ExpiredToken", "Token has expired");
        }
        return s;
    }

    private Account account(String did) {
        for (Account a : accounts) if (a.did().equals(did)) return a;
        throw new IllegalStateException("token for an unknown DID");
    }

    private String jwt(String did, String scope, Instant iat, Instant exp, String jti) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("scope", scope);
        payload.put("sub", did);
        payload.put("aud", "did:web:" + baseUri().getHost());
        if (jti != null) payload.put("jti", jti);
        payload.put("iat", iat.getEpochSecond());
        payload.put("exp", exp.getEpochSecond());
        // A random nonce keeps two tokens minted in the same second distinct.
        payload.put("nonce", Long.toHexString(new SecureRandom().nextLong()));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        try {
            String header = b64.encodeToString(("{\"typ\":\"" + (REFRESH_SCOPE.equals(scope) ? "refresh+jwt" : "at+jwt") + "\",\"alg\":\"HS256\"}")
                    .getBytes(StandardCharsets.UTF_8));
            String body = b64.encodeToString(JSON.writeValueAsBytes(payload));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(jwtKey);
            String signature = b64.encodeToString(mac.doFinal((header + "." + body).getBytes(StandardCharsets.US_ASCII)));
            return header + "." + body + "." + signature;
        } catch (JsonProcessingException | NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("could not mint a token", e);
        }
    }

    private boolean looksLikeOurs(String token, String scope) {
        int dot = token.indexOf('.');
        int dot2 = token.indexOf('.', dot + 1);
        if (dot < 0 || dot2 < 0) return false;
        try {
            JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(token.substring(dot + 1, dot2)));
            return scope.equals(payload.path("scope").asText());
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    // --- blobs ---

    private Map<String, Object> uploadBlob(RecordedRequest request) {
        Session s = session(bearer(request), false);
        String type = header(request, "Content-Type");
        if (type == null || type.isBlank()) {
            throw new XrpcError(400, "InvalidRequest", "Request encoding (Content-Type) required but not provided");
        }
        byte[] bytes = body(request);
        if (bytes.length > uploadLimit) throw new XrpcError(413, "PayloadTooLarge", "request entity too large");
        String mime = type.split(";")[0].strip().toLowerCase(Locale.ROOT);
        String cid = AtIds.cid(0x55, bytes);
        blobs.put(s.did() + '\n' + cid, new BlueskyBlob(cid, mime, bytes.length, s.did()));
        uploads.incrementAndGet();
        return Map.of("blob", blobRef(cid, mime, bytes.length));
    }

    private static Map<String, Object> blobRef(String cid, String mime, long size) {
        Map<String, Object> blob = new LinkedHashMap<>();
        blob.put("$type", "blob");
        blob.put("ref", Map.of("$link", cid));
        blob.put("mimeType", mime);
        blob.put("size", size);
        return blob;
    }

    // --- records ---

    private Answer createRecord(RecordedRequest request, FixedWindow.Status globalLimit) {
        Session s = session(bearer(request), false);
        Account account = account(s.did());
        JsonNode in = jsonInput(request);
        String repo = requiredString(in, "repo", "Input");
        String collection = requiredString(in, "collection", "Input");
        JsonNode record = in.get("record");
        if (record == null || !record.isObject()) throw invalid("Input must have the property \"record\"");
        if (!repo.equals(account.did()) && !repo.equalsIgnoreCase(account.handle())) {
            for (Account other : accounts) {
                if (repo.equals(other.did()) || repo.equalsIgnoreCase(other.handle())) {
                    throw new XrpcError(401, "AuthenticationRequired", "Authentication Required");
                }
            }
            throw invalid("Could not find repo: " + repo);
        }
        String rkey = null;
        if (in.hasNonNull("rkey")) {
            rkey = in.get("rkey").asText();
            if (!AtIds.isRecordKey(rkey)) throw invalid("Invalid record key: " + Validate.abbreviate(rkey));
            if (POST.equals(collection) && !acceptNonTidPostRkeys && !AtIds.isTid(rkey)) {
                throw invalid("testkit: app.bsky.feed.post rkey must be a TID (13 base32-sortable characters); the PDS would store "
                        + Validate.abbreviate(rkey) + " but the Bluesky AppView does not show posts under non-TID keys");
            }
        }
        if (!record.path("$type").isTextual()) throw invalid("Invalid " + collection + " record: Record must have the property \"$type\"");
        if (!collection.equals(record.get("$type").asText())) {
            throw invalid("Invalid $type: expected " + collection + ", got " + Validate.abbreviate(record.get("$type").asText()));
        }
        boolean validate = !in.has("validate") || in.get("validate").asBoolean(true);
        if (POST.equals(collection) && validate) validatePost(record, account.did());
        FixedWindow.Status hour = writesHour.consume(account.did(), 3);
        if (!hour.allowed()) throw rateLimitExceeded(hour);
        FixedWindow.Status day = writesDay.consume(account.did(), 3);
        if (!day.allowed()) throw rateLimitExceeded(day);
        boolean clientRkey = rkey != null;
        String cid = cidOf(record);
        String uri;
        synchronized (inOrder) {
            if (rkey == null) rkey = nextTid();
            uri = "at://" + account.did() + "/" + collection + "/" + rkey;
            if (postsByUri.containsKey(uri) || otherRecords.containsKey(uri)) {
                duplicateRkeys.incrementAndGet();
                // What the PDS answers today: its repository layer throws and XRPC reports a bare 500.
                throw new XrpcError(500, "InternalServerError", "Internal Server Error");
            }
            if (POST.equals(collection)) {
                BlueskyPost post = new BlueskyPost(uri, cid, account.did(), rkey, clientRkey, record.deepCopy());
                postsByUri.put(uri, post);
                inOrder.add(post);
            } else {
                otherRecords.put(uri, ((ObjectNode) record).deepCopy());
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("uri", uri);
        out.put("cid", cid);
        out.put("commit", Map.of("cid", AtIds.cid(0x71, (uri + cid).getBytes(StandardCharsets.UTF_8)), "rev", nextTid()));
        out.put("validationStatus", validate && POST.equals(collection) ? "valid" : "unknown");
        return new Answer(out, tightest(globalLimit, hour, day));
    }

    private Map<String, Object> getRecord(RecordedRequest request) {
        String repo = request.getUrl().queryParameter("repo");
        String collection = request.getUrl().queryParameter("collection");
        String rkey = request.getUrl().queryParameter("rkey");
        if (repo == null) throw invalid("Params must have the property \"repo\"");
        if (collection == null) throw invalid("Params must have the property \"collection\"");
        if (rkey == null) throw invalid("Params must have the property \"rkey\"");
        String did = repo;
        for (Account a : accounts) if (a.handle().equalsIgnoreCase(repo)) did = a.did();
        String uri = "at://" + did + "/" + collection + "/" + rkey;
        BlueskyPost post = postsByUri.get(uri);
        JsonNode value = post != null ? post.record() : otherRecords.get(uri);
        if (value == null) throw new XrpcError(400, "RecordNotFound", "Could not locate record: " + uri);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("uri", uri);
        out.put("cid", post != null ? post.cid() : cidOf(value));
        out.put("value", value);
        return out;
    }

    private void validatePost(JsonNode record, String did) {
        String prefix = "Invalid app.bsky.feed.post record: ";
        JsonNode textNode = record.get("text");
        if (textNode == null) throw invalid(prefix + "Record must have the property \"text\"");
        if (!textNode.isTextual()) throw invalid(prefix + "Record/text must be a string");
        String text = textNode.asText();
        if (Utf8.length(text) > 3000) throw invalid(prefix + "Record/text must not be longer than 3000 characters");
        if (Graphemes.count(text) > 300) throw invalid(prefix + "Record/text must not be longer than 300 graphemes");
        JsonNode createdAt = record.get("createdAt");
        if (createdAt == null) throw invalid(prefix + "Record must have the property \"createdAt\"");
        if (!createdAt.isTextual() || !isDatetime(createdAt.asText())) {
            throw invalid(prefix + "Record/createdAt must be an valid atproto datetime (both RFC-3339 and ISO-8601)");
        }
        JsonNode langs = record.get("langs");
        if (langs != null) {
            if (!langs.isArray()) throw invalid(prefix + "Record/langs must be an array");
            if (langs.size() > 3) throw invalid(prefix + "Record/langs must not have more than 3 elements");
            for (int i = 0; i < langs.size(); i++) {
                if (!langs.get(i).isTextual() || !langs.get(i).asText().matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")) {
                    throw invalid(prefix + "Record/langs/" + i + " must be a well-formed BCP 47 language tag");
                }
            }
        }
        JsonNode facets = record.get("facets");
        if (facets != null) {
            if (!facets.isArray()) throw invalid(prefix + "Record/facets must be an array");
            for (int i = 0; i < facets.size(); i++) validateFacet(facets.get(i), i, text, prefix);
        }
        JsonNode embed = record.get("embed");
        if (embed != null) validateEmbed(embed, did, prefix);
    }

    private void validateFacet(JsonNode facet, int i, String text, String prefix) {
        String at = "Record/facets/" + i;
        JsonNode index = facet.get("index");
        if (index == null || !index.isObject()) throw invalid(prefix + at + " must have the property \"index\"");
        JsonNode start = index.get("byteStart");
        JsonNode end = index.get("byteEnd");
        if (start == null) throw invalid(prefix + at + "/index must have the property \"byteStart\"");
        if (end == null) throw invalid(prefix + at + "/index must have the property \"byteEnd\"");
        if (!start.isIntegralNumber()) throw invalid(prefix + at + "/index/byteStart must be an integer");
        if (!end.isIntegralNumber()) throw invalid(prefix + at + "/index/byteEnd must be an integer");
        if (start.asLong() < 0) throw invalid(prefix + at + "/index/byteStart can not be less than 0");
        if (end.asLong() < 0) throw invalid(prefix + at + "/index/byteEnd can not be less than 0");
        JsonNode features = facet.get("features");
        if (features == null || !features.isArray()) throw invalid(prefix + at + " must have the property \"features\"");
        // Checks below are the test kit's: the PDS stores such facets, and readers see a broken link.
        int bytes = Utf8.length(text);
        int b0 = (int) Math.min(start.asLong(), Integer.MAX_VALUE);
        int b1 = (int) Math.min(end.asLong(), Integer.MAX_VALUE);
        if (b1 > bytes) {
            throw invalid(at + ": byteEnd " + b1 + " is beyond the text, which is " + bytes + " UTF-8 bytes long"
                    + " (offsets count UTF-8 bytes, not chars or code points)");
        }
        if (b0 >= b1) throw invalid(at + ": byteStart " + b0 + " must be less than byteEnd " + b1);
        int c0 = Utf8.charIndex(text, b0);
        int c1 = Utf8.charIndex(text, b1);
        if (c0 < 0 || c1 < 0) {
            throw invalid(at + ": byte range " + b0 + ".." + b1 + " cuts through a multi-byte character"
                    + " (offsets count UTF-8 bytes, not chars or code points)");
        }
        String spanned = text.substring(c0, c1);
        for (int f = 0; f < features.size(); f++) {
            JsonNode feature = features.get(f);
            String type = feature.path("$type").asText();
            String fat = prefix + at + "/features/" + f;
            switch (type) {
                case "app.bsky.richtext.facet#link": {
                    String uri = feature.path("uri").asText(null);
                    if (uri == null) throw invalid(fat + " must have the property \"uri\"");
                    if (!isUri(uri)) throw invalid(fat + "/uri must be a uri");
                    if (strictFacets && !showsLink(spanned, uri)) {
                        throw invalid(at + ": strict facets: the link facet spans \"" + Validate.abbreviate(spanned)
                                + "\", which is neither " + uri + " nor a shortened form of it");
                    }
                    break;
                }
                case "app.bsky.richtext.facet#mention":
                    if (!feature.path("did").asText("").startsWith("did:")) throw invalid(fat + "/did must be a valid did");
                    if (strictFacets && !spanned.startsWith("@")) throw invalid(at + ": strict facets: a mention must span \"@handle\"");
                    break;
                case "app.bsky.richtext.facet#tag": {
                    String tag = feature.path("tag").asText(null);
                    if (tag == null) throw invalid(fat + " must have the property \"tag\"");
                    if (Utf8.length(tag) > 640 || Graphemes.count(tag) > 64) throw invalid(fat + "/tag must not be longer than 64 graphemes");
                    if (strictFacets && !spanned.equals("#" + tag) && !spanned.equals("＃" + tag)) {
                        throw invalid(at + ": strict facets: the tag facet spans \"" + Validate.abbreviate(spanned) + "\", not \"#" + tag + "\"");
                    }
                    break;
                }
                default:
                    // Open unions accept unknown types, as the lexicon allows.
                    break;
            }
        }
    }

    /** Whether {@code spanned} is what a reader should see for {@code uri}: the URI, or a shortened visible form. */
    static boolean showsLink(String spanned, String uri) {
        if (spanned.equals(uri)) return true;
        String visible = uri.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "").replaceFirst("^www\\.", "");
        if (spanned.equals(visible) || spanned.equals(visible.replaceFirst("/$", ""))) return true;
        for (String ellipsis : new String[] {"...", "…"}) {
            if (spanned.endsWith(ellipsis)) {
                String cut = spanned.substring(0, spanned.length() - ellipsis.length());
                if (cut.length() >= 4 && (visible.startsWith(cut) || uri.startsWith(cut))) return true;
            }
        }
        return false;
    }

    private void validateEmbed(JsonNode embed, String did, String prefix) {
        String type = embed.path("$type").asText("");
        if (type.isEmpty()) throw invalid(prefix + "Record/embed must be an object which includes the \"$type\" property");
        if (!"app.bsky.embed.external".equals(type)) return;
        JsonNode external = embed.get("external");
        if (external == null || !external.isObject()) throw invalid(prefix + "Record/embed/external must be an object");
        for (String field : new String[] {"uri", "title", "description"}) {
            JsonNode v = external.get(field);
            if (v == null) throw invalid(prefix + "Record/embed/external must have the property \"" + field + "\"");
            if (!v.isTextual()) throw invalid(prefix + "Record/embed/external/" + field + " must be a string");
        }
        if (!isUri(external.get("uri").asText())) throw invalid(prefix + "Record/embed/external/uri must be a uri");
        JsonNode thumb = external.get("thumb");
        if (thumb == null) return;
        String cid = thumb.path("ref").path("$link").asText(null);
        if (!"blob".equals(thumb.path("$type").asText()) || cid == null) {
            throw invalid(prefix + "Record/embed/external/thumb should be a blob ref");
        }
        BlueskyBlob blob = blobs.get(did + '\n' + cid);
        if (blob == null) throw new XrpcError(400, "BlobNotFound", "Could not find blob: " + cid);
        if (!blob.mimeType().startsWith("image/")) {
            throw new XrpcError(400, "InvalidMimeType", "Wrong type of file. It is " + blob.mimeType() + " but it must match image/*");
        }
        if (blob.size() > MAX_THUMB_BYTES) {
            throw new XrpcError(400, "BlobTooLarge", "This file is too large. It is " + blob.size() + " bytes but the maximum size is "
                    + MAX_THUMB_BYTES + " bytes.");
        }
    }

    private static boolean isUri(String s) {
        return s.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:\\S+$") && s.length() <= 8192;
    }

    private static boolean isDatetime(String s) {
        // atproto datetimes: RFC 3339 with upper-case T and a zone (Z or ±hh:mm).
        if (!s.matches("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$")) return false;
        try {
            OffsetDateTime.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String cidOf(JsonNode record) {
        try {
            return AtIds.cid(0x71, JSON.writeValueAsBytes(record));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String nextTid() {
        long now = clock.millis() * 1000;
        long micros = lastMicros.updateAndGet(prev -> Math.max(prev + 1, now));
        return AtIds.tid(micros, 0x1ab);
    }

    private JsonNode jsonInput(RecordedRequest request) {
        String type = header(request, "Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw invalid("Wrong request encoding (Content-Type): " + (type == null ? "none" : Validate.abbreviate(type)));
        }
        try {
            JsonNode in = JSON.readTree(body(request));
            if (in == null || !in.isObject()) throw invalid("Input must be an object");
            return in;
        } catch (IOException e) {
            throw invalid("Unable to parse request body as JSON");
        }
    }

    private static String requiredString(JsonNode in, String field, String what) {
        JsonNode v = in.get(field);
        if (v == null || v.isNull()) throw invalid(what + " must have the property \"" + field + "\"");
        if (!v.isTextual()) throw invalid(what + "/" + field + " must be a string");
        return v.asText();
    }

    private static XrpcError invalid(String message) {
        return new XrpcError(400, "InvalidRequest", message);
    }

    @Override
    MockResponse faultResponse(Fault fault, RecordedRequest request) {
        switch (fault.kind()) {
            case UNAUTHORIZED:
                return json(401, errorBody("AuthenticationRequired", "Authentication Required")).build();
            case RATE_LIMITED: {
                Instant reset = clock.instant().plus(fault.duration());
                return json(429, errorBody("RateLimitExceeded", "Rate Limit Exceeded"))
                        .setHeader("RateLimit-Limit", "3000")
                        .setHeader("RateLimit-Remaining", "0")
                        .setHeader("RateLimit-Reset", Long.toString(reset.getEpochSecond()))
                        .setHeader("RateLimit-Policy", "3000;w=300")
                        .build();
            }
            default:
                return xrpcServerError(fault.status());
        }
    }

    private static MockResponse xrpcServerError(int status) {
        String error = status == 502 ? "UpstreamFailure" : status == 503 ? "NotEnoughResources" : status == 504 ? "UpstreamTimeout" : "InternalServerError";
        String message = status == 502 ? "Upstream Failure" : status == 503 ? "Not Enough Resources" : status == 504 ? "Upstream Timeout" : "Internal Server Error";
        return json(status, errorBody(error, message)).build();
    }

    @Override
    MockResponse internalError(RecordedRequest request) {
        return xrpcServerError(500);
    }

    /** {@code bluesky}: the network whose syndicator this fake answers. */
    @Override
    public String network() {
        return BlueskySyndicator.NETWORK;
    }

    /** Settings for a {@link MockBluesky}. */
    public static final class Builder {
        private final List<Account> accounts = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private Duration accessLifetime = Duration.ofHours(2);
        private Duration refreshLifetime = Duration.ofDays(90);
        private boolean strictFacets;
        private boolean acceptNonTidPostRkeys;
        private long uploadLimit = 5L * 1024 * 1024;
        private int writePointsPerHour = 5_000;
        private int keepRequests = 1_000;

        private Builder() {}

        /** Adds an account; the first one added is {@link #handle()}/{@link #did()}. Without any, the default account exists. */
        public Builder account(String handle, String password, String did) {
            Validate.notBlank(handle, "handle");
            Validate.notBlank(password, "password");
            Validate.notBlank(did, "did");
            Validate.isTrue(did.startsWith("did:"), "did", "must start with did:");
            accounts.add(new Account(handle, password, did));
            return this;
        }

        /** The clock for token expiry and rate-limit windows (a {@link ManualClock} in tests). */
        public Builder clock(Clock clock) {
            this.clock = Validate.notNull(clock, "clock");
            return this;
        }

        /** How long access tokens live; two hours by default, as on Bluesky's PDS. */
        public Builder accessTokenLifetime(Duration lifetime) {
            Validate.notNull(lifetime, "lifetime");
            Validate.isTrue(!lifetime.isNegative() && !lifetime.isZero(), "lifetime", "must be positive");
            this.accessLifetime = lifetime;
            return this;
        }

        /** How long refresh tokens live; 90 days by default. */
        public Builder refreshTokenLifetime(Duration lifetime) {
            Validate.notNull(lifetime, "lifetime");
            Validate.isTrue(!lifetime.isNegative() && !lifetime.isZero(), "lifetime", "must be positive");
            this.refreshLifetime = lifetime;
            return this;
        }

        /**
         * Also checks that each facet spans what it claims: a link its URI (or a visible short form), a
         * tag {@code #tag}, a mention {@code @…}. Catches off-by-a-byte offsets the PDS would accept.
         */
        public Builder strictFacets() {
            this.strictFacets = true;
            return this;
        }

        /** Accepts any valid record key for posts, as the PDS does, instead of requiring a TID. */
        public Builder acceptNonTidPostRkeys() {
            this.acceptNonTidPostRkeys = true;
            return this;
        }

        /** The largest blob uploadBlob accepts; 5 MiB by default (thumbnails are limited to 1,000,000 bytes separately). */
        public Builder uploadLimit(long bytes) {
            Validate.isTrue(bytes > 0, "bytes", "must be positive");
            this.uploadLimit = bytes;
            return this;
        }

        /** The hourly write budget per account, each post costing 3 points; 5,000 by default. */
        public Builder writePointsPerHour(int points) {
            Validate.isTrue(points >= 3, "points", "must allow at least one write (3 points)");
            this.writePointsPerHour = points;
            return this;
        }

        /** How many recent raw requests to keep for {@link #recentRequests()}; 1,000 by default. */
        public Builder keepRequests(int count) {
            Validate.isTrue(count >= 0, "count", "must not be negative");
            this.keepRequests = count;
            return this;
        }

        /** Builds the fake (not yet started). */
        public MockBluesky build() {
            return new MockBluesky(this);
        }

        /** Builds and starts the fake. */
        public MockBluesky start() {
            return build().start();
        }
    }
}
