package dev.herald.example.boot;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.delivery.AccountState;
import dev.herald.delivery.DeliveryClient;
import dev.herald.delivery.ShareState;
import dev.herald.meta.ArticleMeta;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Delivery auto-configured from the app's accounts: sends, reports its metrics, and reports an
 * account whose credentials were refused as OUT_OF_SERVICE in the Actuator health.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "herald.delivery.database=target/herald-data/delivery-${random.uuid}")
class DeliveryTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Accounts {
        @Bean
        TestSyndicators.Accepting newsroom() {
            return new TestSyndicators.Accepting();
        }

        @Bean
        TestSyndicators.Refused expiredToken() {
            return new TestSyndicators.Refused();
        }
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    DeliveryClient delivery;
    @Autowired
    TestSyndicators.Accepting newsroom;
    @Autowired
    MeterRegistry registry;

    @Test
    void sendsReportsMetricsAndHealth() throws Exception {
        Site site = new Site(port);
        HttpResponse<String> before = site.get("/actuator/health/herald");
        assertEquals(200, before.statusCode(), before.body());
        assertEquals("UP", json(before).get("status").asText());

        ArticleMeta article = ArticleMeta.builder().url(URI.create("https://harbour.example/articles/harbour-bridge"))
                .title("Harbour bridge reopens after two-year repair").build();
        delivery.publish(article);
        await().atMost(Duration.ofSeconds(30)).until(() -> newsroom.sent.size() == 1
                && delivery.account("expired-token").state() == AccountState.AUTH_FAILED
                && delivery.stats().count(ShareState.POSTED) == 1);

        assertEquals(1, registry.get("herald.delivery.attempts").tag("network", "test").tag("outcome", "posted").counter().count());
        assertEquals(1, registry.get("herald.delivery.attempts").tag("network", "test").tag("outcome", "auth_failed").counter().count());
        assertEquals(1, registry.get("herald.delivery.lag").tag("network", "test").timer().count());
        assertEquals(1, registry.get("herald.delivery.shares").tag("state", "POSTED").gauge().value());

        HttpResponse<String> after = site.get("/actuator/health/herald");
        assertEquals(503, after.statusCode(), after.body());
        JsonNode health = json(after);
        assertEquals("OUT_OF_SERVICE", health.get("status").asText());
        assertEquals("AUTH_FAILED", health.at("/details/accounts/expired-token").asText());
        assertEquals("ACTIVE", health.at("/details/accounts/newsroom").asText());
        assertTrue(health.at("/details/reason").asText().contains("expired-token"), after.body());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return new ObjectMapper().readTree(r.body());
    }
}
