package dev.herald.testkit;

import dev.herald.internal.Validate;
import java.time.Duration;

/**
 * A failure a fake network can be told to produce instead of (or on top of) its normal answer;
 * each fake renders it in its own network's shape (error body, rate-limit headers).
 *
 * <pre>{@code
 * mastodon.failNext(2, Fault.serverError(503));
 * bluesky.failNext(1, Fault.rateLimited(Duration.ofMinutes(5)).onlyFor("/xrpc/com.atproto.repo.createRecord"));
 * webhook.failAlways(Fault.dropConnection());
 * }</pre>
 *
 * @param kind what goes wrong
 * @param status the HTTP status sent, where the kind sends one (401, 429, 5xx), else 0
 * @param duration the retry-after for {@link Kind#RATE_LIMITED}, the delay for {@link Kind#SLOW}, else zero
 * @param path only requests to this exact path are affected; null affects every request
 */
public record Fault(Kind kind, int status, Duration duration, String path) {
    /** The kinds of failure the fakes can inject. */
    public enum Kind {
        /** The network's own 401 answer, as for a revoked or wrong token; nothing is processed. */
        UNAUTHORIZED,
        /** The network's own 429 answer with its rate-limit headers; nothing is processed. */
        RATE_LIMITED,
        /** A 5xx answer in the network's shape; nothing is processed. */
        SERVER_ERROR,
        /** The request is processed normally, but the response headers are held back for a while (real time). */
        SLOW,
        /** The connection is closed without an answer and the request is <em>not</em> processed. */
        DROP_CONNECTION,
        /**
         * The request <em>is</em> processed (the post exists), then the connection is closed without an
         * answer: the case that tells a client with idempotency from one without.
         */
        DROP_RESPONSE
    }

    /** Requires a kind, a sensible status and a non-negative duration. */
    public Fault {
        Validate.notNull(kind, "kind");
        duration = duration == null ? Duration.ZERO : duration;
        Validate.isTrue(!duration.isNegative(), "duration", "must not be negative");
        if (kind == Kind.SERVER_ERROR) Validate.isTrue(status >= 500 && status <= 599, "status", "must be a 5xx code");
        Validate.isTrue(path == null || path.startsWith("/"), "path", "must start with /");
    }

    /** The network's 401 answer. */
    public static Fault unauthorized() {
        return new Fault(Kind.UNAUTHORIZED, 401, Duration.ZERO, null);
    }

    /** The network's 429 answer, saying the limit resets one minute from the fake's clock. */
    public static Fault rateLimited() {
        return rateLimited(Duration.ofMinutes(1));
    }

    /** The network's 429 answer, saying the limit resets {@code retryAfter} from the fake's clock. */
    public static Fault rateLimited(Duration retryAfter) {
        Validate.notNull(retryAfter, "retryAfter");
        return new Fault(Kind.RATE_LIMITED, 429, retryAfter, null);
    }

    /** A 500 answer in the network's shape. */
    public static Fault serverError() {
        return serverError(500);
    }

    /** A 5xx answer with the given status (502, 503 and 504 look like a proxy in front of the service). */
    public static Fault serverError(int status) {
        return new Fault(Kind.SERVER_ERROR, status, Duration.ZERO, null);
    }

    /** A correct answer held back by {@code delay} (real time: pair it with a shorter client timeout). */
    public static Fault slow(Duration delay) {
        Validate.notNull(delay, "delay");
        return new Fault(Kind.SLOW, 0, delay, null);
    }

    /** A connection closed before the request is processed. */
    public static Fault dropConnection() {
        return new Fault(Kind.DROP_CONNECTION, 0, Duration.ZERO, null);
    }

    /** A connection closed after the request was processed, so the client never learns it succeeded. */
    public static Fault dropResponse() {
        return new Fault(Kind.DROP_RESPONSE, 0, Duration.ZERO, null);
    }

    /** Returns this fault restricted to requests whose path is exactly {@code path}. */
    public Fault onlyFor(String path) {
        Validate.notBlank(path, "path");
        return new Fault(kind, status, duration, path);
    }

    boolean appliesTo(String requestPath) {
        return path == null || path.equals(requestPath);
    }
}
