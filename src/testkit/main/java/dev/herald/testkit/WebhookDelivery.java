package dev.herald.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.internal.Validate;
import java.time.Instant;

/**
 * One webhook message as {@link MockWebhookReceiver} first accepted it.
 *
 * @param id the {@code webhook-id} (the sender's idempotency key)
 * @param timestamp the {@code webhook-timestamp} the sender signed
 * @param receivedAt when the receiver's clock says it arrived
 * @param payload the JSON body as parsed; null once the receiver's payload budget is spent
 * @param rawBody the body exactly as received (UTF-8); null once the payload budget is spent
 */
public record WebhookDelivery(String id, Instant timestamp, Instant receivedAt, JsonNode payload, String rawBody) {
    /** Requires the id and both instants. */
    public WebhookDelivery {
        Validate.notBlank(id, "id");
        Validate.notNull(timestamp, "timestamp");
        Validate.notNull(receivedAt, "receivedAt");
    }
}
