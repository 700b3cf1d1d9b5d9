package dev.herald.syndication.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.meta.ArticleMeta;
import dev.herald.meta.Author;
import dev.herald.meta.ImageMeta;
import dev.herald.syndication.CredentialCheck;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.MessageTemplate;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Preview;
import dev.herald.syndication.Secret;
import dev.herald.syndication.webhook.WebhookSignature.Failure;
import dev.herald.testkit.Fault;
import dev.herald.testkit.HeraldMockExtension;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockWebhookReceiver;
import dev.herald.testkit.WebhookDelivery;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HeraldMockExtension.class)
class WebhookSyndicatorTest {
    static final String HEADLINE = "Iran says retaliation for US strike is complete, will not seek “escalation”";
    static final String SUMMARY = "Iran does not intend to enter into a war with the United States, the regime said late Tuesday "
            + "after retaliating for the killing of its top general, Qassem Soleimani.";
    static final String URL = "https://news.example/world/2020/01/08/iran-says-retaliation-for-us-strike-is-complete-will-not-seek-escalation";
    static final ArticleMeta SEED = ArticleMeta.builder().title(HEADLINE).description(SUMMARY).url(URL).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpTransport http = HttpTransport.create();

    @AfterEach
    void closeTransport() throws IOException {
        http.close();
    }

    private static Secret secret(String whsec) {
        return Secret.of("webhook", whsec);
    }

    private WebhookSyndicator syndicator(MockWebhookReceiver hooks, ManualClock clock, String... secrets) {
        List<Secret> list = new ArrayList<>();
        for (String s : secrets.length == 0 ? new String[] {hooks.secret()} : secrets) list.add(secret(s));
        return new WebhookSyndicator(new WebhookAccount("hooks", hooks.webhookUri(), list, null), http, clock);
    }

    private static Post post(String revision) {
        return Post.of(SEED, "hooks", revision);
    }

    private static MockResponse answer(int code, String contentType, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", contentType).body(body).build();
    }

    private Outcome sendTo(MockWebServer server, MockResponse response, ManualClock clock) throws IOException {
        server.enqueue(response);
        if (!server.getStarted()) server.start();
        WebhookAccount acct = WebhookAccount.of("raw", server.url("/hooks/T0KEN123").uri(), secret(WebhookSignature.generateSecret()));
        return new WebhookSyndicator(acct, http, clock).send(post("1"));
    }

    @Test
    void postsASignedMessageTheReceiverVerifies(MockWebhookReceiver hooks, ManualClock clock) {
        Post post = post("1");

        Outcome outcome = syndicator(hooks, clock).send(post);

        assertEquals(new Outcome.Posted(post.idempotencyKey(), null), outcome);
        assertEquals(0, hooks.rejectedCount());
        WebhookDelivery delivery = hooks.delivery(post.idempotencyKey()).orElseThrow();
        assertEquals(Instant.ofEpochSecond(clock.instant().getEpochSecond()), delivery.timestamp());
        RecordedRequest sent = hooks.lastRequest();
        assertTrue(sent.getHeaders().get("Content-Type").startsWith("application/json"));
        assertEquals(1, sent.getHeaders().get("webhook-signature").split(" ").length);
    }

    @Test
    void duringRotationAReceiverKnowingOnlyTheNewSecretVerifies(ManualClock clock) {
        String newSecret = WebhookSignature.generateSecret();
        String oldSecret = WebhookSignature.generateSecret();
        try (MockWebhookReceiver hooks = MockWebhookReceiver.builder().clock(clock).secrets(newSecret).start()) {
            assertInstanceOf(Outcome.Posted.class, syndicator(hooks, clock, newSecret, oldSecret).send(post("1")));
            assertEquals(2, hooks.lastRequest().getHeaders().get("webhook-signature").split(" ").length);
            assertEquals(0, hooks.rejectedCount());
            assertEquals(1, hooks.uniqueCount());
        }
    }

    @Test
    void duringRotationAReceiverKnowingOnlyTheOldSecretVerifies(ManualClock clock) {
        String newSecret = WebhookSignature.generateSecret();
        String oldSecret = WebhookSignature.generateSecret();
        try (MockWebhookReceiver hooks = MockWebhookReceiver.builder().clock(clock).secrets(oldSecret).start()) {
            assertInstanceOf(Outcome.Posted.class, syndicator(hooks, clock, newSecret, oldSecret).send(post("1")));
            assertEquals(0, hooks.rejectedCount());
            assertEquals(1, hooks.uniqueCount());
        }
    }

