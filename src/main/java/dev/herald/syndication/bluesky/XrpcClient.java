package dev.herald.syndication.bluesky;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.internal.Json;
import dev.herald.syndication.Failures;
import dev.herald.syndication.HttpCall;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.internal.Payloads;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * XRPC calls to one account's PDS over one shared session: logs in once, refreshes the session when
 * the access token runs out, logs in again only when the refresh token is gone too, and turns every
 * failure into an {@link Outcome} (thrown as {@link XrpcFailure} so the caller's happy path reads
 * straight).
 *
 * <p>Thread-safe. Logging in and refreshing happen under one lock, and a thread that finds its
 * token stale renews only if no other thread has done so meanwhile, so twenty concurrent sends
 * with an expired token cost one refresh, not twenty (the PDS allows 30 logins per 5 minutes).
 */
final class XrpcClient {
    static final ObjectMapper JSON = Json.MAPPER;
    private static final Logger LOG = LoggerFactory.getLogger(XrpcClient.class);
    /** Refresh this long before the access token's own {@code exp}, so a call never carries a token about to lapse. */
    private static final Duration EARLY = Duration.ofMinutes(1);

    /** The tokens and identity {@code createSession} and {@code refreshSession} return. */
    record Session(String accessJwt, String refreshJwt, String did, String handle, Instant accessExpires) {
        /** Without the tokens: they are credentials, and a record would print them. */
        @Override
        public String toString() {
            return "Session[did=" + did + ", handle=" + handle + ", accessExpires=" + accessExpires + "]";
        }
    }

    /** A call ended in something other than success; {@link #outcome} says what to report. */
    static final class XrpcFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Outcome outcome;
        final transient HttpReply reply;

        XrpcFailure(Outcome outcome, HttpReply reply) {
            super(outcome.describe(), null, false, false);
            this.outcome = outcome;
            this.reply = reply;
        }

        /** The XRPC error name ({@code ExpiredToken}, {@code InvalidRequest}…), or "" when there was no answer. */
        String error() {
            return reply == null ? "" : Payloads.json(reply).path("error").asText("");
        }

