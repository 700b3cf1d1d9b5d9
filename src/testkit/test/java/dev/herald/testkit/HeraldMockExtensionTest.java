package dev.herald.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HeraldMockExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HeraldMockExtensionTest {
    private static MockMastodon fromFirstTest;

    private final MockBluesky fromConstructor;

    HeraldMockExtensionTest(MockBluesky bluesky) {
        this.fromConstructor = bluesky;
    }

    @Test
    @Order(1)
    void injectsStartedFakes(MockMastodon mastodon, MockBluesky bluesky, MockWebhookReceiver hooks) throws Exception {
        fromFirstTest = mastodon;
        assertEquals(200, TestHttp.send(HttpRequest.newBuilder(mastodon.uri("/api/v2/instance")).GET().build()).statusCode());
        assertEquals(200, TestHttp.send(TestHttp.post(bluesky.uri("/xrpc/com.atproto.server.createSession"), "application/json",
                TestHttp.JSON.writeValueAsBytes(Map.of("identifier", bluesky.handle(), "password", bluesky.password())), Map.of()).build()).statusCode());
        assertTrue(hooks.webhookUri().toString().startsWith("http://"));
    }

    @Test
    @Order(2)
    void stopsTheFakesOfAFinishedTest() {
        assertThrows(IOException.class, () -> TestHttp.send(HttpRequest.newBuilder(fromFirstTest.uri("/api/v2/instance"))
                .timeout(Duration.ofSeconds(2)).GET().build()));
    }

    @Test
    @Order(3)
    void sharesOneInstancePerTypeWithTheConstructor(MockBluesky bluesky) {
        assertSame(fromConstructor, bluesky);
        assertEquals(0, bluesky.sessionCreationCount());
    }

    @Test
    @Order(4)
    void runsTheFakesOnTheInjectedManualClock(MockMastodon mastodon, ManualClock clock) throws Exception {
        Instant start = clock.instant();
        mastodon.exhaustApiRateLimit(mastodon.accessToken());
        HttpRequest req = TestHttp.post(mastodon.uri("/api/v1/statuses"), "application/x-www-form-urlencoded", "status=hi".getBytes(),
                Map.of("Authorization", "Bearer " + mastodon.accessToken())).build();
        assertEquals(429, TestHttp.send(req).statusCode());
        clock.advance(Duration.ofMinutes(5));
        assertEquals(200, TestHttp.send(req).statusCode());
        assertEquals(start.plus(Duration.ofMinutes(5)), mastodon.statuses().get(0).createdAt());
    }

    @Test
    @Order(5)
    void usesTheSystemClockWithoutAManualClockParameter(MockMastodon mastodon) throws Exception {
        Instant before = Clock.systemUTC().instant().minusSeconds(1);
        TestHttp.send(TestHttp.post(mastodon.uri("/api/v1/statuses"), "application/x-www-form-urlencoded", "status=hi".getBytes(),
                Map.of("Authorization", "Bearer " + mastodon.accessToken())).build());
        assertTrue(mastodon.statuses().get(0).createdAt().isAfter(before));
    }

    @AfterAll
    static void forget() {
        fromFirstTest = null;
    }

    @Nested
    class WhenNested {
        @Test
        void resolvesInNestedClassesToo(MockWebhookReceiver hooks) {
            assertEquals(0, hooks.uniqueCount());
        }
    }
}