    @Test
    void aSecretTheReceiverDoesNotKnowIsAnAuthFailure(MockWebhookReceiver hooks, ManualClock clock) {
        Outcome outcome = syndicator(hooks, clock, WebhookSignature.generateSecret()).send(post("1"));

        Outcome.AuthFailed failed = assertInstanceOf(Outcome.AuthFailed.class, outcome, outcome.describe());
        assertTrue(failed.message().startsWith("HTTP 401: no v1 signature"), failed.message());
        assertEquals(1, hooks.rejectedCount(Failure.BAD_SIGNATURE));
        assertEquals(0, hooks.uniqueCount());
    }

    @Test
    void theWebhookIdStaysTheSameAcrossRetriesSoTheReceiverProcessesItOnce(MockWebhookReceiver hooks, ManualClock clock) {
        WebhookSyndicator syndicator = syndicator(hooks, clock);
        Post post = post("1");
        hooks.failNext(1, Fault.dropResponse());

        assertInstanceOf(Outcome.Transient.class, syndicator.send(post));
        Instant firstAttempt = clock.instant();
        clock.advance(Duration.ofSeconds(30));
        Outcome retry = syndicator.send(post);

        assertEquals(new Outcome.Posted(post.idempotencyKey(), null), retry);
        assertEquals(1, hooks.uniqueCount());
        assertEquals(2, hooks.attempts(post.idempotencyKey()));
        assertEquals(1, hooks.redeliveryCount());
        assertEquals(Instant.ofEpochSecond(firstAttempt.getEpochSecond()), hooks.deliveries().get(0).timestamp());
        assertEquals(0, hooks.rejectedCount(), "the retry was signed afresh for its own timestamp");
    }

    @Test
    void aNewRevisionIsANewMessage(MockWebhookReceiver hooks, ManualClock clock) {
        WebhookSyndicator syndicator = syndicator(hooks, clock);
        syndicator.send(post("1"));
        syndicator.send(post("2"));
        assertEquals(2, hooks.uniqueCount());
        assertNotEquals(hooks.deliveries().get(0).id(), hooks.deliveries().get(1).id());
    }

    @Test
    void serverErrorsAreTransient(MockWebhookReceiver hooks, ManualClock clock) {
        hooks.failNext(1, Fault.serverError(503));
        Outcome outcome = syndicator(hooks, clock).send(post("1"));
        assertEquals(new Outcome.Transient("HTTP 503: 503 injected failure", null), outcome);
    }