        int status() {
            return reply == null ? 0 : reply.status();
        }
    }

    private final BlueskyAccount account;
    private final HttpTransport http;
    private final Clock clock;
    private final Object sessionLock = new Object();
    private volatile Session session;

    XrpcClient(BlueskyAccount account, HttpTransport http, Clock clock) {
        this.account = account;
        this.http = http;
        this.clock = clock;
    }

    /** The current session, if one was created; never makes a request. */
    Session cachedSession() {
        return session;
    }

    /** POSTs a JSON procedure with the session's access token, renewing the session once if the PDS says it is stale. */
    JsonNode procedure(String nsid, JsonNode input) throws XrpcFailure {
        byte[] body = bytes(input);
        HttpCall call = HttpCall.post(endpoint(nsid, null)).json(body);
        return Payloads.json(authorized(token -> withBearer(call, token)));
    }

    /** POSTs raw bytes (uploadBlob) with the given content type. */
    JsonNode upload(String nsid, byte[] bytes, String mimeType) throws XrpcFailure {
        HttpCall call = HttpCall.post(endpoint(nsid, null)).body(bytes, mimeType);
        return Payloads.json(authorized(token -> withBearer(call, token)));
    }

    /** GETs a query with parameters. */
    JsonNode query(String nsid, Map<String, String> params) throws XrpcFailure {
        HttpCall call = HttpCall.get(endpoint(nsid, params));
        return Payloads.json(authorized(token -> withBearer(call, token)));
    }

    /** The session to use now: the cached one, refreshed first if its token has run out by our clock, or a new one. */
    Session session() throws XrpcFailure {
        Session s = session;
        if (s != null && !expiringSoon(s)) return s;
        return renew(s);
    }

    private interface RequestFor {
        HttpCall build(String accessJwt);
    }

    private HttpReply authorized(RequestFor request) throws XrpcFailure {
        Session s = session();
        HttpReply reply = send(request.build(s.accessJwt()));
        if (reply.ok()) return reply;
        if (staleSession(reply)) {
            // The PDS no longer takes this token (expired early, revoked): renew and try once more.
            s = renew(s);
            reply = send(request.build(s.accessJwt()));
            if (reply.ok()) return reply;
            if (reply.status() == 400 && staleSession(reply)) {
                // A token refused right after it was issued is the PDS's trouble (clock skew, a
                // replica behind), not a verdict on the post: report it as passing, not as rejected.
                throw new XrpcFailure(new Outcome.Transient(failure(reply).outcome.describe() + " (right after renewing the session)", null), reply);
            }
        }
        throw failure(reply);
    }

    /**
     * Replaces {@code stale} with a working session: by {@code refreshSession} when there is a
     * refresh token, by {@code createSession} when there is none or the PDS refuses it. Does
     * nothing but return the current session when another thread already replaced {@code stale}.
     */
    private Session renew(Session stale) throws XrpcFailure {
        synchronized (sessionLock) {
            Session current = session;
            if (current != null && current != stale && !expiringSoon(current)) return current;
            if (current != null) {
                try {
                    session = refresh(current);
                    return session;
                } catch (XrpcFailure f) {
                    // An expired or revoked refresh token (the app password was changed or revoked,
                    // or the session was ended elsewhere) means logging in again; anything else
                    // (429, 5xx, no answer) is reported as it is: a login would fare no better.
                    if (!staleSession(f)) throw f;
                    LOG.info("Bluesky account {}: refresh token refused ({}), logging in again", account.name(), f.error());
                    session = null;
                }
            }
            session = login();
            return session;
        }
    }

    private Session login() throws XrpcFailure {
        Map<String, String> input = new LinkedHashMap<>();
        input.put("identifier", account.handle());
        input.put("password", account.appPassword().value());
        HttpReply reply = send(HttpCall.post(endpoint("com.atproto.server.createSession", null)).json(bytes(JSON.valueToTree(input))));
        if (!reply.ok()) throw failure(reply);
        LOG.debug("Bluesky account {}: logged in", account.name());
        return sessionFrom(reply);
    }

    private Session refresh(Session current) throws XrpcFailure {
        HttpReply reply = send(withBearer(HttpCall.post(endpoint("com.atproto.server.refreshSession", null)), current.refreshJwt()));
        if (!reply.ok()) throw failure(reply);
        LOG.debug("Bluesky account {}: session refreshed", account.name());
        return sessionFrom(reply);
    }

    private Session sessionFrom(HttpReply reply) throws XrpcFailure {
        JsonNode json = Payloads.json(reply);
        String access = json.path("accessJwt").asText("");
        String refresh = json.path("refreshJwt").asText("");
        String did = json.path("did").asText("");
        if (access.isEmpty() || refresh.isEmpty() || !did.startsWith("did:")) {
            throw new XrpcFailure(new Outcome.Transient("Bluesky answered a session request without tokens (HTTP " + reply.status() + ")", null), reply);
        }
        return new Session(access, refresh, did, json.path("handle").asText(account.handle()), expiry(access));
    }

    /** Whether the PDS refused the token itself, as opposed to the request. */
    private static boolean staleSession(HttpReply reply) {
        if (reply.status() == 401) return true;
        String error = Payloads.json(reply).path("error").asText("");
        return reply.status() == 400 && (error.equals("ExpiredToken") || error.equals("InvalidToken"));
    }

    private static boolean staleSession(XrpcFailure f) {
        return f.reply != null && staleSession(f.reply);
    }

    private boolean expiringSoon(Session s) {
        return s.accessExpires() != null && !clock.instant().isBefore(s.accessExpires().minus(EARLY));
    }

    /**
     * The {@code exp} claim of a JWT, or {@code null} when it cannot be read. Read, not verified:
     * it only saves the request that would come back {@code ExpiredToken}; the PDS decides.
     */
    static Instant expiry(String jwt) {
        int dot = jwt.indexOf('.');
        int dot2 = jwt.indexOf('.', dot + 1);
        if (dot < 0 || dot2 < 0) return null;
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt.substring(dot + 1, dot2)));
            JsonNode exp = claims == null ? null : claims.get("exp");
            return exp != null && exp.canConvertToLong() ? Instant.ofEpochSecond(exp.asLong()) : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The failure for a non-2xx answer: rate limits at Bluesky's {@code ratelimit-reset}, the rest by {@link Failures}. */
    XrpcFailure failure(HttpReply reply) {
        JsonNode json = Payloads.json(reply);
        String error = json.path("error").asText("");
        String message = json.path("message").asText("");
        String text = error.isEmpty() ? message : message.isEmpty() || message.equals(error) ? error : error + ": " + message;
        return new XrpcFailure(Failures.classify(reply, account.appPassword().maskIn(text), BlueskyNetwork.retrySignal(reply), clock), reply);
    }

    private HttpReply send(HttpCall call) throws XrpcFailure {
        try {
            return http.execute(call, account.appPassword());
        } catch (IOException e) {
            throw new XrpcFailure(Failures.unreachable(e, account.appPassword()), null);
        }
    }

    private static HttpCall withBearer(HttpCall call, String token) {
        return call.header("Authorization", "Bearer " + token);
    }

    /** {@code <service>/xrpc/<nsid>?params}; a service with a path keeps it. */
    private URI endpoint(String nsid, Map<String, String> params) {
        String base = account.service().toString();
        StringBuilder url = new StringBuilder(base.endsWith("/") ? base.substring(0, base.length() - 1) : base).append("/xrpc/").append(nsid);
        if (params != null) {
            char sep = '?';
            for (Map.Entry<String, String> p : params.entrySet()) {
                url.append(sep).append(p.getKey()).append('=').append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        return URI.create(url.toString());
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON", e);
        }
    }
}
