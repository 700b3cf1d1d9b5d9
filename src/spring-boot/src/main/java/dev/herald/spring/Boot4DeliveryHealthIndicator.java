package dev.herald.spring;

import dev.herald.delivery.DeliveryClient;
import dev.herald.internal.Validate;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/** Delivery's health ({@link DeliveryHealth}) as a Spring Boot 4 health indicator, {@code herald}. */
public final class Boot4DeliveryHealthIndicator implements HealthIndicator {
    private final DeliveryClient client;

    /** An indicator for the delivery {@code client} manages. */
    public Boot4DeliveryHealthIndicator(DeliveryClient client) {
        this.client = Validate.notNull(client, "client");
    }

    /** Delivery's health now. */
    @Override
    public Health health() {
        DeliveryHealth h = DeliveryHealth.of(client);
        return Health.status(new Status(h.status())).withDetails(h.details()).build();
    }
}
