package dev.herald.syndication.linkedin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.meta.ArticleMeta;
import dev.herald.meta.ImageMeta;
import dev.herald.syndication.CredentialCheck;
import dev.herald.syndication.FetchPolicy;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.NetworkRegistry;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Preview;
import dev.herald.syndication.Reconciliation;
import dev.herald.syndication.Secret;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.syndication.config.SyndicatorFactory;
import dev.herald.testkit.Fault;
import dev.herald.testkit.HeraldMockExtension;
import dev.herald.testkit.LinkedInPost;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockLinkedIn;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HeraldMockExtension.class)
class LinkedInSyndicatorTest {
    static final String HEADLINE = "Iran says retaliation for US strike is complete, will not seek “escalation” (analysis)";
    static final String SUMMARY = "Iran does not intend to enter into a war with the United States, the regime said late Tuesday "
            + "after retaliating for the killing of its top general, Qassem Soleimani.";
    static final String URL = "https://ledger.example/world/2020/01/08/iran_retaliation";
    static final ArticleMeta SEED = ArticleMeta.builder().title(HEADLINE).description(SUMMARY).url(URL)
            .locale(Locale.forLanguageTag("en-US")).tags(List.of("Iran", "Middle East")).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    // The article image is served by a local MockWebServer: allow-listed, as a site lists the internal host its images live on.
    private final HttpTransport http = HttpTransport.builder().fetchPolicy(FetchPolicy.allowing("127.0.0.0/8", "::1")).build();

    @AfterEach
    void closeTransport() throws IOException {
        http.close();
    }

    private LinkedInSyndicator syndicator(MockLinkedIn li, ManualClock clock, Instant expiresAt) {
        return new LinkedInSyndicator(new LinkedInAccount("ledger-linkedin", li.baseUri(), MockLinkedIn.DEFAULT_AUTHOR,
                Secret.of("li", MockLinkedIn.DEFAULT_TOKEN), null, expiresAt, null), http, clock);
    }

    private LinkedInSyndicator syndicator(MockLinkedIn li, ManualClock clock) {
        return syndicator(li, clock, null);
    }

    private static Post post(ArticleMeta article) {
        return Post.of(article, "ledger-linkedin", "1");
    }

    @Test
    void postsTheCardExplicitlyWithTheCommentaryEscapedAsLittleText(MockLinkedIn li, ManualClock clock) {
        Outcome outcome = syndicator(li, clock).send(post(SEED));

        Outcome.Posted posted = assertInstanceOf(Outcome.Posted.class, outcome, outcome.describe());
        LinkedInPost created = li.posts().get(0);
        assertEquals(created.id(), posted.remoteId());
        assertEquals(URI.create("https://www.linkedin.com/feed/update/" + created.id() + "/"), posted.remoteUrl());
        // What readers see is the whole text: no reserved character cut it short.
        assertEquals(HEADLINE + "\n\n" + SUMMARY + "\n\n" + URL + "\n\n#Iran #MiddleEast", created.commentary());
        assertTrue(created.rawCommentary().contains("\\(analysis\\)") && created.rawCommentary().contains("iran\\_retaliation")
                && created.rawCommentary().endsWith("\\#Iran \\#MiddleEast"), created.rawCommentary());
        JsonNode card = created.article();
        assertEquals(URL, card.path("source").asText());
        assertEquals(HEADLINE, card.path("title").asText());
        assertEquals(SUMMARY, card.path("description").asText());
        assertEquals(MockLinkedIn.DEFAULT_AUTHOR, created.author());
        assertEquals("PUBLIC", created.body().path("visibility").asText());
        assertEquals("MAIN_FEED", created.body().path("distribution").path("feedDistribution").asText());
        assertEquals("PUBLISHED", created.body().path("lifecycleState").asText());
        var sent = li.lastRequest().getHeaders();
        assertEquals(LinkedInAccount.DEFAULT_VERSION, sent.get("LinkedIn-Version"));
        assertEquals("2.0.0", sent.get("X-Restli-Protocol-Version"));
    }

