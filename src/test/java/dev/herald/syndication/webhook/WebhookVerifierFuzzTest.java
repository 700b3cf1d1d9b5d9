package dev.herald.syndication.webhook;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.herald.syndication.webhook.WebhookSignature.VerificationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Fuzzes a receiver's headers: whatever {@code webhook-id}, {@code webhook-timestamp} and
 * {@code webhook-signature} hold, verification either succeeds or throws
 * {@link VerificationException} (answered 401), never another exception (answered 500). Replays
 * {@code src/test/resources/dev/herald/syndication/webhook/WebhookVerifierFuzzTestInputs/} in every build.
 */
class WebhookVerifierFuzzTest {
    private static final WebhookSignature SIGNATURE = WebhookSignature.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

    @FuzzTest(maxDuration = "1m")
    void anyHeadersGiveAVerdictOrAVerificationException(FuzzedDataProvider data) {
        Duration tolerance = data.consumeBoolean() ? WebhookSignature.DEFAULT_TOLERANCE : Duration.ofSeconds(data.consumeLong(0, Long.MAX_VALUE));
        Instant now = Instant.ofEpochSecond(data.consumeLong(-31_557_014_167_219_200L, 31_556_889_864_403_199L));
        WebhookSignature.Verifier verifier = SIGNATURE.verifier(Clock.fixed(now, ZoneOffset.UTC), tolerance);
        String id = data.consumeBoolean() ? null : data.consumeString(80);
        String timestamp = data.consumeBoolean() ? Long.toString(data.consumeLong()) : data.consumeString(40);
        String signatures = data.consumeString(300);
        byte[] body = data.consumeRemainingAsBytes();
        try {
            assertNotNull(verifier.verify(id, timestamp, signatures, body));
        } catch (VerificationException expected) {
            assertNotNull(expected.failure());
        }
    }
}