    @Test
    void aServerErrorsRetryAfterIsKept(ManualClock clock) throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            Outcome outcome = sendTo(server, new MockResponse.Builder().code(503).setHeader("Retry-After", "120").build(), clock);
            assertEquals(clock.instant().plusSeconds(120), assertInstanceOf(Outcome.Transient.class, outcome).retryAfter());
        }
    }

    @Test
    void aDroppedConnectionIsTransient(MockWebhookReceiver hooks, ManualClock clock) {
        hooks.failNext(1, Fault.dropConnection());
        assertInstanceOf(Outcome.Transient.class, syndicator(hooks, clock).send(post("1")));
        assertEquals(0, hooks.uniqueCount());
    }

    @Test
    void aRateLimitIsRetriedAfterRetryAfter(MockWebhookReceiver hooks, ManualClock clock) {
        hooks.failNext(1, Fault.rateLimited(Duration.ofSeconds(90)));
        Outcome outcome = syndicator(hooks, clock).send(post("1"));
        assertEquals(new Outcome.RateLimited(clock.instant().plusSeconds(90), "HTTP 429: slow down"), outcome);
    }

    @Test
    void goneAndBadRequestArePermanentWithTheReceiversReason(ManualClock clock) throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            assertEquals(new Outcome.Permanent("HTTP 410: endpoint removed"),
                    sendTo(server, answer(410, "text/plain", "endpoint removed\nsecond line"), clock));
            assertEquals(new Outcome.Permanent("HTTP 400: payload rejected"),
                    sendTo(server, answer(400, "application/json", "{\"error\":\"bad_request\",\"message\":\"payload rejected\"}"), clock));
            assertEquals(new Outcome.Permanent("HTTP 404"), sendTo(server, answer(404, "text/html", "<html>Not here</html>"), clock));
        }
    }

    @Test
    void aConflictMeansTheReceiverHasItAlready(ManualClock clock) throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            Outcome outcome = sendTo(server, answer(409, "application/json", "{\"error\":\"duplicate\"}"), clock);
            assertEquals(new Outcome.Duplicate(post("1").idempotencyKey(), null), outcome);
            assertTrue(outcome.delivered());
        }
    }

    @Test
    void redirectsAreNotFollowed(ManualClock clock) throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            Outcome outcome = sendTo(server, new MockResponse.Builder().code(301).setHeader("Location", "https://elsewhere.example/").build(), clock);
            assertEquals(new Outcome.Permanent("HTTP 301: redirects are not followed; configure the endpoint's final URL"), outcome);
            assertEquals(1, server.getRequestCount());
        }
    }

    @Test
    void theTokenInTheUrlNeverShowsInAnOutcome(ManualClock clock) throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            Outcome outcome = sendTo(server, answer(400, "text/plain", "no such hook /hooks/T0KEN123"), clock);
            assertEquals(new Outcome.Permanent("HTTP 400: no such hook ****"), outcome);
        }
    }

    @Test
    void thePayloadHasTheDocumentedShapeFieldByField(MockWebhookReceiver hooks, ManualClock clock) {
        ArticleMeta article = SEED.toBuilder()
                .image(new ImageMeta(URI.create("https://news.example/img/tehran.jpg"), 1200, 630, "Missiles over Tehran", "image/jpeg"))
                .siteName("The Daily Ledger")
                .locale(Locale.forLanguageTag("en-US"))
                .type("article")
                .authors(List.of(new Author("Jane Doe", URI.create("https://news.example/staff/jane")), Author.named("John Roe")))
                .publishedTime(OffsetDateTime.parse("2020-01-08T03:15:00-05:00"))
                .modifiedTime(OffsetDateTime.parse("2020-01-08T09:00Z"))
                .section("World")
                .tags(List.of("Iran", "Middle East"))
                .build();
        Post post = Post.of(article, "hooks", "rev-2");

        syndicator(hooks, clock).send(post);

        JsonNode p = hooks.payloads().get(0);
        assertEquals(List.of("type", "timestamp", "data"), fieldNames(p));
        assertEquals("article.published", p.get("type").asText());
        assertEquals(Instant.ofEpochSecond(clock.instant().getEpochSecond()).toString(), p.get("timestamp").asText());
        JsonNode d = p.get("data");
        assertEquals(List.of("title", "description", "url", "image", "siteName", "locale", "type", "authors", "publishedTime",
                "modifiedTime", "section", "tags", "twitterSite", "twitterCreator", "text", "account", "revision"), fieldNames(d));
        assertEquals(URL, d.get("url").asText());
        assertEquals(HEADLINE, d.get("title").asText());
        assertEquals(SUMMARY, d.get("description").asText());
        JsonNode image = d.get("image");
        assertEquals("https://news.example/img/tehran.jpg", image.get("url").asText());
        assertEquals(1200, image.get("width").asInt());
        assertEquals(630, image.get("height").asInt());
        assertEquals("Missiles over Tehran", image.get("alt").asText());
        assertEquals("image/jpeg", image.get("type").asText());
        assertEquals("The Daily Ledger", d.get("siteName").asText());
        assertEquals("en_US", d.get("locale").asText());
        assertEquals("2020-01-08T03:15:00-05:00", d.get("publishedTime").asText());
        assertEquals("2020-01-08T09:00:00Z", d.get("modifiedTime").asText());
        assertEquals("World", d.get("section").asText());
        assertEquals(List.of("Iran", "Middle East"), JSON.convertValue(d.get("tags"), List.class));
        assertEquals("Jane Doe", d.at("/authors/0/name").asText());
        assertEquals("https://news.example/staff/jane", d.at("/authors/0/url").asText());
        assertEquals("John Roe", d.at("/authors/1/name").asText());
        assertTrue(d.at("/authors/1/url").isNull());
        assertEquals(HEADLINE + "\n\n" + SUMMARY + "\n\n" + URL + "\n\n#Iran #MiddleEast", d.get("text").asText());
        assertEquals("rev-2", d.get("revision").asText());
    }

    @Test
    void unknownValuesAreNullAndEmptyListsStayPresent(MockWebhookReceiver hooks, ManualClock clock) {
        syndicator(hooks, clock).send(Post.of(ArticleMeta.builder().url(URL).build(), "hooks", null));

        JsonNode d = hooks.payloads().get(0).get("data");
        for (String key : List.of("title", "description", "image", "siteName", "locale", "publishedTime", "modifiedTime", "section")) {
            assertTrue(d.has(key) && d.get(key).isNull(), key);
        }
        assertEquals(0, d.get("tags").size());
        assertEquals(0, d.get("authors").size());
        assertEquals(URL, d.get("text").asText());
        assertEquals("", d.get("revision").asText());
    }

    @Test
    void aHostileTitleStaysAnExactJsonString(MockWebhookReceiver hooks, ManualClock clock) {
        String hostile = "\"><script>alert('x')</script>\\\u2028</title>";
        syndicator(hooks, clock).send(Post.of(SEED.toBuilder().title(hostile).build(), "hooks", "1"));

        WebhookDelivery d = hooks.deliveries().get(0);
        assertEquals(hostile, d.payload().at("/data/title").asText());
        assertTrue(d.payload().at("/data/text").asText().startsWith(hostile));
        assertTrue(d.rawBody().contains("\"title\":\"\\\"><script>"), d.rawBody());
    }

    @Test
    void theAccountsTemplateWordsTheText(MockWebhookReceiver hooks, ManualClock clock) {
        WebhookAccount acct = WebhookAccount.of("hooks", hooks.webhookUri(), secret(hooks.secret()))
                .withTemplate(MessageTemplate.defaults().withPattern("{headline} — {url}"));
        new WebhookSyndicator(acct, http, clock).send(post("1"));
        assertEquals(HEADLINE + " — " + URL, hooks.payloads().get(0).at("/data/text").asText());
    }

    @Test
    void previewIsTheSentBodyAndMakesNoRequest(MockWebhookReceiver hooks, ManualClock clock) throws Exception {
        WebhookSyndicator syndicator = syndicator(hooks, clock);

        Preview preview = syndicator.preview(post("1"));

        assertEquals(0, hooks.requestCount());
        assertEquals("webhook", preview.network());
        assertEquals(Integer.MAX_VALUE, preview.text().limit());
        assertFalse(preview.payload().contains(hooks.secret().substring(6)));
        syndicator.send(post("1"));
        assertEquals(JSON.readTree(preview.payload()), hooks.payloads().get(0));
    }

    @Test
    void anUnreachableEndpointIsTransient(ManualClock clock) throws IOException {
        URI closed;
        try (MockWebServer gone = new MockWebServer()) {
            gone.start();
            closed = gone.url("/hooks/T0KEN123").uri();
        }
        Outcome outcome = new WebhookSyndicator(WebhookAccount.of("x", closed, secret(WebhookSignature.generateSecret())), http, clock)
                .send(post("1"));
        Outcome.Transient t = assertInstanceOf(Outcome.Transient.class, outcome);
        assertFalse(t.message().contains("T0KEN123"), t.message());
    }

    @Test
    void anIdempotencyKeyThatCannotBeAWebhookIdIsPermanent(MockWebhookReceiver hooks, ManualClock clock) {
        Outcome outcome = syndicator(hooks, clock).send(new Post(SEED, "hooks", "1", "key.with.dots"));
        assertInstanceOf(Outcome.Permanent.class, outcome);
        assertEquals(0, hooks.requestCount());
    }

    @Test
    void reportsItsAccountAndNetwork(MockWebhookReceiver hooks, ManualClock clock) {
        WebhookSyndicator syndicator = syndicator(hooks, clock);
        assertEquals("hooks", syndicator.account());
        assertEquals("webhook", syndicator.network());
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void aWebhookCredentialCheckIsNotApplicableAndSendsNothing(MockWebhookReceiver hooks, ManualClock clock) {
        CredentialCheck c = syndicator(hooks, clock).check();
        assertEquals(CredentialCheck.Status.UNKNOWN, c.status());
        assertTrue(c.message().startsWith("not applicable"), c.message());
        assertEquals(0, hooks.requestCount());
    }
}
