package dev.herald.syndication.bluesky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.meta.ArticleMeta;
import dev.herald.meta.ImageMeta;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.MessageTemplate;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Preview;
import dev.herald.syndication.Secret;
import dev.herald.testkit.BlueskyBlob;
import dev.herald.testkit.BlueskyPost;
import dev.herald.testkit.Fault;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockBluesky;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BlueskySyndicatorTest {
    static final String HEADLINE = "Iran says retaliation for US strike is complete, will not seek “escalation”";
    static final String SUMMARY = "Iran does not intend to enter into a war with the United States, the regime said late Tuesday "
            + "after retaliating for the killing of its top general, Qassem Soleimani.";
    static final URI URL = URI.create("https://ledger.example/articles/iran-retaliation.html");

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final HttpTransport http = HttpTransport.create(Duration.ofSeconds(2), Duration.ofSeconds(5));
    private final MockBluesky bluesky = MockBluesky.builder().clock(clock).strictFacets().start();
    private final MockWebServer images = new MockWebServer();

    @AfterEach
    void stop() throws Exception {
        bluesky.close();
        images.close();
        http.close();
    }

    private BlueskySyndicator syndicator(String password) {
        return new BlueskySyndicator(new BlueskyAccount("ledger", bluesky.baseUri(), bluesky.handle(), Secret.of("password", password),
                MessageTemplate.defaults(), List.of()), http, clock);
    }

    private BlueskySyndicator syndicator() {
        return syndicator(bluesky.password());
    }

    private static ArticleMeta article(String title, ImageMeta image) {
        return ArticleMeta.builder().title(title).description(SUMMARY).url(URL).locale(Locale.US).tags(List.of("Iran")).image(image).build();
    }

    /** What each facet's byte range holds, sliced from the text's real UTF-8 bytes. */
    private static List<String> facetSlices(BlueskyPost post) {
        byte[] bytes = post.text().getBytes(StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        for (JsonNode f : post.record().path("facets")) {
            out.add(new String(Arrays.copyOfRange(bytes, f.path("index").path("byteStart").asInt(), f.path("index").path("byteEnd").asInt()), StandardCharsets.UTF_8));
        }
        return out;
    }

    private URI serve(byte[] body, String contentType) throws Exception {
        images.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", contentType).body(new Buffer().write(body)).build());
        images.start();
        return images.url("/img/lead.img").uri();
    }

    private static byte[] png(int width, int height, boolean noisy) throws Exception {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(42);
        for (int y = 0; y < height; y++) for (int x = 0; x < width; x++) img.setRGB(x, y, noisy ? r.nextInt(0xFFFFFF) : 0x336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @Test
    void theSeedArticleIsPostedWithItsLinkFacetOnExactlyTheUrlsBytes() {
        Outcome o = syndicator().send(Post.of(article(HEADLINE, null), "ledger", "1"));
        Outcome.Posted posted = assertInstanceOf(Outcome.Posted.class, o, o.describe());
        BlueskyPost post = bluesky.posts().get(0);
        assertEquals(posted.remoteId(), post.uri());
        assertTrue(post.text().startsWith(HEADLINE), post.text());
        assertEquals(List.of(URL.toString(), "#Iran"), facetSlices(post));
        assertEquals(List.of(URL.toString()), post.linkUris());
        assertEquals(List.of("en-US"), post.langs());
        JsonNode card = post.externalEmbed();
        assertEquals(URL.toString(), card.path("uri").asText());
        assertEquals(HEADLINE, card.path("title").asText());
        assertEquals(SUMMARY, card.path("description").asText());
        assertTrue(card.path("thumb").isMissingNode());
        assertEquals("https://bsky.app/profile/" + bluesky.handle() + "/post/" + post.rkey(), posted.remoteUrl().toString());
        assertTrue(post.clientRkey());
    }

    @Test
    void emojiAndCurlyQuotesBeforeTheLinkShiftItsByteOffsetsCorrectly() {
        String headline = "🚀 “Herald” ships: families 👨‍👩‍👧‍👦 and flags 🇺🇦 welcome";
        syndicator().send(Post.of(article(headline, null), "ledger", "1"));
        BlueskyPost post = bluesky.posts().get(0);
        assertEquals(URL.toString(), facetSlices(post).get(0));
        int byteStart = post.record().path("facets").get(0).path("index").path("byteStart").asInt();
        assertTrue(byteStart > post.text().indexOf(URL.toString()), "byte offsets, not char offsets: " + byteStart);
    }

    @Test
    void oneSessionServesManyPosts() {
        BlueskySyndicator s = syndicator();
        for (int i = 0; i < 5; i++) assertInstanceOf(Outcome.Posted.class, s.send(Post.of(article(HEADLINE, null), "ledger", "r" + i)));
        assertEquals(1, bluesky.sessionCreationCount());
        assertEquals(5, bluesky.postCount());
    }

    @Test
    void anExpiredAccessTokenIsRefreshedNotLoggedInAgain() {
        BlueskySyndicator s = syndicator();
        s.send(Post.of(article(HEADLINE, null), "ledger", "1"));
        clock.advance(Duration.ofHours(3));
        Outcome o = s.send(Post.of(article(HEADLINE, null), "ledger", "2"));
        assertInstanceOf(Outcome.Posted.class, o, o.describe());
        assertEquals(1, bluesky.sessionCreationCount());
        assertEquals(1, bluesky.sessionRefreshCount());
    }

    @Test
    void aRevokedSessionLogsInAgainOnce() {
        BlueskySyndicator s = syndicator();
        s.send(Post.of(article(HEADLINE, null), "ledger", "1"));
        bluesky.revokeSessions();
        Outcome o = s.send(Post.of(article(HEADLINE, null), "ledger", "2"));
        assertInstanceOf(Outcome.Posted.class, o, o.describe());
        assertEquals(2, bluesky.sessionCreationCount());
    }

    @Test
    void aWrongPasswordIsAnAuthFailureThatNeverShowsThePassword() {
        Outcome o = syndicator("wrong-pass-word-1234").send(Post.of(article(HEADLINE, null), "ledger", "1"));
        assertInstanceOf(Outcome.AuthFailed.class, o, o.describe());
        assertFalse(o.describe().contains("wrong-pass-word-1234"));
        assertEquals(0, bluesky.postCount());
    }

    @Test
    void theArticleImageIsUploadedAndBecomesTheCardsThumb() throws Exception {
        byte[] png = png(600, 315, false);
        URI image = serve(png, "image/png");
        Outcome o = syndicator().send(Post.of(article(HEADLINE, new ImageMeta(image, 600, 315, "Bases at dusk", null)), "ledger", "1"));
        assertInstanceOf(Outcome.Posted.class, o, o.describe());
        JsonNode thumb = bluesky.posts().get(0).externalEmbed().path("thumb");
        BlueskyBlob blob = bluesky.blobs().get(thumb.path("ref").path("$link").asText());
        assertEquals("image/png", blob.mimeType());
        assertEquals(png.length, blob.size(), "a small PNG is uploaded as it is");
    }

    @Test
    void anImageOverOneMegabyteIsShrunkBelowIt() throws Exception {
        byte[] big = png(1800, 1000, true);
        assertTrue(big.length > 1_000_000, "the test image must be over the limit: " + big.length);
        URI image = serve(big, "image/png");
        Outcome o = syndicator().send(Post.of(article(HEADLINE, new ImageMeta(image, 1800, 1000, null, null)), "ledger", "1"));
        assertInstanceOf(Outcome.Posted.class, o, o.describe());
        JsonNode thumb = bluesky.posts().get(0).externalEmbed().path("thumb");
        assertEquals("image/jpeg", thumb.path("mimeType").asText());
        assertTrue(thumb.path("size").asLong() <= 1_000_000, thumb.toString());
    }

    @Test
    void anImageThatCannotBeFetchedLeavesTheCardWithoutAThumb() throws Exception {
        images.enqueue(new MockResponse.Builder().code(404).build());
        images.start();
        URI missing = images.url("/img/gone.jpg").uri();
        Outcome o = syndicator().send(Post.of(article(HEADLINE, new ImageMeta(missing, null, null, null, null)), "ledger", "1"));
        assertInstanceOf(Outcome.Posted.class, o, o.describe());
        assertTrue(bluesky.posts().get(0).externalEmbed().path("thumb").isMissingNode());
        assertEquals(0, bluesky.uploadCount());
    }

    @Test
    void aLostResponseRetriedIsADuplicateNotASecondPost() {
        BlueskySyndicator s = syndicator();
        s.send(Post.of(article(HEADLINE, null), "ledger", "warm-up"));
        bluesky.failNext(1, Fault.dropResponse().onlyFor("/xrpc/com.atproto.repo.createRecord"));
        Post post = Post.of(article(HEADLINE, null), "ledger", "1");
        assertInstanceOf(Outcome.Transient.class, s.send(post));
        Outcome retry = s.send(post);
        Outcome.Duplicate d = assertInstanceOf(Outcome.Duplicate.class, retry, retry.describe());
        assertEquals(2, bluesky.postCount());
        assertEquals(bluesky.posts().get(1).uri(), d.remoteId());
    }

    @Test
    void rateLimitingWaitsUntilTheResetThePdsNames() {
        BlueskySyndicator s = syndicator();
        s.send(Post.of(article(HEADLINE, null), "ledger", "1"));
        bluesky.exhaustWriteRateLimit(bluesky.did());
        Outcome o = s.send(Post.of(article(HEADLINE, null), "ledger", "2"));
        Outcome.RateLimited r = assertInstanceOf(Outcome.RateLimited.class, o, o.describe());
        assertTrue(r.retryAt().isAfter(clock.instant()), r.retryAt().toString());
        assertTrue(r.retryAt().isBefore(clock.instant().plus(Duration.ofHours(1)).plusSeconds(2)), r.retryAt().toString());
    }

    @Test
    void serverErrorsAndDroppedConnectionsAreTransient() {
        BlueskySyndicator s = syndicator();
        s.send(Post.of(article(HEADLINE, null), "ledger", "warm-up"));
        bluesky.failNext(1, Fault.serverError(502));
        assertInstanceOf(Outcome.Transient.class, s.send(Post.of(article(HEADLINE, null), "ledger", "a")));
        bluesky.failNext(1, Fault.dropConnection());
        assertInstanceOf(Outcome.Transient.class, s.send(Post.of(article(HEADLINE, null), "ledger", "b")));
        assertInstanceOf(Outcome.Posted.class, s.send(Post.of(article(HEADLINE, null), "ledger", "b")));
    }

    @Test
    void previewShowsTheRecordWithoutAnyRequest() {
        int before = bluesky.requestCount();
        Preview p = syndicator().preview(Post.of(article(HEADLINE, new ImageMeta(URI.create("https://ledger.example/img/a.jpg"), null, null, null, null)), "ledger", "1"));
        assertEquals(before, bluesky.requestCount());
        assertTrue(p.payload().contains("\"$type\" : \"app.bsky.feed.post\""), p.payload());
        assertTrue(p.payload().contains("<uploadBlob of https://ledger.example/img/a.jpg>"), p.payload());
        assertEquals(300, p.text().limit());
    }

    @Test
    void recordKeysAreStablePerPostAndDifferPerRevision() {
        ArticleMeta a = article(HEADLINE, null);
        String k1 = RecordKeys.of(Post.keyOf(URL.toString(), "ledger", "1"), a);
        assertEquals(k1, RecordKeys.of(Post.keyOf(URL.toString(), "ledger", "1"), a));
        assertFalse(k1.equals(RecordKeys.of(Post.keyOf(URL.toString(), "ledger", "2"), a)));
        assertTrue(k1.matches("[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}"), k1);
    }
}
