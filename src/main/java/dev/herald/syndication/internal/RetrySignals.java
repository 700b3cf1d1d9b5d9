package dev.herald.syndication.internal;

import dev.herald.syndication.HttpReply;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads the moment a network says to come back, in each network's own dialect. Every method returns
 * {@code null} when the signal is absent or unreadable, so callers fall back to their own backoff.
 */
public final class RetrySignals {
    private RetrySignals() {}

    /**
     * {@code Retry-After}: delay seconds (fractions allowed, as Discord sends) or an HTTP date.
     */
    public static Instant retryAfter(HttpReply reply, Clock clock) {
        String value = reply.header("Retry-After");
        if (value == null || value.isBlank()) return null;
        value = value.strip();
        try {
            double seconds = Double.parseDouble(value);
            if (seconds < 0 || Double.isNaN(seconds) || Double.isInfinite(seconds)) return null;
            return clock.instant().plusMillis((long) Math.ceil(seconds * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    /** A header holding an ISO-8601 instant, as Mastodon's {@code X-RateLimit-Reset}. */
    public static Instant isoInstant(HttpReply reply, String header) {
        String value = reply.header(header);
        if (value == null || value.isBlank()) return null;
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            try {
                return ZonedDateTime.parse(value.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    /** A header holding epoch seconds, as Bluesky's {@code ratelimit-reset} and X's {@code x-rate-limit-reset}. */
    public static Instant epochSeconds(HttpReply reply, String header) {
        String value = reply.header(header);
        if (value == null || value.isBlank()) return null;
        try {
            long seconds = Long.parseLong(value.strip());
            return seconds <= 0 ? null : Instant.ofEpochSecond(seconds);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
