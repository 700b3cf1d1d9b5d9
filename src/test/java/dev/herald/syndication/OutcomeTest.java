package dev.herald.syndication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which outcomes count as delivered (the CLI's exit status and the queue's "done" rest on it), and what each says. */
class OutcomeTest {
    private static final Instant AT = Instant.parse("2024-03-12T10:15:30Z");

    @Test
    void aPostedOrDuplicatePostIsDelivered() {
        assertTrue(new Outcome.Posted("113", URI.create("https://social.example/@news/113")).delivered());
        assertTrue(new Outcome.Duplicate(null, null).delivered());
    }

    @Test
    void noFailureIsDelivered() {
        assertFalse(new Outcome.RateLimited(AT, "HTTP 429").delivered());
        assertFalse(new Outcome.Transient("HTTP 503", null).delivered());
        assertFalse(new Outcome.AuthFailed("HTTP 401").delivered());
        assertFalse(new Outcome.Permanent("HTTP 422: Text too long").delivered());
    }

    @Test
    void describesEachOutcomeForLogsAndTheCli() {
        assertEquals("posted https://social.example/@news/113", new Outcome.Posted("113", URI.create("https://social.example/@news/113")).describe());
        assertEquals("posted 113", new Outcome.Posted("113", null).describe());
        assertEquals("already posted https://social.example/@news/113", new Outcome.Duplicate("113", URI.create("https://social.example/@news/113")).describe());
        assertEquals("already posted 113", new Outcome.Duplicate("113", null).describe());
        assertEquals("already posted", new Outcome.Duplicate(null, null).describe());
        assertEquals("rate-limited until 2024-03-12T10:15:30Z: HTTP 429", new Outcome.RateLimited(AT, "HTTP 429").describe());
        assertEquals("rate-limited until 2024-03-12T10:15:30Z", new Outcome.RateLimited(AT, null).describe());
        assertEquals("transient failure: HTTP 503", new Outcome.Transient("HTTP 503", AT).describe());
        assertEquals("authentication failed: HTTP 401", new Outcome.AuthFailed("HTTP 401").describe());
        assertEquals("rejected: HTTP 422: Text too long", new Outcome.Permanent("HTTP 422: Text too long").describe());
    }

    @Test
    void aPostNeedsItsRemoteIdAndARateLimitItsInstant() {
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class, () -> new Outcome.Posted(" ", null));
        assertTrue(blank.getMessage().contains("remoteId"), blank.getMessage());
        Exception missing = assertThrows(RuntimeException.class, () -> new Outcome.RateLimited(null, "HTTP 429"));
        assertTrue(missing.getMessage().contains("retryAt"), missing.getMessage());
    }
}
