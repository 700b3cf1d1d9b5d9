package dev.herald.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

class MockMastodonTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:01:30Z");
    private final ManualClock clock = new ManualClock(NOW);
    private final MockMastodon mastodon = MockMastodon.builder().clock(clock).start();

    @AfterEach
    void stop() {
        mastodon.close();
    }

    private HttpResponse<String> postForm(Map<String, String> form, Map<String, String> headers) throws Exception {
        StringBuilder b = new StringBuilder();
        form.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        Map<String, String> h = new HashMap<>(headers);
        h.putIfAbsent("Authorization", "Bearer " + mastodon.accessToken());
        return TestHttp.send(TestHttp.post(mastodon.uri("/api/v1/statuses"), "application/x-www-form-urlencoded",
                b.toString().getBytes(StandardCharsets.UTF_8), h).build());
    }

    private HttpResponse<String> post(String status) throws Exception {
        return postForm(Map.of("status", status), Map.of());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(mastodon.uri(path)).GET();
        if (token != null) b.header("Authorization", "Bearer " + token);
        return TestHttp.send(b.build());
    }

    @Test
    void servesTheInstanceLimitsFromV2Instance() throws Exception {
        try (MockMastodon small = MockMastodon.builder().maxCharacters(280).charactersReservedPerUrl(20).start()) {
            HttpResponse<String> r = TestHttp.send(HttpRequest.newBuilder(small.uri("/api/v2/instance")).GET().build());
            assertEquals(200, r.statusCode());
            JsonNode statuses = TestHttp.json(r).at("/configuration/statuses");
            assertEquals(280, statuses.get("max_characters").asInt());
            assertEquals(20, statuses.get("characters_reserved_per_url").asInt());
        }
    }

    @Test
    void createsAStatusFromAFormBodyAndAnswersWithARealisticStatus() throws Exception {
        HttpResponse<String> r = postForm(Map.of("status", "Iran’s “retaliation” https://news.example/a?b=1 #World", "visibility", "unlisted",
                "language", "en"), Map.of());
        assertEquals(200, r.statusCode());
        JsonNode s = TestHttp.json(r);
        MastodonStatus stored = mastodon.statuses().get(0);
        assertEquals(stored.id(), s.get("id").asText());
        assertEquals("unlisted", s.get("visibility").asText());
        assertEquals("en", s.get("language").asText());
        assertEquals("2026-03-01T12:01:30.000Z", s.get("created_at").asText());
        assertEquals(mastodon.baseUri() + "@herald/" + stored.id(), s.get("url").asText());
        assertEquals(mastodon.baseUri() + "users/herald/statuses/" + stored.id(), s.get("uri").asText());
        assertEquals("herald", s.at("/account/username").asText());
        assertEquals("world", s.at("/tags/0/name").asText());
        String content = s.get("content").asText();
        assertTrue(content.startsWith("<p>Iran’s “retaliation” <a href=\"https://news.example/a?b=1\""), content);
        assertTrue(content.contains("#<span>World</span></a></p>"), content);
    }

    @Test
    void acceptsAJsonBody() throws Exception {
        byte[] body = "{\"status\":\"Hello from JSON\",\"visibility\":\"private\",\"sensitive\":true}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = TestHttp.send(TestHttp.post(mastodon.uri("/api/v1/statuses"), "application/json", body,
                Map.of("Authorization", "Bearer " + mastodon.accessToken())).build());
        assertEquals(200, r.statusCode());
        MastodonStatus s = mastodon.statuses().get(0);
        assertEquals("Hello from JSON", s.text());
        assertEquals("private", s.visibility());
        assertTrue(s.sensitive());
    }

    @Test
    void escapesHtmlInContent() throws Exception {
        JsonNode s = TestHttp.json(post("<script>alert(1)</script> & \"q\""));
        assertEquals("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;</p>", s.get("content").asText());
    }

    @Test
    void rejectsAMissingOrWrongTokenWith401() throws Exception {
        HttpResponse<String> none = TestHttp.send(TestHttp.post(mastodon.uri("/api/v1/statuses"), "application/x-www-form-urlencoded",
                "status=hi".getBytes(StandardCharsets.UTF_8), Map.of()).build());
        assertEquals(401, none.statusCode());
        assertEquals("{\"error\":\"The access token is invalid\"}", none.body());
        assertEquals(401, postForm(Map.of("status", "hi"), Map.of("Authorization", "Bearer nope")).statusCode());
        assertEquals(0, mastodon.statusCount());
        assertEquals(2, mastodon.authFailureCount());
    }

    @Test
    void rejectsARevokedToken() throws Exception {
        mastodon.revokeToken(mastodon.accessToken());
        assertEquals(401, post("hi").statusCode());
    }

    @Test
    void rejectsATokenWithoutWriteScopeWith403() throws Exception {
        try (MockMastodon m = MockMastodon.builder().accessToken("ro", "reader", "read").start()) {
            HttpResponse<String> r = TestHttp.send(TestHttp.post(m.uri("/api/v1/statuses"), "application/x-www-form-urlencoded",
                    "status=hi".getBytes(StandardCharsets.UTF_8), Map.of("Authorization", "Bearer ro")).build());
            assertEquals(403, r.statusCode());
            assertEquals("This action is outside the authorized scopes", TestHttp.json(r).get("error").asText());
        }
    }

    @Test
    void rejectsABlankStatusWith422() throws Exception {
        HttpResponse<String> r = post("   ");
        assertEquals(422, r.statusCode());
        assertEquals("{\"error\":\"Validation failed: Text can't be blank\"}", r.body());
        assertEquals(1, mastodon.validationFailureCount());
    }

    @Test
    void rejectsAnUnknownVisibilityWith422() throws Exception {
        HttpResponse<String> r = postForm(Map.of("status", "hi", "visibility", "friends"), Map.of());
        assertEquals(422, r.statusCode());
        assertEquals("Validation failed: Visibility is not included in the list", TestHttp.json(r).get("error").asText());
    }

    @Test
    void rejectsTextOverTheLimitWith422() throws Exception {
        HttpResponse<String> r = post("a".repeat(501));
        assertEquals(422, r.statusCode());
        assertEquals("{\"error\":\"Validation failed: Text character limit of 500 exceeded\"}", r.body());
        assertEquals(200, post("a".repeat(500)).statusCode());
    }

    @Test
    void countsEveryUrlAsTwentyThreeCharacters() throws Exception {
        String url = "https://news.example/" + "x".repeat(200);
        // 476 + 1 space + 23 = 500: fits, although the raw text is 698 characters long.
        assertEquals(200, post("a".repeat(476) + " " + url).statusCode());
        assertEquals(422, post("a".repeat(477) + " " + url).statusCode());
    }

    @Test
    void countsEmojiSequencesAsOneCharacter() throws Exception {
        assertEquals(200, post("👨‍👩‍👧‍👦".repeat(500)).statusCode());
        assertEquals(422, post("👨‍👩‍👧‍👦".repeat(501)).statusCode());
    }

    @Test
    void countsTheContentWarningTowardsTheLimit() throws Exception {
        assertEquals(422, postForm(Map.of("status", "a".repeat(490), "spoiler_text", "b".repeat(11)), Map.of()).statusCode());
    }

    @Test
    void returnsTheSameStatusForARepeatedIdempotencyKey() throws Exception {
        HttpResponse<String> first = postForm(Map.of("status", "once"), Map.of("Idempotency-Key", "k-1"));
        HttpResponse<String> second = postForm(Map.of("status", "once"), Map.of("Idempotency-Key", "k-1"));
        assertEquals(200, second.statusCode());
        assertEquals(TestHttp.json(first).get("id"), TestHttp.json(second).get("id"));
        assertEquals(1, mastodon.statusCount());
        assertEquals(1, mastodon.idempotentReplayCount());
        assertEquals(1, mastodon.idempotencyKeys().size());
        assertEquals("k-1", mastodon.statuses().get(0).idempotencyKey());
    }

    @Test
    void forgetsAnIdempotencyKeyAfterAnHour() throws Exception {
        postForm(Map.of("status", "once"), Map.of("Idempotency-Key", "k-1"));
        clock.advance(Duration.ofMinutes(61));
        postForm(Map.of("status", "once"), Map.of("Idempotency-Key", "k-1"));
        assertEquals(2, mastodon.statusCount());
    }

    @Test
    void doesNotRememberTheKeyOfAFailedCreation() throws Exception {
        assertEquals(422, postForm(Map.of("status", ""), Map.of("Idempotency-Key", "k-1")).statusCode());
        assertEquals(200, postForm(Map.of("status", "now valid"), Map.of("Idempotency-Key", "k-1")).statusCode());
        assertEquals(1, mastodon.statusCount());
    }

    @Test
    void sendsRateLimitHeadersOnEveryResponse() throws Exception {
        HttpResponse<String> instance = get("/api/v2/instance", null);
        assertEquals("300", instance.headers().firstValue("X-RateLimit-Limit").orElseThrow());
        assertEquals("299", instance.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
        assertEquals("2026-03-01T12:05:00.000000Z", instance.headers().firstValue("X-RateLimit-Reset").orElseThrow());
        HttpResponse<String> created = post("hi");
        assertEquals("299", created.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
        assertEquals("2026-03-01T15:00:00.000000Z", created.headers().firstValue("X-RateLimit-Reset").orElseThrow());
        assertTrue(post("").headers().firstValue("X-RateLimit-Remaining").isPresent());
    }

    @Test
    void answers429WhenTheStatusWindowIsSpentAndRecoversWhenItResets() throws Exception {
        try (MockMastodon m = MockMastodon.builder().clock(clock).statusRateLimit(2, Duration.ofHours(3)).start()) {
            Map<String, String> auth = Map.of("Authorization", "Bearer " + m.accessToken());
            java.util.function.Supplier<HttpRequest> req = () -> TestHttp.post(m.uri("/api/v1/statuses"), "application/x-www-form-urlencoded",
                    "status=hi".getBytes(StandardCharsets.UTF_8), auth).build();
            assertEquals(200, TestHttp.send(req.get()).statusCode());
            assertEquals(200, TestHttp.send(req.get()).statusCode());
            HttpResponse<String> limited = TestHttp.send(req.get());
            assertEquals(429, limited.statusCode());
            assertEquals("{\"error\":\"Too many requests\"}", limited.body());
            assertEquals("0", limited.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
            Instant reset = Instant.parse(limited.headers().firstValue("X-RateLimit-Reset").orElseThrow());
            assertEquals(Instant.parse("2026-03-01T15:00:00Z"), reset);
            clock.set(reset);
            assertEquals(200, TestHttp.send(req.get()).statusCode());
            assertEquals(3, m.statusCount());
            assertEquals(1, m.rateLimitedCount());
        }
    }

    @Test
    void answers429WhenTheFiveMinuteApiWindowIsSpent() throws Exception {
        mastodon.exhaustApiRateLimit(mastodon.accessToken());
        HttpResponse<String> r = post("hi");
        assertEquals(429, r.statusCode());
        assertEquals("2026-03-01T12:05:00.000000Z", r.headers().firstValue("X-RateLimit-Reset").orElseThrow());
        clock.advance(Duration.ofMinutes(4));
        assertEquals(200, post("hi").statusCode());
    }

    @Test
    void schedulesAStatusAtLeastFiveMinutesAhead() throws Exception {
        HttpResponse<String> r = postForm(Map.of("status", "later", "scheduled_at", "2026-03-01T13:00:00.000Z"), Map.of());
        assertEquals(200, r.statusCode());
        JsonNode j = TestHttp.json(r);
        assertEquals("2026-03-01T13:00:00.000Z", j.get("scheduled_at").asText());
        assertEquals("later", j.at("/params/text").asText());
        assertTrue(mastodon.statuses().get(0).scheduled());
        assertEquals(422, postForm(Map.of("status", "too soon", "scheduled_at", "2026-03-01T12:03:00Z"), Map.of()).statusCode());
    }

    @Test
    void servesCreatedStatusesAndTheTokensAccount() throws Exception {
        String id = TestHttp.json(post("hi")).get("id").asText();
        HttpResponse<String> r = get("/api/v1/statuses/" + id, mastodon.accessToken());
        assertEquals(200, r.statusCode());
        assertEquals("<p>hi</p>", TestHttp.json(r).get("content").asText());
        assertEquals(404, get("/api/v1/statuses/1", mastodon.accessToken()).statusCode());
        JsonNode me = TestHttp.json(get("/api/v1/accounts/verify_credentials", mastodon.accessToken()));
        assertEquals("herald", me.get("username").asText());
        assertEquals(1, me.get("statuses_count").asInt());
    }

    @Test
    void givesStatusesIncreasingSnowflakeIdsEvenWhenTheClockStandsStill() throws Exception {
        long a = Long.parseLong(TestHttp.json(post("a")).get("id").asText());
        long b = Long.parseLong(TestHttp.json(post("b")).get("id").asText());
        assertTrue(b > a);
        assertEquals(NOW.toEpochMilli(), a >> 16);
    }

    @Test
    void injectsItsOwnShapeOf401And429And5xx() throws Exception {
        mastodon.failNext(1, Fault.unauthorized());
        mastodon.failNext(1, Fault.rateLimited(Duration.ofSeconds(90)));
        mastodon.failNext(1, Fault.serverError(502));
        mastodon.failNext(1, Fault.serverError(500));
        assertEquals("{\"error\":\"The access token is invalid\"}", post("x").body());
        HttpResponse<String> limited = post("x");
        assertEquals(429, limited.statusCode());
        assertEquals("2026-03-01T12:03:00.000000Z", limited.headers().firstValue("X-RateLimit-Reset").orElseThrow());
        HttpResponse<String> proxy = post("x");
        assertEquals(502, proxy.statusCode());
        assertTrue(proxy.body().contains("502 Bad Gateway"));
        assertEquals(500, post("x").statusCode());
        assertEquals(0, mastodon.statusCount());
        assertEquals(200, post("x").statusCode());
    }

    @Test
    void aDroppedResponseAfterPostingIsRecoveredByTheIdempotencyKey() throws Exception {
        mastodon.failNext(1, Fault.dropResponse().onlyFor("/api/v1/statuses"));
        assertThrows(IOException.class, () -> postForm(Map.of("status", "x"), Map.of("Idempotency-Key", "k")));
        assertEquals(1, mastodon.statusCount());
        HttpResponse<String> retry = postForm(Map.of("status", "x"), Map.of("Idempotency-Key", "k"));
        assertEquals(mastodon.statuses().get(0).id(), TestHttp.json(retry).get("id").asText());
        assertEquals(1, mastodon.statusCount());
    }

    @Test
    void aDroppedConnectionPostsNothing() {
        mastodon.failNext(1, Fault.dropConnection());
        assertThrows(IOException.class, () -> post("x"));
        assertEquals(0, mastodon.statusCount());
    }

    @Test
    void racingRequestsWithOneKeyCreateOneStatus() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String key = "key-" + (i % 50);
                ids.add(pool.submit(() -> TestHttp.json(postForm(Map.of("status", "post " + key), Map.of("Idempotency-Key", key))).get("id").asText()));
            }
            for (Future<String> f : ids) assertFalse(f.get().isEmpty());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(50, mastodon.statusCount());
        assertEquals(150, mastodon.idempotentReplayCount());
        assertEquals(50, mastodon.idempotencyKeys().size());
    }

    @Test
    void dropsUnusableLanguageCodes() throws Exception {
        postForm(Map.of("status", "x", "language", "english!"), Map.of());
        assertNull(mastodon.statuses().get(0).language());
        assertNotEquals(0, mastodon.requestCount());
    }
}
