package dev.herald.syndication.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.herald.syndication.Failures;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Secret;
import dev.herald.testkit.ManualClock;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each network's "come back at" signal read on its own, and how a failure is classified with and without one. */
class RetrySignalsTest {
    private static final Instant NOW = Instant.parse("2024-03-12T10:00:00Z");
    private final ManualClock clock = new ManualClock(NOW);

    private static HttpReply reply(int status, String header, String value) {
        return new HttpReply(status, header == null ? Map.of() : Map.of(header, value), null);
    }

    @Test
    void retryAfterInSecondsCountsFromNow() {
        assertEquals(NOW.plusSeconds(120), RetrySignals.retryAfter(reply(429, "retry-after", " 120 "), clock));
        assertEquals(NOW.plusMillis(1501), RetrySignals.retryAfter(reply(429, "retry-after", "1.5003"), clock), "fractions round up");
        assertEquals(NOW, RetrySignals.retryAfter(reply(429, "retry-after", "0"), clock));
    }

    @Test
    void retryAfterAsAnHttpDateIsThatInstant() {
        assertEquals(Instant.parse("2024-03-12T10:07:00Z"), RetrySignals.retryAfter(reply(503, "retry-after", "Tue, 12 Mar 2024 10:07:00 GMT"), clock));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "-5", "NaN", "Infinity", "soon", "2024-03-12T10:07:00Z"})
    void anUnreadableRetryAfterIsNoSignal(String value) {
        assertNull(RetrySignals.retryAfter(reply(429, "retry-after", value), clock), value);
    }

    @Test
    void aMissingHeaderIsNoSignal() {
        HttpReply none = reply(429, null, null);
        assertNull(RetrySignals.retryAfter(none, clock));
        assertNull(RetrySignals.isoInstant(none, "x-ratelimit-reset"));
        assertNull(RetrySignals.epochSeconds(none, "ratelimit-reset"));
    }

    @Test
    void readsMastodonsIsoResetWithOrWithoutFractionsAndOffsets() {
        assertEquals(Instant.parse("2024-03-12T10:05:00Z"), RetrySignals.isoInstant(reply(429, "x-ratelimit-reset", "2024-03-12T10:05:00.000Z"), "X-RateLimit-Reset"));
        assertEquals(Instant.parse("2024-03-12T10:05:00Z"), RetrySignals.isoInstant(reply(429, "x-ratelimit-reset", " 2024-03-12T11:05:00+01:00 "), "X-RateLimit-Reset"));
        assertNull(RetrySignals.isoInstant(reply(429, "x-ratelimit-reset", "1710237900"), "X-RateLimit-Reset"));
        assertNull(RetrySignals.isoInstant(reply(429, "x-ratelimit-reset", " "), "X-RateLimit-Reset"));
    }

    @Test
    void readsBlueskysEpochSecondsReset() {
        assertEquals(Instant.ofEpochSecond(1710237900), RetrySignals.epochSeconds(reply(429, "ratelimit-reset", " 1710237900 "), "RateLimit-Reset"));
        assertEquals(Instant.ofEpochSecond(1), RetrySignals.epochSeconds(reply(429, "ratelimit-reset", "1"), "RateLimit-Reset"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1.5", "2024-03-12T10:05:00Z", " "})
    void anUnreadableEpochResetIsNoSignal(String value) {
        assertNull(RetrySignals.epochSeconds(reply(429, "ratelimit-reset", value), "ratelimit-reset"), value);
    }

    // ---- Failures: the network's signal first, Retry-After second, a minute last ----

    @Test
    void aRateLimitWaitsForTheNetworksOwnSignalFirst() {
        Outcome o = Failures.classify(reply(429, "retry-after", "30"), "Too many", NOW.plusSeconds(600), clock);

        Outcome.RateLimited limited = assertInstanceOf(Outcome.RateLimited.class, o);
        assertEquals(NOW.plusSeconds(600), limited.retryAt());
        assertEquals("HTTP 429: Too many", limited.message());
    }

    @Test
    void aRateLimitWithoutTheNetworksSignalWaitsForRetryAfter() {
        Outcome.RateLimited limited = assertInstanceOf(Outcome.RateLimited.class, Failures.classify(reply(429, "retry-after", "30"), null, null, clock));

        assertEquals(NOW.plusSeconds(30), limited.retryAt());
        assertEquals("HTTP 429", limited.message());
    }

    @Test
    void aRateLimitWithNoSignalOrOneInThePastWaitsAMinute() {
        Outcome.RateLimited none = assertInstanceOf(Outcome.RateLimited.class, Failures.classify(reply(429, null, null), " ", null, clock));
        Outcome.RateLimited past = assertInstanceOf(Outcome.RateLimited.class, Failures.classify(reply(429, null, null), null, NOW.minusSeconds(5), clock));
        Outcome.RateLimited now = assertInstanceOf(Outcome.RateLimited.class, Failures.classify(reply(429, null, null), null, NOW, clock));

        assertEquals(NOW.plus(Duration.ofMinutes(1)), none.retryAt());
        assertEquals(NOW.plus(Duration.ofMinutes(1)), past.retryAt());
        assertEquals(NOW.plus(Duration.ofMinutes(1)), now.retryAt());
    }

    @Test
    void classifiesEachStatusFamily() {
        assertInstanceOf(Outcome.AuthFailed.class, Failures.classify(reply(401, null, null), null, null, clock));
        assertInstanceOf(Outcome.AuthFailed.class, Failures.classify(reply(403, null, null), null, null, clock));
        assertInstanceOf(Outcome.Transient.class, Failures.classify(reply(408, null, null), null, null, clock));
        assertInstanceOf(Outcome.Transient.class, Failures.classify(reply(425, null, null), null, null, clock));
        assertInstanceOf(Outcome.Transient.class, Failures.classify(reply(500, null, null), null, null, clock));
        assertInstanceOf(Outcome.Permanent.class, Failures.classify(reply(499, null, null), null, null, clock));
        assertInstanceOf(Outcome.Permanent.class, Failures.classify(reply(400, null, null), null, null, clock));
        assertInstanceOf(Outcome.Permanent.class, Failures.classify(reply(404, null, null), null, null, clock));
    }

    @Test
    void aTransientFailureKeepsTheRetryAfterItWasGiven() {
        Outcome.Transient t = assertInstanceOf(Outcome.Transient.class, Failures.classify(reply(503, "retry-after", "90"), "busy", null, clock));

        assertEquals(NOW.plusSeconds(90), t.retryAfter());
        assertEquals("HTTP 503: busy", t.message());
    }

    @Test
    void cutsALongNetworkMessage() {
        String message = Failures.message(reply(422, null, null), " " + "x".repeat(400) + " ");

        assertEquals("HTTP 422: " + "x".repeat(298) + "…", message);
        assertEquals("HTTP 422: " + "x".repeat(298), Failures.message(reply(422, null, null), "x".repeat(298)));
    }

    @Test
    void noAnswerIsTransientAndMasksSecrets() {
        Outcome.Transient timeout = assertInstanceOf(Outcome.Transient.class,
                Failures.unreachable(new SocketTimeoutException("Read timed out"), Secret.of("token", "s3cr3t-token")));
        Outcome.Transient refused = assertInstanceOf(Outcome.Transient.class,
                Failures.unreachable(new IOException("refused for s3cr3t-token"), Secret.of("token", "s3cr3t-token")));
        Outcome.Transient bare = assertInstanceOf(Outcome.Transient.class, Failures.unreachable(new IOException()));

        assertEquals("no answer from the network (timed out: Read timed out)", timeout.message());
        assertEquals("no answer from the network (IOException: refused for ****)", refused.message());
        assertEquals("no answer from the network (IOException)", bare.message());
        assertNull(bare.retryAfter());
    }
}