    @Test
    void littleTextEscapesEveryReservedCharacterAndNothingElse() {
        assertEquals("a\\\\b\\|c\\{d\\}e\\@f\\[g\\]h\\(i\\)j\\<k\\>l\\#m\\*n\\_o\\~p", LittleText.escape("a\\b|c{d}e@f[g]h(i)j<k>l#m*n_o~p"));
        assertEquals("Zürich: 50% & “quotes” 🇮🇷 https://x.example/a?b=c", LittleText.escape("Zürich: 50% & “quotes” 🇮🇷 https://x.example/a?b=c"));
        assertEquals("\\#Iran", new LinkedInNetwork().escape("#Iran"));
    }

    @Test
    void theArticleImageIsUploadedThroughTheImagesApiAndReferencedByUrn(MockLinkedIn li, ManualClock clock) throws Exception {
        byte[] png = png();
        try (MockWebServer site = new MockWebServer()) {
            site.enqueue(new MockResponse.Builder().setHeader("Content-Type", "image/png").body(new Buffer().write(png)).build());
            site.start(InetAddress.getLoopbackAddress(), 0);
            URI image = site.url("/img/lead.png").uri();

            Outcome outcome = syndicator(li, clock).send(post(SEED.toBuilder().image(ImageMeta.of(image).withAlt("Missiles at dawn")).build()));

            assertInstanceOf(Outcome.Posted.class, outcome, outcome.describe());
            JsonNode card = li.posts().get(0).article();
            String urn = card.path("thumbnail").asText();
            assertTrue(urn.startsWith("urn:li:image:"), card.toString());
            assertArrayEquals(png, li.image(urn).orElseThrow());
            assertEquals("Missiles at dawn", card.path("thumbnailAltText").asText());
        }
    }

    @Test
    void anImageThatCannotBeFetchedCostsTheCardItsPictureNotThePost(MockLinkedIn li, ManualClock clock) {
        Outcome outcome = syndicator(li, clock).send(post(SEED.toBuilder().image(ImageMeta.of(URI.create("http://127.0.0.1:9/nothing.png"))).build()));

        assertInstanceOf(Outcome.Posted.class, outcome, outcome.describe());
        assertFalse(li.posts().get(0).article().has("thumbnail"));
    }

    @Test
    void thePreviewIsTheBodySentWithTheUploadShownAsWhatWillGetIt(MockLinkedIn li, ManualClock clock) throws Exception {
        LinkedInSyndicator s = syndicator(li, clock);
        Preview preview = s.preview(post(SEED));
        s.send(post(SEED));

        assertEquals(JSON.readTree(preview.payload()), li.posts().get(0).body());
        assertEquals(3000, preview.text().limit());
        Preview withImage = s.preview(post(SEED.toBuilder().image(ImageMeta.of(URI.create("https://ledger.example/i.png"))).build()));
        assertEquals("<initializeUpload of https://ledger.example/i.png>", JSON.readTree(withImage.payload()).path("content").path("article").path("thumbnail").asText());
    }

    @Test
    void aDuplicateIsAlreadyPostedWithTheExistingUrn(MockLinkedIn li, ManualClock clock) {
        LinkedInSyndicator s = syndicator(li, clock);
        s.send(post(SEED));

        Outcome again = s.send(post(SEED));

        assertEquals(li.posts().get(0).id(), assertInstanceOf(Outcome.Duplicate.class, again).remoteId());
        assertEquals(1, li.postCount());
    }

    @Test
    void a429WaitsUntilTheNextMidnightUtcBecauseTheLimitsAreDaily(MockLinkedIn li, ManualClock clock) {
        clock.set(Instant.parse("2026-12-07T15:20:00Z"));
        li.failNext(1, Fault.rateLimited(Duration.ofMinutes(1)).onlyFor("/rest/posts"));

        Outcome outcome = syndicator(li, clock).send(post(SEED));

        assertEquals(Instant.parse("2026-12-08T00:00:00Z"), assertInstanceOf(Outcome.RateLimited.class, outcome).retryAt());
    }

