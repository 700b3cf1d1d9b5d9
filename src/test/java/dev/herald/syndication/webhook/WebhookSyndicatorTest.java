package dev.herald.syndication.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.meta.ArticleMeta;
import dev.herald.meta.Author;
import dev.herald.meta.ImageMeta;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.MessageTemplate;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Secret;
import dev.herald.testkit.Fault;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockWebhookReceiver;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookSyndicatorTest {
    private static final URI URL = URI.create("https://ledger.example/articles/iran-retaliation.html");
    private static final String OLD = WebhookSignature.generateSecret();
    private static final String NEW = WebhookSignature.generateSecret();

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final HttpTransport http = HttpTransport.create(Duration.ofSeconds(2), Duration.ofSeconds(2));
    private MockWebhookReceiver receiver = MockWebhookReceiver.builder().clock(clock).secrets(NEW).start();

    @AfterEach
    void stop() throws Exception {
        receiver.close();
        http.close();
    }

    private static ArticleMeta article(String title) {
        return ArticleMeta.builder().title(title).description("No casualties were reported.").url(URL).locale(Locale.US)
                .image(new ImageMeta(URI.create("https://ledger.example/img/bases.jpg"), 1200, 675, "Bases at dusk", "image/jpeg"))
                .authors(List.of(new Author("Miriam Holt", URI.create("https://ledger.example/authors/miriam-holt.html"))))
                .publishedTime(OffsetDateTime.parse("2020-01-08T13:40:00-05:00")).section("World").tags(List.of("Iran")).siteName("The Meridian Ledger").build();
    }

    private WebhookSyndicator syndicator(String... secrets) {
        List<Secret> list = java.util.Arrays.stream(secrets).map(s -> Secret.of("secret", s)).toList();
        return new WebhookSyndicator(new WebhookAccount("hook", receiver.webhookUri(), list, new MessageTemplate("{headline} {url}", List.of(), List.of(), false, 0)), http, clock);
    }

    @Test
    void theReceiverVerifiesTheSignatureAndGetsTheArticleFieldByField() {
        Post post = Post.of(article("Iran calls its strikes the end of its retaliation"), "hook", "1");
        Outcome o = syndicator(NEW).send(post);
        assertEquals(new Outcome.Posted(post.idempotencyKey(), null), o);
        assertEquals(0, receiver.rejectedCount());
        JsonNode payload = receiver.payloads().get(0);
        assertEquals("article.published", payload.path("type").asText());
        assertEquals("2026-03-01T12:00:00Z", payload.path("timestamp").asText());
        JsonNode data = payload.path("data");
        assertEquals(URL.toString(), data.path("url").asText());
        assertEquals("Iran calls its strikes the end of its retaliation", data.path("title").asText());
        assertEquals("No casualties were reported.", data.path("description").asText());
        assertEquals("https://ledger.example/img/bases.jpg", data.path("image").path("url").asText());
        assertEquals(1200, data.path("image").path("width").asInt());
        assertEquals("Bases at dusk", data.path("image").path("alt").asText());
        assertEquals("Miriam Holt", data.path("authors").get(0).path("name").asText());
        assertEquals("2020-01-08T13:40:00-05:00", data.path("publishedTime").asText());
        assertEquals("en_US", data.path("locale").asText());
        assertEquals("World", data.path("section").asText());
        assertEquals("Iran calls its strikes the end of its retaliation " + URL, data.path("text").asText());
        assertEquals("hook", data.path("account").asText());
        assertEquals("1", data.path("revision").asText());
        assertEquals(post.idempotencyKey(), receiver.deliveries().get(0).id());
    }

    @Test
    void duringARotationAReceiverKnowingEitherSecretVerifies() throws Exception {
        syndicator(NEW, OLD).send(Post.of(article("A"), "hook", "1"));
        assertEquals(1, receiver.uniqueCount());
        receiver.close();
        receiver = MockWebhookReceiver.builder().clock(clock).secrets(OLD).start();
        syndicator(NEW, OLD).send(Post.of(article("A"), "hook", "1"));
        assertEquals(1, receiver.uniqueCount());
        assertEquals(0, receiver.rejectedCount());
    }

    @Test
    void aWrongSecretIsRejectedByTheReceiverAsAuthFailure() {
        Outcome o = syndicator(OLD).send(Post.of(article("A"), "hook", "1"));
        assertInstanceOf(Outcome.AuthFailed.class, o, o.describe());
        assertEquals(1, receiver.rejectedCount(WebhookSignature.Failure.BAD_SIGNATURE));
    }

    @Test
    void retriesCarryTheSameIdSoTheReceiverDedupes() {
        WebhookSyndicator s = syndicator(NEW);
        Post post = Post.of(article("A"), "hook", "1");
        receiver.failNext(1, Fault.dropResponse());
        assertInstanceOf(Outcome.Transient.class, s.send(post));
        clock.advance(Duration.ofSeconds(30));
        assertInstanceOf(Outcome.Posted.class, s.send(post));
        assertEquals(1, receiver.uniqueCount());
        assertEquals(2, receiver.attempts(post.idempotencyKey()));
    }

    @Test
    void failuresAreClassifiedByStatus() {
        WebhookSyndicator s = syndicator(NEW);
        receiver.failNext(1, Fault.serverError(503));
        assertInstanceOf(Outcome.Transient.class, s.send(Post.of(article("A"), "hook", "1")));
        receiver.failNext(1, Fault.rateLimited(Duration.ofSeconds(90)));
        Outcome.RateLimited r = assertInstanceOf(Outcome.RateLimited.class, s.send(Post.of(article("A"), "hook", "1")));
        assertEquals(clock.instant().plusSeconds(90), r.retryAt());
        receiver.failNext(1, Fault.dropConnection());
        assertInstanceOf(Outcome.Transient.class, s.send(Post.of(article("A"), "hook", "1")));
    }

    @Test
    void aGoneEndpointIsPermanent() throws Exception {
        WebhookSyndicator wrongPath = new WebhookSyndicator(new WebhookAccount("hook", receiver.uri("/gone"), List.of(Secret.of("s", NEW)),
                MessageTemplate.defaults()), http, clock);
        Outcome o = wrongPath.send(Post.of(article("A"), "hook", "1"));
        Outcome.Permanent p = assertInstanceOf(Outcome.Permanent.class, o, o.describe());
        assertTrue(p.message().startsWith("HTTP 404"), p.message());
    }

    @Test
    void aHostileTitleStaysAnExactJsonString() {
        String hostile = "\"><script>alert(1)</script>\u2028{\"x\":1}";
        syndicator(NEW).send(Post.of(article(hostile), "hook", "1"));
        assertEquals(hostile, receiver.payloads().get(0).path("data").path("title").asText());
    }

    @Test
    void aSecretThatIsNotAStandardWebhooksSecretFailsAtOnceWithoutEchoingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> syndicator("hunter2"));
        assertTrue(!e.getMessage().contains("hunter2"), e.getMessage());
    }
}
