package dev.herald.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.syndication.webhook.WebhookSignature;
import dev.herald.syndication.webhook.WebhookSignature.Failure;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MockWebhookReceiverTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final ManualClock clock = new ManualClock(NOW);
    private final MockWebhookReceiver hooks = MockWebhookReceiver.builder().clock(clock).start();
    private final WebhookSignature signer = WebhookSignature.of(hooks.secret());

    @AfterEach
    void stop() {
        hooks.close();
    }

    private HttpResponse<String> deliver(String id, Instant at, String json, WebhookSignature with) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return TestHttp.send(TestHttp.post(hooks.webhookUri(), "application/json", body, with.headers(id, at, body)).build());
    }

    private HttpResponse<String> deliver(String id, String json) throws Exception {
        return deliver(id, NOW, json, signer);
    }

    @Test
    void acceptsASignedDeliveryAndKeepsItsPayload() throws Exception {
        HttpResponse<String> r = deliver("msg_1", "{\"title\":\"Iran’s “retaliation” 🚀\"}");
        assertEquals(200, r.statusCode());
        assertEquals(1, hooks.uniqueCount());
        WebhookDelivery d = hooks.deliveries().get(0);
        assertEquals("msg_1", d.id());
        assertEquals(NOW, d.timestamp());
        assertEquals("Iran’s “retaliation” 🚀", d.payload().get("title").asText());
        assertEquals("{\"title\":\"Iran’s “retaliation” 🚀\"}", d.rawBody());
    }

    @Test
    void answersARedeliveryWith200AndProcessesItOnce() throws Exception {
        deliver("msg_1", "{\"n\":1}");
        HttpResponse<String> again = deliver("msg_1", "{\"n\":1}");
        assertEquals(200, again.statusCode());
        assertTrue(TestHttp.json(again).get("duplicate").asBoolean());
        assertEquals(1, hooks.uniqueCount());
        assertEquals(2, hooks.deliveryCount());
        assertEquals(1, hooks.redeliveryCount());
        assertEquals(2, hooks.attempts("msg_1"));
    }

    @Test
    void rejectsASignatureMadeWithAnotherSecretWith401() throws Exception {
        HttpResponse<String> r = deliver("msg_1", NOW, "{}", WebhookSignature.of(WebhookSignature.generateSecret()));
        assertEquals(401, r.statusCode());
        assertEquals("bad_signature", TestHttp.json(r).get("error").asText());
        assertEquals(1, hooks.rejectedCount(Failure.BAD_SIGNATURE));
        assertEquals(0, hooks.uniqueCount());
    }

    @Test
    void rejectsATimestampOlderThanFiveMinutesWith401() throws Exception {
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        HttpResponse<String> r = deliver("msg_1", "{}");
        assertEquals(401, r.statusCode());
        assertEquals("stale_timestamp", TestHttp.json(r).get("error").asText());
    }

    @Test
    void rejectsMissingHeadersWith400() throws Exception {
        HttpResponse<String> r = TestHttp.send(TestHttp.post(hooks.webhookUri(), "application/json", "{}".getBytes(StandardCharsets.UTF_8), Map.of()).build());
        assertEquals(400, r.statusCode());
        assertEquals("missing_header", TestHttp.json(r).get("error").asText());
        assertEquals(1, hooks.rejectedCount());
    }

    @Test
    void rejectsASignedBodyThatIsNotJsonWith400() throws Exception {
        assertEquals(400, deliver("msg_1", "title=x").statusCode());
        assertEquals(0, hooks.uniqueCount());
    }

    @Test
    void acceptsSignaturesFromTheOldSecretDuringRotation() throws Exception {
        String old = WebhookSignature.generateSecret();
        try (MockWebhookReceiver rotating = MockWebhookReceiver.builder().clock(clock).secrets(WebhookSignature.generateSecret(), old).start()) {
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> r = TestHttp.send(TestHttp.post(rotating.webhookUri(), "application/json", body,
                    WebhookSignature.of(old).headers("msg_9", NOW, body)).build());
            assertEquals(200, r.statusCode());
        }
    }

    @Test
    void answersOtherPathsWith404AndOtherMethodsWith405() throws Exception {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertEquals(404, TestHttp.send(TestHttp.post(hooks.uri("/elsewhere"), "application/json", body, Map.of()).build()).statusCode());
        assertEquals(405, TestHttp.send(java.net.http.HttpRequest.newBuilder(hooks.webhookUri()).GET().build()).statusCode());
    }

    @Test
    void injectsARateLimitWithRetryAfterThenRecovers() throws Exception {
        hooks.failNext(1, Fault.rateLimited(Duration.ofSeconds(30)));
        HttpResponse<String> limited = deliver("msg_1", "{}");
        assertEquals(429, limited.statusCode());
        assertEquals("30", limited.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(0, hooks.uniqueCount());
        assertEquals(200, deliver("msg_1", "{}").statusCode());
        assertEquals(1, hooks.injectedFailureCount());
    }

    @Test
    void injectsServerErrorsForTheNextNRequestsOnly() throws Exception {
        hooks.failNext(2, Fault.serverError(503));
        assertEquals(503, deliver("msg_1", "{}").statusCode());
        assertEquals(503, deliver("msg_1", "{}").statusCode());
        assertEquals(200, deliver("msg_1", "{}").statusCode());
        assertEquals(1, hooks.deliveryCount());
    }

    @Test
    void failsAlwaysUntilCleared() throws Exception {
        hooks.failAlways(Fault.unauthorized());
        for (int i = 0; i < 3; i++) assertEquals(401, deliver("msg_1", "{}").statusCode());
        hooks.clearFailures();
        assertEquals(200, deliver("msg_1", "{}").statusCode());
    }

    @Test
    void aDroppedConnectionFailsTheClientAndProcessesNothing() {
        hooks.failNext(1, Fault.dropConnection());
        assertThrows(IOException.class, () -> deliver("msg_1", "{}"));
        assertEquals(0, hooks.uniqueCount());
        assertEquals(1, hooks.requestCount());
    }

    @Test
    void aDroppedResponseFailsTheClientButTheMessageWasProcessed() throws Exception {
        hooks.failNext(1, Fault.dropResponse());
        assertThrows(IOException.class, () -> deliver("msg_1", "{}"));
        assertEquals(1, hooks.uniqueCount());
        assertEquals(200, deliver("msg_1", "{}").statusCode());
        assertEquals(1, hooks.redeliveryCount());
    }

    @Test
    void aSlowResponseTripsTheClientTimeout() {
        hooks.failNext(1, Fault.slow(Duration.ofSeconds(1)));
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        var request = TestHttp.post(hooks.webhookUri(), "application/json", body, signer.headers("msg_1", NOW, body))
                .timeout(Duration.ofMillis(200)).build();
        assertThrows(HttpTimeoutException.class, () -> TestHttp.send(request));
    }

    @Test
    void faultsCanTargetOnePath() throws Exception {
        hooks.failAlways(Fault.serverError().onlyFor("/other"));
        assertEquals(200, deliver("msg_1", "{}").statusCode());
        assertEquals(0, hooks.injectedFailureCount());
    }

    @Test
    void countsConcurrentDeliveriesAndRedeliveriesExactly() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String id = "msg_" + (i % 300); // 100 redeliveries
                results.add(pool.submit(() -> deliver(id, "{\"id\":\"" + id + "\"}").statusCode()));
            }
            for (Future<Integer> f : results) assertEquals(200, f.get());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(300, hooks.uniqueCount());
        assertEquals(400, hooks.deliveryCount());
        assertEquals(100, hooks.redeliveryCount());
        assertEquals(300, hooks.ids().size());
    }

    @Test
    void keepsOnlyTheConfiguredNumberOfPayloadsButCountsAll() throws Exception {
        try (MockWebhookReceiver lean = MockWebhookReceiver.builder().clock(clock).keepPayloads(1).keepRequests(2).start()) {
            WebhookSignature s = WebhookSignature.of(lean.secret());
            for (int i = 0; i < 3; i++) {
                byte[] body = ("{\"i\":" + i + "}").getBytes(StandardCharsets.UTF_8);
                TestHttp.send(TestHttp.post(lean.webhookUri(), "application/json", body, s.headers("m" + i, NOW, body)).build());
            }
            assertEquals(3, lean.uniqueCount());
            assertEquals(1, lean.payloads().size());
            assertNull(lean.delivery("m2").orElseThrow().payload());
            assertEquals(2, lean.recentRequests().size());
        }
    }

    @Test
    void unsignedModeRequiresOnlyAnId() throws Exception {
        try (MockWebhookReceiver open = MockWebhookReceiver.builder().unsigned().start()) {
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            Map<String, String> headers = new HashMap<>();
            assertEquals(400, TestHttp.send(TestHttp.post(open.webhookUri(), "application/json", body, headers).build()).statusCode());
            headers.put("webhook-id", "k1");
            assertEquals(200, TestHttp.send(TestHttp.post(open.webhookUri(), "application/json", body, headers).build()).statusCode());
            assertEquals(1, open.uniqueCount());
        }
    }

    @Test
    void awaitsDeliveriesMadeByAnotherThread() throws Exception {
        Thread sender = new Thread(() -> {
            try {
                deliver("msg_async", "{}");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        sender.start();
        assertTrue(hooks.awaitUnique(1, Duration.ofSeconds(10)));
        sender.join();
    }
}
