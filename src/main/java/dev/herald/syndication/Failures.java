package dev.herald.syndication;

import dev.herald.internal.Validate;
import dev.herald.syndication.internal.RetrySignals;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The one place HTTP answers become {@link Outcome}s, so every network classifies failures alike:
 * 401/403 → auth failed, 429 → rate-limited (until the network's signal, else a minute), 408, 425
 * and 5xx → transient, any other 4xx → permanent, no answer at all → transient. A syndicator checks
 * its network's special cases (a duplicate, a scope error that is really permanent) first.
 */
public final class Failures {
    /** How long to wait after a 429 that carries no readable signal. */
    public static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofMinutes(1);

    private static final int MAX_MESSAGE = 300;

    private Failures() {}

    /**
     * Classifies a reply that is not a success.
     *
     * @param networkMessage the network's own error text from the body, or {@code null}
     * @param retryAt the network's own retry signal, or {@code null} to read {@code Retry-After}
     */
    public static Outcome classify(HttpReply reply, String networkMessage, Instant retryAt, Clock clock) {
        Validate.notNull(reply, "reply");
        int status = reply.status();
        String message = message(reply, networkMessage);
        Instant signal = retryAt != null ? retryAt : RetrySignals.retryAfter(reply, clock);
        if (status == 401 || status == 403) return new Outcome.AuthFailed(message);
        if (status == 429) {
            Instant now = clock.instant();
            Instant at = signal != null && signal.isAfter(now) ? signal : now.plus(DEFAULT_RATE_LIMIT_WAIT);
            return new Outcome.RateLimited(at, message);
        }
        if (status == 408 || status == 425 || status >= 500) return new Outcome.Transient(message, signal);
        return new Outcome.Permanent(message);
    }

    /** Classifies a request that got no answer: refused, dropped, timed out. Always transient. */
    public static Outcome unreachable(IOException e, Secret... secrets) {
        String what = e instanceof SocketTimeoutException ? "timed out" : e.getClass().getSimpleName();
        String detail = e.getMessage() == null ? "" : ": " + e.getMessage();
        detail = Secret.maskAll(detail, java.util.List.of(secrets));
        return new Outcome.Transient("no answer from the network (" + what + detail + ")", null);
    }

    /** {@code HTTP 422: <network message>}, cut to a readable length. */
    public static String message(HttpReply reply, String networkMessage) {
        String text = networkMessage == null || networkMessage.isBlank() ? "" : ": " + networkMessage.strip();
        if (text.length() > MAX_MESSAGE) text = text.substring(0, MAX_MESSAGE) + "…";
        return "HTTP " + reply.status() + text;
    }
}
