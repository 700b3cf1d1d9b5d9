package dev.herald.syndication.mastodon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.internal.Graphemes;
import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.CredentialCheck;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.MessageTemplate;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Preview;
import dev.herald.syndication.Secret;
import dev.herald.syndication.mastodon.MastodonAccount.Visibility;
import dev.herald.testkit.Fault;
import dev.herald.testkit.HeraldMockExtension;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MastodonStatus;
import dev.herald.testkit.MockMastodon;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HeraldMockExtension.class)
class MastodonSyndicatorTest {
    static final String HEADLINE = "Iran says retaliation for US strike is complete, will not seek “escalation”";
    static final String SUMMARY = "Iran does not intend to enter into a war with the United States, the regime said late Tuesday "
            + "after retaliating for the killing of its top general, Qassem Soleimani.";
    static final String URL = "https://news.example/world/2020/01/08/iran-says-retaliation-for-us-strike-is-complete-will-not-seek-escalation";
    static final ArticleMeta SEED = ArticleMeta.builder().title(HEADLINE).description(SUMMARY).url(URL)
            .locale(Locale.forLanguageTag("en-US")).tags(List.of("Iran", "Middle East")).build();
    private static final String STATUSES = "/api/v1/statuses";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpTransport http = HttpTransport.create();

    @AfterEach
    void closeTransport() throws IOException {
        http.close();
    }

    private static MastodonAccount account(MockMastodon mastodon) {
        return MastodonAccount.of("newsroom", mastodon.baseUri(), Secret.of("mastodon", mastodon.accessToken()));
    }

    private MastodonSyndicator syndicator(MockMastodon mastodon, ManualClock clock) {
        return new MastodonSyndicator(account(mastodon), http, clock);
    }

    private static Post post(String revision) {
        return Post.of(SEED, "newsroom", revision);
    }

    private static long requestsTo(MockMastodon mastodon, String path) {
        return mastodon.recentRequests().stream().filter(r -> r.getUrl().encodedPath().equals(path)).count();
    }

    @Test
    void postsTheSeedArticleWithItsTextVisibilityAndLanguage(MockMastodon mastodon, ManualClock clock) {
        MastodonSyndicator mastodonSyndicator = new MastodonSyndicator(account(mastodon).withVisibility(Visibility.UNLISTED), http, clock);
        Post post = post("1");

        Outcome outcome = mastodonSyndicator.send(post);

        Outcome.Posted posted = assertInstanceOf(Outcome.Posted.class, outcome, outcome.describe());
        MastodonStatus status = mastodon.statuses().get(0);
        assertEquals(status.id(), posted.remoteId());
        assertEquals(URI.create(status.url()), posted.remoteUrl());
        assertEquals(HEADLINE + "\n\n" + SUMMARY + "\n\n" + URL + "\n\n#Iran #MiddleEast", status.text());
        assertEquals("unlisted", status.visibility());
        assertEquals("en", status.language());
        assertEquals(post.idempotencyKey(), status.idempotencyKey());
        RecordedRequest sent = mastodon.lastRequest();
        assertEquals("Bearer " + mastodon.accessToken(), sent.getHeaders().get("Authorization"));
        assertTrue(sent.getHeaders().get("Content-Type").startsWith("application/json"));
    }

    @Test
    void theAccountsLanguageWinsOverTheArticles(MockMastodon mastodon, ManualClock clock) {
        new MastodonSyndicator(account(mastodon).withLanguage("DE"), http, clock).send(post("1"));
        assertEquals("de", mastodon.statuses().get(0).language());
    }

    @Test
    void anArticleWithoutALocaleIsSentWithoutALanguage(MockMastodon mastodon, ManualClock clock) throws Exception {
        Preview preview = syndicator(mastodon, clock).preview(Post.of(SEED.toBuilder().locale(null).build(), "newsroom", "1"));
        assertFalse(JSON.readTree(preview.payload()).has("language"), preview.payload());
    }

    @Test
    void composesForTheInstancesOwnLimitsKeepingTheUrlWhole(ManualClock clock) {
        try (MockMastodon small = MockMastodon.builder().clock(clock).maxCharacters(100).charactersReservedPerUrl(23).start()) {
            Outcome outcome = syndicator(small, clock).send(post("1"));

            assertInstanceOf(Outcome.Posted.class, outcome, outcome.describe());
            // Headline (75) + blank line (2) + the URL counted as 23 is exactly 100: summary and hashtags give way.
            String text = small.statuses().get(0).text();
            assertEquals(HEADLINE + "\n\n" + URL, text);
            assertEquals(100, Graphemes.count(text) - URL.length() + 23);
            assertEquals(0, small.validationFailureCount());
        }
    }

