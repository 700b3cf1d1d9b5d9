package dev.herald.syndication.bluesky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.internal.Graphemes;
import dev.herald.meta.ArticleMeta;
import dev.herald.meta.ImageMeta;
import dev.herald.syndication.CredentialCheck;
import dev.herald.syndication.FetchPolicy;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.MessageTemplate;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Preview;
import dev.herald.syndication.Secret;
import dev.herald.syndication.internal.TestImages;
import dev.herald.testkit.BlueskyBlob;
import dev.herald.testkit.BlueskyPost;
import dev.herald.testkit.Fault;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockBluesky;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BlueskySyndicatorTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String HEADLINE = "Iran says retaliation for US strike is complete, will not seek “escalation”";
    private static final String SUMMARY = "Iran does not intend to enter into a war with the United States, the regime said late Tuesday "
            + "after retaliating for the killing of its top general, Qassem Soleimani.";
    // Short enough for the whole seed message to fit in 300 graphemes.
    private static final String URL = "https://news.example/world/2020/01/08/iran-retaliation";
    private static final String CREATE_RECORD = "/xrpc/com.atproto.repo.createRecord";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ManualClock clock = new ManualClock(NOW);
    // Strict facets: a link facet off by one byte fails here, where the real PDS would store it.
    private final MockBluesky bsky = MockBluesky.builder().clock(clock).strictFacets().start();
    private final TestImages images = new TestImages();
    // The article images are served on loopback: the site allow-lists it, as one whose images live
    // on an internal host would (the PDS is a configured endpoint, never guarded).
    private final HttpTransport http = HttpTransport.builder().connectTimeout(Duration.ofSeconds(2)).responseTimeout(Duration.ofSeconds(5))
            .fetchPolicy(FetchPolicy.allowing("127.0.0.0/8", "::1")).build();
    private final BlueskySyndicator syndicator = new BlueskySyndicator(account(bsky.password()), http, clock);

    @AfterEach
    void stop() throws IOException {
        http.close();
        images.close();
        bsky.close();
    }

    private BlueskyAccount account(String password) {
        return new BlueskyAccount("newsroom-bsky", bsky.baseUri(), bsky.handle(), Secret.of("bsky", password), null, List.of());
    }

    private static ArticleMeta.Builder seed() {
        return ArticleMeta.builder().title(HEADLINE).description(SUMMARY).url(URL).locale(Locale.US).siteName("News Example");
    }

    private static Post post(ArticleMeta article) {
        return Post.of(article, "newsroom-bsky", "1");
    }

    private static String slice(String text, JsonNode facet) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int start = facet.path("index").path("byteStart").asInt();
        int end = facet.path("index").path("byteEnd").asInt();
        return new String(Arrays.copyOfRange(utf8, start, end), StandardCharsets.UTF_8);
    }

    private BlueskyPost onlyPost() {
        assertEquals(1, bsky.postCount(), "posts on the fake");
        return bsky.posts().get(0);
    }

    private List<RecordedRequest> requestsTo(String path) {
        List<RecordedRequest> out = new ArrayList<>();
        for (RecordedRequest r : bsky.recentRequests()) if (r.getUrl().encodedPath().equals(path)) out.add(r);
        return out;
    }

    // --- text and facets ---

    @Test
    void postsTheSeedArticleWithALinkFacetThatSlicesExactlyTheUrlOutOfTheUtf8Bytes() {
        Outcome outcome = syndicator.send(post(seed().build()));

        Outcome.Posted posted = assertInstanceOf(Outcome.Posted.class, outcome, outcome.describe());
        BlueskyPost p = onlyPost();
        assertEquals(HEADLINE + "\n\n" + SUMMARY + "\n\n" + URL, p.text());
        JsonNode facets = p.record().path("facets");
        assertEquals(1, facets.size(), facets.toString());
        assertEquals(URL, slice(p.text(), facets.get(0)));
        assertEquals("app.bsky.richtext.facet#link", facets.get(0).path("features").get(0).path("$type").asText());
        assertEquals(URL, facets.get(0).path("features").get(0).path("uri").asText());
        // The curly quotes are 3 bytes each: a char offset would be 4 bytes short.
        assertEquals(p.text().getBytes(StandardCharsets.UTF_8).length - URL.length(), facets.get(0).path("index").path("byteStart").asInt());
        assertEquals(p.uri(), posted.remoteId());
        assertEquals(URI.create("https://bsky.app/profile/" + bsky.handle() + "/post/" + p.rkey()), posted.remoteUrl());
    }

    @Test
    void aShortenedSummaryLeavesTheLinkFacetOnTheWholeUrl() {
        String longUrl = "https://news.example/world/2020/01/08/iran-says-retaliation-for-us-strike-is-complete-will-not-seek-escalation";

        Outcome outcome = syndicator.send(post(seed().url(longUrl).build()));

        assertInstanceOf(Outcome.Posted.class, outcome, outcome.describe());
        BlueskyPost p = onlyPost();
        assertTrue(p.text().contains("…\n\n" + longUrl), p.text());
        assertEquals(longUrl, slice(p.text(), p.record().path("facets").get(0)));
        assertTrue(Graphemes.count(p.text()) <= 300);
    }

    @Test
    void writesCreatedAtFromTheClockAndTheArticlesLanguage() {
        syndicator.send(post(seed().build()));

        BlueskyPost p = onlyPost();
        assertEquals("2026-03-01T12:00:00.000Z", p.createdAt());
        assertEquals(List.of("en-US"), p.langs());
    }

    @Test
    void configuredLanguagesWinOverTheArticles() {
        BlueskyAccount account = new BlueskyAccount("de", bsky.baseUri(), bsky.handle(), Secret.of("bsky", bsky.password()), null, List.of("de", "en"));
        new BlueskySyndicator(account, http, clock).send(post(seed().build()));

        assertEquals(List.of("de", "en"), onlyPost().langs());
    }

    @Test
    void emojiHeadlineAndHashtagsGetFacetsAtTheirByteOffsets() {
        String headline = "🚀 Launch day for the 👨‍👩‍👧‍👦 family plan — “finally”";
        ArticleMeta article = seed().title(headline).description("Crème brûlée for everyone 🎉").tags(List.of("Space", "Middle East")).build();

        Outcome outcome = syndicator.send(post(article));

        assertInstanceOf(Outcome.Posted.class, outcome, outcome.describe());
        BlueskyPost p = onlyPost();
        assertTrue(p.text().startsWith(headline), p.text());
        JsonNode facets = p.record().path("facets");
        assertEquals(3, facets.size(), facets.toString());
        assertEquals(URL, slice(p.text(), facets.get(0)));
        assertEquals("#Space", slice(p.text(), facets.get(1)));
        assertEquals("Space", facets.get(1).path("features").get(0).path("tag").asText());
        assertEquals("app.bsky.richtext.facet#tag", facets.get(1).path("features").get(0).path("$type").asText());
        assertEquals("#MiddleEast", slice(p.text(), facets.get(2)));
        assertEquals(List.of(URL, "#Space", "#MiddleEast"), p.facetTexts());
    }

    @Test
    void theLinkCardCarriesTheArticlesUrlTitleAndDescription() {
        syndicator.send(post(seed().build()));

        JsonNode external = onlyPost().externalEmbed();
        assertEquals("app.bsky.embed.external", onlyPost().record().path("embed").path("$type").asText());
        assertEquals(URL, external.path("uri").asText());
        assertEquals(HEADLINE, external.path("title").asText());
        assertEquals(SUMMARY, external.path("description").asText());
        assertTrue(external.path("thumb").isMissingNode(), "no image, no thumb");
    }

    // --- session ---

    @Test
    void logsInOnceForManyPosts() {
        for (int i = 0; i < 5; i++) {
            Outcome o = syndicator.send(Post.of(seed().build(), "newsroom-bsky", "rev" + i));
            assertInstanceOf(Outcome.Posted.class, o, o.describe());
        }
        assertEquals(5, bsky.postCount());
        assertEquals(1, bsky.sessionCreationCount());
        assertEquals(0, bsky.sessionRefreshCount());
    }

    @Test
    void concurrentSendsShareOneLogin() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Outcome>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Post p = Post.of(seed().build(), "newsroom-bsky", "rev" + i);
                results.add(pool.submit(() -> {
                    start.await();
                    return syndicator.send(p);
                }));
            }
            start.countDown();
            for (Future<Outcome> f : results) assertInstanceOf(Outcome.Posted.class, f.get(), f.get().describe());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads, bsky.postCount());
        assertEquals(1, bsky.sessionCreationCount());
    }

    @Test
    void concurrentSendsWithAnExpiredTokenRefreshOnce() throws Exception {
        syndicator.send(Post.of(seed().build(), "newsroom-bsky", "first"));
        bsky.expireAccessTokens();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Outcome>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Post p = Post.of(seed().build(), "newsroom-bsky", "rev" + i);
                results.add(pool.submit(() -> {
                    start.await();
                    return syndicator.send(p);
                }));
            }
            start.countDown();
            for (Future<Outcome> f : results) assertInstanceOf(Outcome.Posted.class, f.get(), f.get().describe());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads + 1, bsky.postCount());
        assertEquals(1, bsky.sessionRefreshCount());
        assertEquals(1, bsky.sessionCreationCount());
    }

    @Test
    void anAccessTokenThePdsCallsExpiredIsRefreshedNotLoggedInAgain() {
        syndicator.send(Post.of(seed().build(), "newsroom-bsky", "1"));
        bsky.expireAccessTokens();

        Outcome o = syndicator.send(Post.of(seed().build(), "newsroom-bsky", "2"));

        assertInstanceOf(Outcome.Posted.class, o, o.describe());
        assertEquals(1, bsky.expiredTokenCount());
        assertEquals(1, bsky.sessionRefreshCount());
        assertEquals(1, bsky.sessionCreationCount());
        assertEquals(2, bsky.postCount());
    }

    @Test
    void aTokenPastItsExpiryByTheClockIsRefreshedBeforeUse() {
        syndicator.send(Post.of(seed().build(), "newsroom-bsky", "1"));
        clock.advance(Duration.ofHours(3));

        Outcome o = syndicator.send(Post.of(seed().build(), "newsroom-bsky", "2"));

        assertInstanceOf(Outcome.Posted.class, o, o.describe());
        assertEquals(0, bsky.expiredTokenCount(), "no request went out with the expired token");
        assertEquals(1, bsky.sessionRefreshCount());
        assertEquals(1, bsky.sessionCreationCount());
    }

    @Test
    void aRevokedSessionLeadsToOneNewLogin() {
        syndicator.send(Post.of(seed().build(), "newsroom-bsky", "1"));
        bsky.revokeSessions();

        Outcome o = syndicator.send(Post.of(seed().build(), "newsroom-bsky", "2"));

        assertInstanceOf(Outcome.Posted.class, o, o.describe());
        assertEquals(2, bsky.sessionCreationCount());
        assertEquals(2, bsky.postCount());
        assertEquals(1, bsky.errorCount("ExpiredToken"), "the revoked refresh token");
    }

    @Test
    void aWrongPasswordIsAuthFailed() {
        BlueskySyndicator wrong = new BlueskySyndicator(account("not-the-password"), http, clock);

        Outcome o = wrong.send(post(seed().build()));

        Outcome.AuthFailed failed = assertInstanceOf(Outcome.AuthFailed.class, o, o.describe());
        assertTrue(failed.message().contains("Invalid identifier or password"), failed.message());
        assertFalse(failed.message().contains("not-the-password"));
        assertEquals(0, bsky.postCount());
    }

    // --- thumbnail ---

    @Test
    void uploadsTheArticleImageAndReferencesItAsTheThumb() {
        byte[] png = TestImages.encode(TestImages.gradient(600, 315), "png");
        URI image = images.serve("/img/lead.png", "image/png", png);

        Outcome o = syndicator.send(post(seed().image(ImageMeta.of(image)).build()));

        assertInstanceOf(Outcome.Posted.class, o, o.describe());
        assertEquals(1, bsky.uploadCount());
        JsonNode thumb = onlyPost().externalEmbed().path("thumb");
        BlueskyBlob blob = bsky.blobs().get(thumb.path("ref").path("$link").asText());
        assertNotNull(blob, "thumb refers to the uploaded blob: " + thumb);
        assertEquals("image/png", blob.mimeType());
        assertEquals(png.length, blob.size(), "a small PNG is uploaded as it is");
        assertEquals("image/png", thumb.path("mimeType").asText());
    }

    @Test
    void aCameraSizedImageBeyondTheTransportsApiCapIsFetchedAndShrunk() {
        byte[] huge = TestImages.encode(TestImages.noise(2400, 1600, 7), "png");
        assertTrue(huge.length > HttpTransport.MAX_BODY_BYTES, "test image size " + huge.length);
        URI image = images.serve("/img/original.png", "image/png", huge);

        Outcome o = syndicator.send(post(seed().image(ImageMeta.of(image)).build()));

        assertInstanceOf(Outcome.Posted.class, o, o.describe());
        JsonNode thumb = onlyPost().externalEmbed().path("thumb");
        assertEquals("image/jpeg", thumb.path("mimeType").asText());
        assertTrue(thumb.path("size").asLong() <= 1_000_000, thumb.toString());
        BufferedImage sent = TestImages.decode(requestsTo("/xrpc/com.atproto.repo.uploadBlob").get(0).getBody().toByteArray());
        assertEquals(1200, sent.getWidth());
        assertEquals(800, sent.getHeight());
    }

    @Test
    void anImageOverOneMegabyteIsScaledDownBelowIt() {
        byte[] big = TestImages.encode(TestImages.noise(1000, 560, 42), "png");
        assertTrue(big.length > 1_000_000 && big.length < HttpTransport.MAX_BODY_BYTES, "test image size " + big.length);
        URI image = images.serve("/img/noise.png", "image/png", big);

        Outcome o = syndicator.send(post(seed().image(ImageMeta.of(image)).build()));

        assertInstanceOf(Outcome.Posted.class, o, o.describe());
        BlueskyBlob blob = bsky.blobs().get(onlyPost().externalEmbed().path("thumb").path("ref").path("$link").asText());
        assertNotNull(blob);
        assertEquals("image/jpeg", blob.mimeType());
        assertTrue(blob.size() <= 1_000_000, "thumb size " + blob.size());
        byte[] uploaded = requestsTo("/xrpc/com.atproto.repo.uploadBlob").get(0).getBody().toByteArray();
        BufferedImage sent = TestImages.decode(uploaded);
        assertEquals(1000, sent.getWidth(), "within 1200 px it keeps its size and only loses quality");
        assertEquals(560, sent.getHeight());
    }

    @Test
    void anImageBehindARedirectIsFollowed() {
        URI real = images.serve("/cdn/lead.png", "image/png", TestImages.encode(TestImages.gradient(300, 200), "png"));
        URI image = images.redirect("/img/lead.png", real);

        syndicator.send(post(seed().image(ImageMeta.of(image)).build()));

        assertEquals(1, bsky.uploadCount());
        assertTrue(onlyPost().externalEmbed().has("thumb"));
    }

    @Test
    void anImageOnAnAddressTheSiteDidNotAllowIsNeverFetched() throws IOException {
        URI image = images.serve("/img/lead.png", "image/png", TestImages.encode(TestImages.gradient(300, 200), "png"));
        try (HttpTransport publicOnly = HttpTransport.create()) {
            Outcome o = new BlueskySyndicator(account(bsky.password()), publicOnly, clock).send(post(seed().image(ImageMeta.of(image)).build()));

            assertInstanceOf(Outcome.Posted.class, o, o.describe());
        }
        assertEquals(0, images.requestCount(), "the loopback image server was never asked");
        assertEquals(0, bsky.uploadCount());
        assertFalse(onlyPost().externalEmbed().has("thumb"));
    }

    @Test
    void aMissingImageMeansACardWithoutThumb() {
        Outcome o = syndicator.send(post(seed().image(ImageMeta.of(images.url("/img/gone.jpg"))).build()));

        assertInstanceOf(Outcome.Posted.class, o, o.describe());
        assertEquals(1, images.requestCount());
        assertEquals(0, bsky.uploadCount());
        assertFalse(onlyPost().externalEmbed().has("thumb"));
        assertEquals(URL, onlyPost().externalEmbed().path("uri").asText());
    }

    @Test
    void anUnreachableImageHostMeansACardWithoutThumb() throws IOException {
        URI nowhere;
        try (MockWebServer closed = new MockWebServer()) {
            closed.start(InetAddress.getLoopbackAddress(), 0);
            nowhere = closed.url("/img/lead.jpg").uri();
        }

        Outcome o = syndicator.send(post(seed().image(ImageMeta.of(nowhere)).build()));

        assertInstanceOf(Outcome.Posted.class, o, o.describe());
        assertEquals(0, bsky.uploadCount());
        assertFalse(onlyPost().externalEmbed().has("thumb"));
    }

    @Test
    void somethingThatIsNotAnImageMeansACardWithoutThumb() {
        URI image = images.serve("/img/lead.jpg", "image/jpeg", "<html>login required</html>".getBytes(StandardCharsets.UTF_8));

        Outcome o = syndicator.send(post(seed().image(ImageMeta.of(image)).build()));

        assertInstanceOf(Outcome.Posted.class, o, o.describe());
        assertEquals(0, bsky.uploadCount());
    }

    @Test
    void anImageThePdsWillNotTakeMeansACardWithoutThumb() {
        try (MockBluesky small = MockBluesky.builder().clock(clock).uploadLimit(1000).start()) {
            BlueskySyndicator s = new BlueskySyndicator(account(small.password()).withService(small.baseUri()), http, clock);
            URI image = images.serve("/img/lead.png", "image/png", TestImages.encode(TestImages.gradient(600, 315), "png"));

            Outcome o = s.send(post(seed().image(ImageMeta.of(image)).build()));

            assertInstanceOf(Outcome.Posted.class, o, o.describe());
            assertEquals(1, small.errorCount("PayloadTooLarge"));
            assertFalse(small.posts().get(0).externalEmbed().has("thumb"));
        }
    }

    @Test
    void aThumbRefusedAtCreateRecordIsDroppedAndThePostGoesOut() throws IOException {
        AtomicInteger creates = new AtomicInteger();
        List<String> bodies = new CopyOnWriteArrayList<>();
        try (MockWebServer pds = new MockWebServer()) {
            pds.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    String path = request.getUrl().encodedPath();
                    if (path.endsWith("createSession")) {
                        return json(200, "{\"accessJwt\":\"a.b.c\",\"refreshJwt\":\"d.e.f\",\"did\":\"did:plc:stub\",\"handle\":\"herald.test\"}");
                    }
                    if (path.endsWith("uploadBlob")) {
                        return json(200, "{\"blob\":{\"$type\":\"blob\",\"ref\":{\"$link\":\"bafkreistub\"},\"mimeType\":\"image/png\",\"size\":10}}");
                    }
                    bodies.add(request.getBody().utf8());
                    if (creates.incrementAndGet() == 1) {
                        return json(400, "{\"error\":\"BlobTooLarge\",\"message\":\"This file is too large.\"}");
                    }
                    return json(200, "{\"uri\":\"at://did:plc:stub/app.bsky.feed.post/3abc\",\"cid\":\"bafyrei\"}");
                }
            });
            pds.start(InetAddress.getLoopbackAddress(), 0);
            URI image = images.serve("/img/lead.png", "image/png", TestImages.encode(TestImages.gradient(60, 30), "png"));
            BlueskySyndicator s = new BlueskySyndicator(account(bsky.password()).withService(pds.url("/").uri()), http, clock);

            Outcome o = s.send(post(seed().image(ImageMeta.of(image)).build()));

            assertInstanceOf(Outcome.Posted.class, o, o.describe());
            assertEquals(2, bodies.size());
            assertTrue(bodies.get(0).contains("\"thumb\""));
            assertFalse(bodies.get(1).contains("\"thumb\""));
        }
    }

    @Test
    void anUploadThatFailsForTheServersSakeFailsTheSendForNowInsteadOfDroppingThePicture() {
        bsky.failNext(1, Fault.serverError(503).onlyFor("/xrpc/com.atproto.repo.uploadBlob"));
        URI image = images.serve("/img/lead.png", "image/png", TestImages.encode(TestImages.gradient(60, 30), "png"));
        Post p = post(seed().image(ImageMeta.of(image)).build());

        Outcome first = syndicator.send(p);
        Outcome retry = syndicator.send(p);

        assertInstanceOf(Outcome.Transient.class, first, first.describe());
        assertInstanceOf(Outcome.Posted.class, retry, retry.describe());
        assertTrue(onlyPost().externalEmbed().has("thumb"));
    }

    // --- failures ---

    @Test
    void aRefused401TokenRenewsTheSessionAndRetriesOnce() {
        syndicator.send(Post.of(seed().build(), "newsroom-bsky", "1"));
        bsky.failNext(1, Fault.unauthorized().onlyFor(CREATE_RECORD));

        Outcome o = syndicator.send(Post.of(seed().build(), "newsroom-bsky", "2"));

        assertInstanceOf(Outcome.Posted.class, o, o.describe());
        assertEquals(1, bsky.sessionRefreshCount());
        assertEquals(2, bsky.postCount());
    }

    @Test
    void aRateLimitIsRetriedAtTheRatelimitResetInstant() {
        bsky.failNext(1, Fault.rateLimited(Duration.ofMinutes(7)).onlyFor(CREATE_RECORD));

        Outcome o = syndicator.send(post(seed().build()));

        Outcome.RateLimited limited = assertInstanceOf(Outcome.RateLimited.class, o, o.describe());
        assertEquals(NOW.plus(Duration.ofMinutes(7)), limited.retryAt());
        assertEquals(0, bsky.postCount());
    }

    @Test
    void anExhaustedWriteBudgetIsRateLimitedUntilItsWindowEnds() {
        try (MockBluesky tight = MockBluesky.builder().clock(clock).writePointsPerHour(3).start()) {
            BlueskySyndicator s = new BlueskySyndicator(account(tight.password()).withService(tight.baseUri()), http, clock);
            assertInstanceOf(Outcome.Posted.class, s.send(Post.of(seed().build(), "newsroom-bsky", "1")));

            Outcome o = s.send(Post.of(seed().build(), "newsroom-bsky", "2"));

            Outcome.RateLimited limited = assertInstanceOf(Outcome.RateLimited.class, o, o.describe());
            assertEquals(NOW.plus(Duration.ofHours(1)), limited.retryAt());
            assertEquals(1, tight.postCount());
        }
    }

    @Test
    void aServerErrorIsTransient() {
        bsky.failNext(1, Fault.serverError(503).onlyFor(CREATE_RECORD));

        Outcome o = syndicator.send(post(seed().build()));

        assertInstanceOf(Outcome.Transient.class, o, o.describe());
        assertEquals(0, bsky.postCount());
    }

    @Test
    void anInternalServerErrorWithNoRecordBehindItIsTransient() {
        bsky.failNext(1, Fault.serverError(500).onlyFor(CREATE_RECORD));

        Outcome o = syndicator.send(post(seed().build()));

        assertInstanceOf(Outcome.Transient.class, o, o.describe());
        assertEquals(1, bsky.errorCount("RecordNotFound"), "it looked the rkey up");
        assertEquals(0, bsky.postCount());
    }

    @Test
    void aDroppedConnectionIsTransientAndTheRetryPosts() {
        bsky.failNext(1, Fault.dropConnection().onlyFor(CREATE_RECORD));
        Post p = post(seed().build());

        Outcome first = syndicator.send(p);
        Outcome second = syndicator.send(p);

        assertInstanceOf(Outcome.Transient.class, first, first.describe());
        assertInstanceOf(Outcome.Posted.class, second, second.describe());
        assertEquals(1, bsky.postCount());
    }

    @Test
    void anUnreachablePdsIsTransient() throws IOException {
        URI nowhere;
        try (MockWebServer closed = new MockWebServer()) {
            closed.start(InetAddress.getLoopbackAddress(), 0);
            nowhere = closed.url("/").uri();
        }
        BlueskySyndicator s = new BlueskySyndicator(account(bsky.password()).withService(nowhere), http, clock);

        Outcome o = s.send(post(seed().build()));

        assertInstanceOf(Outcome.Transient.class, o, o.describe());
    }

    @Test
    void aRetryAfterALostResponseIsADuplicateAndThereIsExactlyOnePost() {
        bsky.failNext(1, Fault.dropResponse().onlyFor(CREATE_RECORD));
        Post p = post(seed().build());

        Outcome first = syndicator.send(p);
        Outcome retry = syndicator.send(p);

        assertInstanceOf(Outcome.Transient.class, first, first.describe());
        Outcome.Duplicate duplicate = assertInstanceOf(Outcome.Duplicate.class, retry, retry.describe());
        BlueskyPost only = onlyPost();
        assertEquals(only.uri(), duplicate.remoteId());
        assertEquals(URI.create("https://bsky.app/profile/" + bsky.handle() + "/post/" + only.rkey()), duplicate.remoteUrl());
        assertEquals(1, bsky.duplicateRkeyCount());
        assertTrue(duplicate.delivered());
    }

    @Test
    void theRecordKeyIsATidDerivedFromTheIdempotencyKey() {
        Post p = post(seed().build());

        syndicator.send(p);

        assertEquals(RecordKeys.forIdempotencyKey(p.idempotencyKey()), onlyPost().rkey());
        assertTrue(onlyPost().clientRkey());
    }

    @Test
    void anInvalidRequestIsPermanentWithBlueskysMessage() throws IOException {
        try (MockWebServer pds = new MockWebServer()) {
            pds.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    String path = request.getUrl().encodedPath();
                    if (path.endsWith("createSession")) {
                        return json(200, "{\"accessJwt\":\"a.b.c\",\"refreshJwt\":\"d.e.f\",\"did\":\"did:plc:stub\",\"handle\":\"herald.test\"}");
                    }
                    return json(400, "{\"error\":\"InvalidRequest\",\"message\":\"Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes\"}");
                }
            });
            pds.start(InetAddress.getLoopbackAddress(), 0);
            BlueskySyndicator s = new BlueskySyndicator(account(bsky.password()).withService(pds.url("/").uri()), http, clock);

            Outcome o = s.send(post(seed().build()));

            Outcome.Permanent permanent = assertInstanceOf(Outcome.Permanent.class, o, o.describe());
            assertEquals("HTTP 400: InvalidRequest: Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes",
                    permanent.message());
            assertEquals(2, pds.getRequestCount(), "no retry of a rejected post");
        }
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    // --- preview ---

    @Test
    void previewMakesNoRequestAndShowsTheThumbAsANote() throws IOException {
        URI image = images.url("/img/lead.jpg");
        int before = bsky.requestCount();

        Preview preview = syndicator.preview(post(seed().image(ImageMeta.of(image)).build()));

        assertEquals(before, bsky.requestCount());
        assertEquals(0, images.requestCount());
        JsonNode body = JSON.readTree(preview.payload());
        assertEquals("<uploadBlob of " + image + ">", body.path("record").path("embed").path("external").path("thumb").asText());
        assertEquals("<DID of @herald.test, from createSession>", body.path("repo").asText());
        assertEquals(HEADLINE + "\n\n" + SUMMARY + "\n\n" + URL, body.path("record").path("text").asText());
        assertTrue(preview.payload().contains("\n  \"record\" : {"), "pretty-printed");
        assertEquals("bluesky", preview.network());
        assertTrue(preview.text().fits());
    }

    @Test
    void previewIsExactlyTheBodySendPosts() throws IOException {
        Post p = post(seed().build());
        syndicator.send(p);
        int before = bsky.requestCount();

        Preview preview = syndicator.preview(p);

        assertEquals(before, bsky.requestCount());
        byte[] sent = requestsTo(CREATE_RECORD).get(0).getBody().toByteArray();
        assertEquals(JSON.readTree(sent), JSON.readTree(preview.payload()));
    }

    @Test
    void aCredentialCheckLogsInAndAWrongPasswordFailsIt() {
        CredentialCheck ok = syndicator.check();
        assertEquals(CredentialCheck.Status.OK, ok.status(), ok.message());
        assertEquals("logged in as @" + bsky.handle(), ok.message());
        CredentialCheck refused = new BlueskySyndicator(account("not-the-password"), http, clock).check();
        assertEquals(CredentialCheck.Status.AUTH_FAILED, refused.status(), refused.message());
        assertTrue(bsky.posts().isEmpty(), "a check posts nothing");
    }
}
