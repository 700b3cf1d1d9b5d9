package dev.herald.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.delivery.Delivery;
import dev.herald.delivery.DeliveryClient;
import dev.herald.delivery.DeliveryDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryHealthTest {
    @TempDir
    Path temp;

    @Test
    void isUpWithEveryAccountActiveListingSharesAndAccounts() {
        try (DeliveryDatabase db = DeliveryDatabase.h2(temp.resolve("herald"))) {
            DeliveryClient client = Delivery.client(db, Map.of("newsroom", "mastodon"));
            DeliveryHealth health = DeliveryHealth.of(client);
            assertEquals("UP", health.status());
            assertEquals(Map.of("newsroom", "ACTIVE"), health.details().get("accounts"));
            assertEquals(0L, ((Map<?, ?>) health.details().get("shares")).get("POSTED"));
        }
    }

    @Test
    void isDownWhenTheOutboxCannotBeRead() {
        DeliveryClient client;
        try (DeliveryDatabase db = DeliveryDatabase.h2(temp.resolve("herald"))) {
            client = Delivery.client(db, Map.of("newsroom", "mastodon"));
        }
        DeliveryHealth health = DeliveryHealth.of(client);
        assertEquals("DOWN", health.status());
        assertTrue(String.valueOf(health.details().get("reason")).startsWith("the outbox cannot be read"), health.details().toString());
    }
}