    @Test
    void readsTheLimitsOnceForManyPostsAndAgainAfterADay(MockMastodon mastodon, ManualClock clock) {
        MastodonSyndicator syndicator = syndicator(mastodon, clock);
        for (int i = 0; i < 5; i++) assertTrue(syndicator.send(post("r" + i)).delivered());
        assertEquals(1, requestsTo(mastodon, "/api/v2/instance"));

        clock.advance(Duration.ofHours(23));
        syndicator.send(post("later"));
        assertEquals(1, requestsTo(mastodon, "/api/v2/instance"));

        clock.advance(Duration.ofHours(2));
        syndicator.send(post("next day"));
        assertEquals(2, requestsTo(mastodon, "/api/v2/instance"));
        assertEquals(7, mastodon.statusCount());
    }

    @Test
    void concurrentPostsReadTheLimitsOnce(MockMastodon mastodon, ManualClock clock) throws Exception {
        MastodonSyndicator syndicator = syndicator(mastodon, clock);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Outcome>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Post p = post("r" + i);
                results.add(pool.submit(() -> {
                    start.await();
                    return syndicator.send(p);
                }));
            }
            start.countDown();
            for (Future<Outcome> f : results) assertInstanceOf(Outcome.Posted.class, f.get(30, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, requestsTo(mastodon, "/api/v2/instance"));
        assertEquals(16, mastodon.statusCount());
    }

    @Test
    void anUnreadableInstancePostsWithDefaultsAndReadsAgainLater(MockMastodon mastodon, ManualClock clock) {
        mastodon.failNext(1, Fault.serverError(503).onlyFor("/api/v2/instance"));
        MastodonSyndicator syndicator = syndicator(mastodon, clock);

        assertInstanceOf(Outcome.Posted.class, syndicator.send(post("1")));
        syndicator.send(post("2"));
        assertEquals(1, requestsTo(mastodon, "/api/v2/instance"), "not retried on every post");

        clock.advance(Duration.ofMinutes(11));
        assertInstanceOf(Outcome.Posted.class, syndicator.send(post("3")));
        assertEquals(2, requestsTo(mastodon, "/api/v2/instance"));
        assertEquals(3, mastodon.statusCount());
    }

    @Test
    void aTooLongTextWhileTheLimitsWereUnknownIsRetriedWithTheRealLimits(ManualClock clock) {
        try (MockMastodon small = MockMastodon.builder().clock(clock).maxCharacters(100).start()) {
            small.failNext(1, Fault.serverError(503).onlyFor("/api/v2/instance"));
            MastodonSyndicator syndicator = syndicator(small, clock);

            Outcome first = syndicator.send(post("1"));
            Outcome.Transient t = assertInstanceOf(Outcome.Transient.class, first, first.describe());
            assertTrue(t.message().contains("Text character limit of 100 exceeded"), t.message());

            Outcome retry = syndicator.send(post("1"));
            assertInstanceOf(Outcome.Posted.class, retry, retry.describe());
            assertEquals(2, requestsTo(small, "/api/v2/instance"));
            assertEquals(1, small.statusCount());
        }
    }

