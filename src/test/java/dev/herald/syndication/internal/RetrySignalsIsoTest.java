package dev.herald.syndication.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.syndication.HttpReply;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ISO-8601 forms a reset header may take that {@link Instant#parse} alone does not read. */
class RetrySignalsIsoTest {
    @Test
    void anIsoResetWithAnOffsetAndWithoutSecondsIsRead() {
        HttpReply reply = new HttpReply(429, Map.of("x-ratelimit-reset", "2024-03-12T11:05+01:00"), null);
        assertEquals(Instant.parse("2024-03-12T10:05:00Z"), RetrySignals.isoInstant(reply, "X-RateLimit-Reset"));
    }
}