    @Test
    void aTokenRevokedInTheMiddleOfARunIsAuthFailed(MockLinkedIn li, ManualClock clock) {
        LinkedInSyndicator s = syndicator(li, clock);
        assertInstanceOf(Outcome.Posted.class, s.send(post(SEED)));
        li.revokeToken(MockLinkedIn.DEFAULT_TOKEN);

        Outcome second = s.send(post(SEED.toBuilder().title("Second").url("https://ledger.example/second").build()));

        assertEquals("HTTP 401: Invalid access token", assertInstanceOf(Outcome.AuthFailed.class, second).message());
        assertEquals(1, li.postCount());
    }

    @Test
    void aServerErrorIsTransientAndAnUnpinnableVersionIsPermanent(MockLinkedIn li, ManualClock clock) {
        li.failNext(1, Fault.serverError(504));
        assertInstanceOf(Outcome.Transient.class, syndicator(li, clock).send(post(SEED)));

        LinkedInSyndicator old = new LinkedInSyndicator(new LinkedInAccount("a", li.baseUri(), MockLinkedIn.DEFAULT_AUTHOR,
                Secret.of("li", MockLinkedIn.DEFAULT_TOKEN), "202301", null, null), http, clock);
        Outcome sunset = old.send(post(SEED));
        assertTrue(assertInstanceOf(Outcome.Permanent.class, sunset).message().contains("Requested version 202301 is not active"));
    }

    @Test
    void aLostAnswerIsReconciledByTheCardsSourceSoTheResendIsNotMade(MockLinkedIn li, ManualClock clock) {
        LinkedInSyndicator s = syndicator(li, clock);
        assertEquals(new Reconciliation.NotFound(), s.reconcile(post(SEED)));
        li.failNext(1, Fault.dropResponse().onlyFor("/rest/posts"));

        assertInstanceOf(Outcome.Transient.class, s.send(post(SEED)));
        Reconciliation found = s.reconcile(post(SEED));

        assertEquals(li.posts().get(0).id(), assertInstanceOf(Reconciliation.Found.class, found).remoteId());
        assertEquals(1, li.postCount());
    }

    @Test
    void checkReportsTheTokensExpiryAhead(MockLinkedIn li, ManualClock clock) {
        CredentialCheck soon = syndicator(li, clock, clock.instant().plus(Duration.ofDays(9)).plusSeconds(60)).check();
        assertEquals(CredentialCheck.Status.OK, soon.status());
        assertTrue(soon.message().endsWith("it expires in 9 days — sign in again before then"), soon.message());

        CredentialCheck later = syndicator(li, clock, clock.instant().plus(Duration.ofDays(45))).check();
        assertTrue(later.message().endsWith("it expires in 45 days"), later.message());

        CredentialCheck expired = syndicator(li, clock, clock.instant().minusSeconds(1)).check();
        assertEquals(CredentialCheck.Status.AUTH_FAILED, expired.status());
    }

    @Test
    void theProviderReadsExpiresAtFromHeraldYamlAndRefusesABadAuthor(MockLinkedIn li, ManualClock clock) {
        String yaml = """
                accounts:
                  - name: ledger-linkedin
                    network: linkedin
                    author: %s
                    token: ${env:LI_TOKEN}
                    version: "%s"
                    expiresAt: 2099-01-01
                """.formatted(MockLinkedIn.DEFAULT_AUTHOR, LinkedInAccount.DEFAULT_VERSION);
        SyndicationConfig config = li.serve(SyndicationConfig.parse(yaml, "herald.yaml", NetworkRegistry.installed()), "ledger-linkedin");
        SecretSource secrets = reference -> Secret.resolve(reference, Map.of("LI_TOKEN", MockLinkedIn.DEFAULT_TOKEN)::get, name -> null);

        Syndicator s = new SyndicatorFactory(http, clock, secrets).createAll(config).get(0);

        assertInstanceOf(Outcome.Posted.class, s.send(post(SEED)));
        assertTrue(s.check().message().contains("expires in"), s.check().message());
        assertThrows(IllegalArgumentException.class, () -> new LinkedInAccount("a", null, "ledger", Secret.of("t", "t"), null, null, null));
    }

    private static byte[] png() throws IOException {
        BufferedImage img = new BufferedImage(120, 63, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 120; x++) for (int y = 0; y < 63; y++) img.setRGB(x, y, (x * 2) << 16 | (y * 4) << 8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
