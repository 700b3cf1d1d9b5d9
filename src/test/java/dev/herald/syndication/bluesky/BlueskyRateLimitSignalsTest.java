package dev.herald.syndication.bluesky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Secret;
import dev.herald.testkit.Fault;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockBluesky;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each rate-limit signal on its own: Bluesky's {@code ratelimit-reset} (all the PDS sends), and a
 * {@code Retry-After} that a proxy in front of a self-hosted PDS may send instead.
 */
class BlueskyRateLimitSignalsTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String CREATE_RECORD = "/xrpc/com.atproto.repo.createRecord";

    private final ManualClock clock = new ManualClock(NOW);
    private final HttpTransport http = HttpTransport.create(Duration.ofSeconds(2), Duration.ofSeconds(5));

    @AfterEach
    void stop() throws IOException {
        http.close();
    }

    private static Post post() {
        return Post.of(ArticleMeta.builder().title("Council approves flood barrier").url("https://news.example/2026/03/flood").build(),
                "newsroom-bsky", "1");
    }

    private Outcome sendTo(URI service) {
        BlueskyAccount account = new BlueskyAccount("newsroom-bsky", service, "herald.test", Secret.of("bsky", "app-pass-word"), null, List.of());
        return new BlueskySyndicator(account, http, clock).send(post());
    }

    /** A PDS that logs in and answers every write with a 429 carrying exactly {@code headers}. */
    private Outcome rateLimitedWith(Map<String, String> headers) throws IOException {
        try (MockWebServer pds = new MockWebServer()) {
            pds.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    if (request.getUrl().encodedPath().endsWith("createSession")) {
                        return json(200, "{\"accessJwt\":\"a.b.c\",\"refreshJwt\":\"d.e.f\",\"did\":\"did:plc:stub\",\"handle\":\"herald.test\"}")
                                .build();
                    }
                    MockResponse.Builder b = json(429, "{\"error\":\"RateLimitExceeded\",\"message\":\"Rate Limit Exceeded\"}");
                    headers.forEach(b::setHeader);
                    return b.build();
                }
            });
            pds.start(InetAddress.getLoopbackAddress(), 0);
            return sendTo(pds.url("/").uri());
        }
    }

    private static MockResponse.Builder json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body);
    }

    @Test
    void theFakesRateLimitCarriesOnlyRatelimitResetAndIsRetriedThen() {
        try (MockBluesky bsky = MockBluesky.builder().clock(clock).start()) {
            bsky.failNext(1, Fault.rateLimited(Duration.ofMinutes(7)).onlyFor(CREATE_RECORD));
            BlueskyAccount account = new BlueskyAccount("newsroom-bsky", bsky.baseUri(), bsky.handle(), Secret.of("bsky", bsky.password()), null, List.of());

            Outcome o = new BlueskySyndicator(account, http, clock).send(post());

            Outcome.RateLimited limited = assertInstanceOf(Outcome.RateLimited.class, o, o.describe());
            assertEquals(NOW.plus(Duration.ofMinutes(7)), limited.retryAt());
            assertEquals("HTTP 429: RateLimitExceeded: Rate Limit Exceeded", limited.message());
        }
    }

    @Test
    void ratelimitResetAloneSetsTheRetry() throws IOException {
        Outcome o = rateLimitedWith(Map.of("RateLimit-Limit", "5000", "RateLimit-Remaining", "0",
                "RateLimit-Reset", Long.toString(NOW.plusSeconds(1800).getEpochSecond()), "RateLimit-Policy", "5000;w=3600"));

        assertEquals(NOW.plusSeconds(1800), assertInstanceOf(Outcome.RateLimited.class, o, o.describe()).retryAt());
    }

    @Test
    void retryAfterAloneSetsTheRetry() throws IOException {
        Outcome o = rateLimitedWith(Map.of("Retry-After", "120"));

        assertEquals(NOW.plusSeconds(120), assertInstanceOf(Outcome.RateLimited.class, o, o.describe()).retryAt());
    }

    @Test
    void ratelimitResetWinsOverRetryAfter() throws IOException {
        Outcome o = rateLimitedWith(Map.of("Retry-After", "30", "RateLimit-Reset", Long.toString(NOW.plusSeconds(900).getEpochSecond())));

        assertEquals(NOW.plusSeconds(900), assertInstanceOf(Outcome.RateLimited.class, o, o.describe()).retryAt());
    }

    @Test
    void noSignalWaitsTheDefaultMinute() throws IOException {
        Outcome o = rateLimitedWith(Map.of());

        assertEquals(NOW.plus(Duration.ofMinutes(1)), assertInstanceOf(Outcome.RateLimited.class, o, o.describe()).retryAt());
    }
}