    @Test
    void fallsBackToV1InstanceWhenV2IsMissing(ManualClock clock) throws IOException {
        try (MockWebServer old = new MockWebServer()) {
            old.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    switch (request.getUrl().encodedPath()) {
                        case "/api/v2/instance":
                            return json(404, "{\"error\":\"Record not found\"}");
                        case "/api/v1/instance":
                            return json(200, "{\"uri\":\"old.example\",\"max_toot_chars\":120}");
                        default:
                            return json(200, "{\"id\":\"42\",\"url\":\"https://old.example/@herald/42\"}");
                    }
                }
            });
            old.start();
            MastodonAccount acct = MastodonAccount.of("old", old.url("/").uri(), Secret.of("t", "token"));
            MastodonSyndicator syndicator = new MastodonSyndicator(acct, http, clock);

            Outcome outcome = syndicator.send(post("1"));

            assertEquals(new Outcome.Posted("42", URI.create("https://old.example/@herald/42")), outcome);
            assertEquals(120, syndicator.preview(post("1")).text().limit());
            assertEquals("/api/v2/instance", old.takeRequest().getUrl().encodedPath());
            assertEquals("/api/v1/instance", old.takeRequest().getUrl().encodedPath());
            RecordedRequest status = old.takeRequest();
            assertEquals(STATUSES, status.getUrl().encodedPath());
            String text = JSON.readTree(status.getBody().utf8()).get("status").asText();
            assertTrue(text.contains(URL) && !text.contains(SUMMARY), text);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aTextThatCannotFitIsPermanentWithoutPosting(ManualClock clock) {
        try (MockMastodon tiny = MockMastodon.builder().clock(clock).maxCharacters(20).charactersReservedPerUrl(23).start()) {
            Outcome outcome = syndicator(tiny, clock).send(post("1"));

            Outcome.Permanent p = assertInstanceOf(Outcome.Permanent.class, outcome, outcome.describe());
            assertTrue(p.message().contains("20 characters"), p.message());
            assertEquals(0, requestsTo(tiny, STATUSES));
        }
    }

    @Test
    void theSameKeyTwiceMakesOneStatusReportedAsPostedWithTheSameId(MockMastodon mastodon, ManualClock clock) {
        MastodonSyndicator syndicator = syndicator(mastodon, clock);
        Outcome first = syndicator.send(post("1"));
        clock.advance(Duration.ofMinutes(5));
        Outcome again = syndicator.send(post("1"));

        assertEquals(first, again);
        assertInstanceOf(Outcome.Posted.class, again);
        assertEquals(1, mastodon.statusCount());
        assertEquals(1, mastodon.idempotentReplayCount());
    }

    @Test
    void aLostAnswerIsRetriedWithoutASecondStatus(MockMastodon mastodon, ManualClock clock) {
        MastodonSyndicator syndicator = syndicator(mastodon, clock);
        mastodon.failNext(1, Fault.dropResponse().onlyFor(STATUSES));

        assertInstanceOf(Outcome.Transient.class, syndicator.send(post("1")));
        Outcome retry = syndicator.send(post("1"));

        assertEquals(mastodon.statuses().get(0).id(), assertInstanceOf(Outcome.Posted.class, retry).remoteId());
        assertEquals(1, mastodon.statusCount());
    }

    @Test
    void anInvalidOrRevokedTokenIsAnAuthFailure(MockMastodon mastodon, ManualClock clock) {
        MastodonAccount wrong = MastodonAccount.of("newsroom", mastodon.baseUri(), Secret.of("mastodon", "not-a-token"));
        Outcome outcome = new MastodonSyndicator(wrong, http, clock).send(post("1"));
        Outcome.AuthFailed failed = assertInstanceOf(Outcome.AuthFailed.class, outcome, outcome.describe());
        assertTrue(failed.message().contains("The access token is invalid"), failed.message());

        mastodon.revokeToken(mastodon.accessToken());
        assertInstanceOf(Outcome.AuthFailed.class, syndicator(mastodon, clock).send(post("1")));
        assertEquals(0, mastodon.statusCount());
    }

    @Test
    void aTokenWithoutWriteStatusesIsAnAuthFailure(ManualClock clock) {
        try (MockMastodon readOnly = MockMastodon.builder().clock(clock).accessToken("read-only", "herald", "read").start()) {
            Outcome outcome = syndicator(readOnly, clock).send(post("1"));
            Outcome.AuthFailed failed = assertInstanceOf(Outcome.AuthFailed.class, outcome, outcome.describe());
            assertTrue(failed.message().contains("outside the authorized scopes"), failed.message());
        }
    }

    @Test
    void aValidationErrorIsPermanentWithTheServersMessage(ManualClock clock) throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(json(200, "{\"configuration\":{\"statuses\":{\"max_characters\":500,\"characters_reserved_per_url\":23}}}"));
            server.enqueue(json(422, "{\"error\":\"Validation failed: Text contains a forbidden word\"}"));
            server.start();
            MastodonAccount acct = MastodonAccount.of("x", server.url("/").uri(), Secret.of("t", "token"));

            Outcome outcome = new MastodonSyndicator(acct, http, clock).send(post("1"));

            assertEquals(new Outcome.Permanent("HTTP 422: Validation failed: Text contains a forbidden word"), outcome);
        }
    }

    @Test
    void aTooLongTextWithKnownLimitsIsPermanentAndTheLimitsAreReadAgain(ManualClock clock) throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            String instance = "{\"configuration\":{\"statuses\":{\"max_characters\":500,\"characters_reserved_per_url\":23}}}";
            server.enqueue(json(200, instance));
            server.enqueue(json(422, "{\"error\":\"Validation failed: Text character limit of 400 exceeded\"}"));
            server.enqueue(json(200, instance));
            server.enqueue(json(200, "{\"id\":\"7\",\"url\":null}"));
            server.start();
            MastodonSyndicator syndicator = new MastodonSyndicator(MastodonAccount.of("x", server.url("/").uri(), Secret.of("t", "token")), http, clock);

            assertInstanceOf(Outcome.Permanent.class, syndicator.send(post("1")));
            assertEquals(new Outcome.Posted("7", null), syndicator.send(post("2")));
            assertEquals(4, server.getRequestCount());
        }
    }

    @Test
    void aRateLimitIsRetriedAtTheResetHeader(MockMastodon mastodon, ManualClock clock) {
        MastodonSyndicator syndicator = syndicator(mastodon, clock);
        mastodon.failNext(1, Fault.rateLimited(Duration.ofMinutes(7)).onlyFor(STATUSES));

        Outcome outcome = syndicator.send(post("1"));

        assertEquals(clock.instant().plus(Duration.ofMinutes(7)), assertInstanceOf(Outcome.RateLimited.class, outcome).retryAt());
    }

    @Test
    void anExhaustedStatusWindowIsRetriedWhenTheWindowEnds(MockMastodon mastodon, ManualClock clock) {
        mastodon.exhaustStatusRateLimit(mastodon.accessToken());
        Outcome outcome = syndicator(mastodon, clock).send(post("1"));

        long threeHours = Duration.ofHours(3).toMillis();
        Instant windowEnd = Instant.ofEpochMilli(Math.floorDiv(clock.millis(), threeHours) * threeHours + threeHours);
        Outcome.RateLimited limited = assertInstanceOf(Outcome.RateLimited.class, outcome, outcome.describe());
        assertEquals(windowEnd, limited.retryAt());
        assertTrue(limited.message().contains("Too many requests"), limited.message());
    }

    @Test
    void serverErrorsAreTransient(MockMastodon mastodon, ManualClock clock) {
        MastodonSyndicator syndicator = syndicator(mastodon, clock);
        mastodon.failNext(1, Fault.serverError(503).onlyFor(STATUSES));
        mastodon.failNext(1, Fault.serverError(500).onlyFor(STATUSES));

        Outcome.Transient proxy = assertInstanceOf(Outcome.Transient.class, syndicator.send(post("1")));
        assertEquals("HTTP 503", proxy.message());
        assertEquals("HTTP 500: We're sorry, but something went wrong on our end.",
                assertInstanceOf(Outcome.Transient.class, syndicator.send(post("1"))).message());
        assertEquals(0, mastodon.statusCount());
    }

    @Test
    void aDroppedConnectionIsTransient(MockMastodon mastodon, ManualClock clock) {
        mastodon.failNext(1, Fault.dropConnection().onlyFor(STATUSES));
        Outcome outcome = syndicator(mastodon, clock).send(post("1"));
        assertTrue(assertInstanceOf(Outcome.Transient.class, outcome).message().startsWith("no answer from the network"), outcome.describe());
        assertEquals(0, mastodon.statusCount());
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsTransientAndTheRetryFindsTheStatus(MockMastodon mastodon, ManualClock clock) throws IOException {
        try (HttpTransport impatient = HttpTransport.create(Duration.ofSeconds(2), Duration.ofMillis(250))) {
            MastodonSyndicator syndicator = new MastodonSyndicator(account(mastodon), impatient, clock);
            mastodon.failNext(1, Fault.slow(Duration.ofSeconds(1)).onlyFor(STATUSES));

            Outcome outcome = syndicator.send(post("1"));
            assertTrue(assertInstanceOf(Outcome.Transient.class, outcome).message().contains("timed out"), outcome.describe());

            // The slow request was processed; the same key finds that status instead of making another.
            assertInstanceOf(Outcome.Posted.class, syndicator.send(post("1")));
            assertEquals(1, mastodon.statusCount());
        }
    }

    @Test
    void anUnreachableServerIsTransientAndNeverThrows(ManualClock clock) throws IOException {
        URI closed;
        try (MockWebServer gone = new MockWebServer()) {
            gone.start();
            closed = gone.url("/").uri();
        }
        Outcome outcome = new MastodonSyndicator(MastodonAccount.of("x", closed, Secret.of("t", "token")), http, clock).send(post("1"));
        assertInstanceOf(Outcome.Transient.class, outcome, outcome.describe());
    }

    @Test
    void previewShowsTheExactBodyWithoutAnyRequest(MockMastodon mastodon, ManualClock clock) throws Exception {
        MastodonSyndicator syndicator = new MastodonSyndicator(account(mastodon).withVisibility(Visibility.PRIVATE), http, clock);

        Preview preview = syndicator.preview(post("1"));

        assertEquals(0, mastodon.requestCount());
        assertEquals("mastodon", preview.network());
        assertEquals("newsroom", preview.account());
        assertEquals(500, preview.text().limit());
        JsonNode body = JSON.readTree(preview.payload());
        assertEquals(List.of("status", "visibility", "language"), fieldNames(body));
        assertEquals(preview.text().text(), body.get("status").asText());
        assertEquals("private", body.get("visibility").asText());
        assertEquals("en", body.get("language").asText());
        assertFalse(preview.payload().contains(mastodon.accessToken()));

        syndicator.send(post("1"));
        assertEquals(body, JSON.readTree(mastodon.lastRequest().getBody().utf8()), "the preview is what was sent");
    }

    @Test
    void previewUsesTheLimitsAnEarlierSendRead(ManualClock clock) {
        try (MockMastodon small = MockMastodon.builder().clock(clock).maxCharacters(100).start()) {
            MastodonSyndicator syndicator = syndicator(small, clock);
            assertEquals(500, syndicator.preview(post("1")).text().limit());
            syndicator.send(post("1"));
            int requests = small.requestCount();

            Preview preview = syndicator.preview(post("2"));

            assertEquals(100, preview.text().limit());
            assertTrue(preview.text().shortened());
            assertEquals(requests, small.requestCount());
        }
    }

    @Test
    void sendsTheAccountsTemplate(MockMastodon mastodon, ManualClock clock) {
        MessageTemplate template = MessageTemplate.defaults().withPattern("{headline} {url}");
        new MastodonSyndicator(account(mastodon).withTemplate(template), http, clock).send(post("1"));
        assertEquals(HEADLINE + " " + URL, mastodon.statuses().get(0).text());
    }

    @Test
    void reportsItsAccountAndNetwork(MockMastodon mastodon, ManualClock clock) {
        MastodonSyndicator syndicator = syndicator(mastodon, clock);
        assertEquals("newsroom", syndicator.account());
        assertEquals("mastodon", syndicator.network());
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json; charset=utf-8").body(body).build();
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void aCredentialCheckAcceptsAWorkingTokenAndRefusesARevokedOne(MockMastodon mastodon, ManualClock clock) {
        MastodonSyndicator s = syndicator(mastodon, clock);
        CredentialCheck ok = s.check();
        assertEquals(CredentialCheck.Status.OK, ok.status(), ok.message());
        assertTrue(ok.message().startsWith("the token is accepted for @"), ok.message());
        mastodon.revokeToken(mastodon.accessToken());
        CredentialCheck refused = s.check();
        assertEquals(CredentialCheck.Status.AUTH_FAILED, refused.status(), refused.message());
        assertFalse(refused.message().contains(mastodon.accessToken()), refused.message());
        assertTrue(mastodon.statuses().isEmpty(), "a check posts nothing");
    }

    @Test
    void aTokenThatMayOnlyPostPassesTheCredentialCheck(ManualClock clock) {
        try (MockMastodon postOnly = MockMastodon.builder().clock(clock).accessToken("post-only", "ledger", "write:statuses").start()) {
            MastodonSyndicator s = new MastodonSyndicator(MastodonAccount.of("newsroom", postOnly.baseUri(), Secret.of("t", "post-only")), http, clock);
            assertEquals(CredentialCheck.Status.OK, s.check().status());
        }
    }

    @Test
    void aCredentialCheckThatGetsNoVerdictIsUnknown(MockMastodon mastodon, ManualClock clock) {
        mastodon.failNext(1, Fault.serverError(503));
        assertEquals(CredentialCheck.Status.UNKNOWN, syndicator(mastodon, clock).check().status());
    }
}
