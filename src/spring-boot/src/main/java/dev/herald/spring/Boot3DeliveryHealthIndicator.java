package dev.herald.spring;

import dev.herald.delivery.DeliveryClient;
import dev.herald.internal.Validate;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/** Delivery's health ({@link DeliveryHealth}) as a Spring Boot 3 health indicator, {@code herald}. */
public final class Boot3DeliveryHealthIndicator implements HealthIndicator {
    private final DeliveryClient client;

    /** An indicator for the delivery {@code client} manages. */
    public Boot3DeliveryHealthIndicator(DeliveryClient client) {
        this.client = Validate.notNull(client, "client");
    }

    /** Delivery's health now. */
    @Override
    public Health health() {
        DeliveryHealth h = DeliveryHealth.of(client);
        return Health.status(new Status(h.status())).withDetails(h.details()).build();
    }
}
