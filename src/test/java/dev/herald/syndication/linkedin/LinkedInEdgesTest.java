package dev.herald.syndication.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.meta.ArticleMeta;
import dev.herald.meta.ImageMeta;
import dev.herald.syndication.CredentialCheck;
import dev.herald.syndication.DeliveryGuarantee;
import dev.herald.syndication.FetchPolicy;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.NetworkContext;
import dev.herald.syndication.NetworkRegistry;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Reconciliation;
import dev.herald.syndication.Secret;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TokenStore;
import dev.herald.syndication.config.AccountSetup;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.testkit.Fault;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockLinkedIn;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.imageio.ImageIO;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the LinkedIn syndicator sends and concludes around the post itself: the image upload, the finder, the card's limits, the check and the provider. */
class LinkedInEdgesTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T09:00:00Z"));
    // The article image is served by a local MockWebServer: allow-listed, as a site lists the internal host its images live on.
    private final HttpTransport http = HttpTransport.builder().fetchPolicy(FetchPolicy.allowing("127.0.0.0/8", "::1")).build();

    @AfterEach
    void closeTransport() throws IOException {
        http.close();
    }

    private LinkedInSyndicator syndicator(MockLinkedIn li, Instant expiresAt) {
        return new LinkedInSyndicator(new LinkedInAccount("ledger-linkedin", li.baseUri(), MockLinkedIn.DEFAULT_AUTHOR,
                Secret.of("li", MockLinkedIn.DEFAULT_TOKEN), null, expiresAt, null), http, clock);
    }

    private static Post post(ArticleMeta article) {
        return Post.of(article, "ledger-linkedin", "1");
    }

    private static ArticleMeta article(String path) {
        return ArticleMeta.builder().title("Harbour reopens after the storm").description("Ferries run again from Monday.")
                .url("https://ledger.example/" + path).build();
    }

    /** Runs {@code body} with an article image served by a local site. */
    private interface WithImage {
        void run(URI image) throws Exception;
    }

    private static void withImage(WithImage body) throws Exception {
        BufferedImage img = new BufferedImage(120, 63, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        try (MockWebServer site = new MockWebServer()) {
            site.enqueue(new MockResponse.Builder().setHeader("Content-Type", "image/png").body(new Buffer().write(out.toByteArray())).build());
            site.start(InetAddress.getLoopbackAddress(), 0);
            body.run(site.url("/img/lead.png").uri());
        }
    }

    private static RecordedRequest upload(MockLinkedIn li) {
        return li.recentRequests().stream().filter(r -> r.getMethod().equals("PUT")).findFirst().orElseThrow();
    }

    @Test
    void theSyndicatorNamesItsAccountAndNetworkAndTheProviderItsRules() {
        try (MockLinkedIn li = MockLinkedIn.builder().clock(clock).start()) {
            LinkedInSyndicator s = syndicator(li, null);
            assertEquals("ledger-linkedin", s.account());
            assertEquals("linkedin", s.network());
            assertEquals(DeliveryGuarantee.RECONCILE_BEFORE_RESEND, s.guarantee());
        }
        LinkedInNetwork network = new LinkedInNetwork();
        assertEquals(LinkedInNetwork.RULES, network.textRules());
        assertEquals(DeliveryGuarantee.RECONCILE_BEFORE_RESEND, network.guarantee());
    }

    @Test
    void theUploadCarriesTheTokenToTheApisOwnHost() throws Exception {
        try (MockLinkedIn li = MockLinkedIn.builder().clock(clock).start()) {
            withImage(image -> {
                Outcome outcome = syndicator(li, null).send(post(article("harbour").toBuilder().image(ImageMeta.of(image)).build()));

                assertInstanceOf(Outcome.Posted.class, outcome, outcome.describe());
                assertEquals("Bearer " + MockLinkedIn.DEFAULT_TOKEN, upload(li).getHeaders().get("Authorization"));
            });
        }
    }

    @Test
    void theTokenIsNotSentToAnUploadHostThatIsNeitherTheApisNorLinkedIns() throws Exception {
        try (MockLinkedIn li = MockLinkedIn.builder().clock(clock).uploadHost("127.0.0.1").start()) {
            assertEquals("localhost", li.baseUri().getHost(), "the API is reached by name, the upload by address");
            withImage(image -> {
                Outcome outcome = syndicator(li, null).send(post(article("harbour").toBuilder().image(ImageMeta.of(image)).build()));

                assertInstanceOf(Outcome.Posted.class, outcome, outcome.describe());
                assertNull(upload(li).getHeaders().get("Authorization"));
                assertTrue(li.posts().get(0).article().path("thumbnail").asText().startsWith("urn:li:image:"), "the image still made it");
            });
        }
    }

    @Test
    void aRefusedTokenAtInitializeUploadFailsTheSendBeforeAnythingIsPosted() throws Exception {
        try (MockLinkedIn li = MockLinkedIn.builder().clock(clock).start()) {
            withImage(image -> {
                li.failNext(1, Fault.unauthorized().onlyFor("/rest/images"));

                Outcome outcome = syndicator(li, null).send(post(article("harbour").toBuilder().image(ImageMeta.of(image)).build()));

                assertTrue(assertInstanceOf(Outcome.AuthFailed.class, outcome).message().contains("revoked"), outcome.describe());
                assertEquals(0, li.postCount());
            });
        }
    }

    @Test
    void aThrottledInitializeUploadFailsTheSendUntilMidnight() throws Exception {
        try (MockLinkedIn li = MockLinkedIn.builder().clock(clock).start()) {
            withImage(image -> {
                li.failNext(1, Fault.rateLimited().onlyFor("/rest/images"));

                Outcome outcome = syndicator(li, null).send(post(article("harbour").toBuilder().image(ImageMeta.of(image)).build()));

                assertEquals(Instant.parse("2026-12-08T00:00:00Z"), assertInstanceOf(Outcome.RateLimited.class, outcome).retryAt());
                assertEquals(0, li.postCount());
            });
        }
    }

    @Test
    void aFailedInitializeUploadCostsTheCardItsPictureNotThePost() throws Exception {
        try (MockLinkedIn li = MockLinkedIn.builder().clock(clock).start()) {
            withImage(image -> {
                li.failNext(1, Fault.serverError(500).onlyFor("/rest/images"));

                Outcome outcome = syndicator(li, null).send(post(article("harbour").toBuilder().image(ImageMeta.of(image)).build()));

                assertInstanceOf(Outcome.Posted.class, outcome, outcome.describe());
                assertFalse(li.posts().get(0).article().has("thumbnail"));
                assertTrue(li.recentRequests().stream().noneMatch(r -> r.getMethod().equals("PUT")));
            });
        }
    }

    @Test
    void onlyTheFinderCarriesTheRestLiMethodHeader() {
        try (MockLinkedIn li = MockLinkedIn.builder().clock(clock).start()) {
            LinkedInSyndicator s = syndicator(li, null);
            s.send(post(article("harbour")));
            assertNull(li.lastRequest().getHeaders().get("X-RestLi-Method"), "not on the post");

            assertInstanceOf(Reconciliation.Found.class, s.reconcile(post(article("harbour"))));

            RecordedRequest finder = li.lastRequest();
            assertEquals("FINDER", finder.getHeaders().get("X-RestLi-Method"));
            assertEquals("author", finder.getUrl().queryParameter("q"));
            assertEquals("50", finder.getUrl().queryParameter("count"));
            assertEquals(MockLinkedIn.DEFAULT_AUTHOR, finder.getUrl().queryParameter("author"));
        }
    }

    @Test
    void aLongTitleIsCutBelowLinkedInsLimitWithoutSplittingACharacter() {
        try (MockLinkedIn li = MockLinkedIn.builder().clock(clock).start()) {
            String title = "a".repeat(397) + "😀" + "b".repeat(100);
            String description = "d".repeat(5000);

            Outcome outcome = syndicator(li, null).send(post(article("harbour").toBuilder().title(title).description(description).build()));

            assertInstanceOf(Outcome.Posted.class, outcome, outcome.describe());
            JsonNode card = li.posts().get(0).article();
            assertEquals("a".repeat(397) + "…", card.path("title").asText());
            assertEquals("d".repeat(4084) + "…", card.path("description").asText());
        }
    }

    @Test
    void aTitleOfExactlyThreeHundredNinetyNineCharactersIsKeptWhole() {
        try (MockLinkedIn li = MockLinkedIn.builder().clock(clock).start()) {
            String title = "t".repeat(399);

            syndicator(li, null).send(post(article("harbour").toBuilder().title(title).build()));

            assertEquals(title, li.posts().get(0).article().path("title").asText());
        }
    }

    @Test
    void aLinkLongerThanThePostAllowsIsPermanentAndNothingIsSent() {
        try (MockLinkedIn li = MockLinkedIn.builder().clock(clock).start()) {
            Outcome outcome = syndicator(li, null).send(post(article("a".repeat(3100))));

            assertEquals("the post cannot fit LinkedIn's 3000 characters", assertInstanceOf(Outcome.Permanent.class, outcome).message());
            assertEquals(0, li.requestCount());
        }
    }

    @Test
    void anUnreachableApiIsTransientForTheSendAndUnknownForReconcileAndCheck() {
        MockLinkedIn li = MockLinkedIn.builder().clock(clock).start();
        LinkedInSyndicator s = syndicator(li, null);
        li.close();

        assertInstanceOf(Outcome.Transient.class, s.send(post(article("harbour"))));
        assertInstanceOf(Reconciliation.Unknown.class, s.reconcile(post(article("harbour"))));
        assertEquals(CredentialCheck.Status.UNKNOWN, s.check().status());
    }

    @Test
    void anUnreadableFinderLeavesReconcileAndCheckUnknown() {
        try (MockLinkedIn li = MockLinkedIn.builder().clock(clock).start()) {
            LinkedInSyndicator s = syndicator(li, null);
            li.failNext(2, Fault.serverError(503).onlyFor("/rest/posts"));

            Reconciliation r = s.reconcile(post(article("harbour")));

            assertTrue(assertInstanceOf(Reconciliation.Unknown.class, r).reason().startsWith("could not read the author's posts: "), r.toString());
            assertEquals(CredentialCheck.Status.UNKNOWN, s.check().status());
        }
    }

    @Test
    void checkWarnsFromFourteenDaysAheadAndCountsOneDayInTheSingular() {
        try (MockLinkedIn li = MockLinkedIn.builder().clock(clock).start()) {
            CredentialCheck fourteen = syndicator(li, clock.instant().plus(Duration.ofDays(14))).check();
            assertEquals("the token is accepted for " + MockLinkedIn.DEFAULT_AUTHOR + "; it expires in 14 days — sign in again before then", fourteen.message());

            CredentialCheck one = syndicator(li, clock.instant().plus(Duration.ofDays(1)).plusSeconds(5)).check();
            assertTrue(one.message().endsWith("; it expires in 1 day — sign in again before then"), one.message());

            CredentialCheck now = syndicator(li, clock.instant()).check();
            assertEquals(CredentialCheck.authFailed("the token expired on " + clock.instant() + "; sign in again"), now);
        }
    }

    @Test
    void anAccountWaitingForItsFirstSignInIsAuthFailedAndSaysHowToSignIn() {
        try (MockLinkedIn li = MockLinkedIn.builder().clock(clock).start()) {
            Syndicator s = new LinkedInNetwork().create(setup(li, "clientId: " + MockLinkedIn.DEFAULT_CLIENT_ID + "\nclientSecret: ${env:LI_SECRET}\n"),
                    new NetworkContext(http, clock, TokenStore.inMemory()));

            Outcome outcome = s.send(post(article("harbour")));

            String how = "no token for LinkedIn account ledger-li in the credential store or herald.yaml; sign in with: herald auth ledger-li";
            assertEquals(how, assertInstanceOf(Outcome.AuthFailed.class, outcome).message());
            assertEquals(CredentialCheck.authFailed(how), s.check());
            assertEquals(0, li.requestCount());
        }
    }

    @Test
    void anAccountWithNeitherTokenNorAppIsRefused() {
        try (MockLinkedIn li = MockLinkedIn.builder().clock(clock).start()) {
            AccountSetup setup = setup(li, "");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new LinkedInNetwork().create(setup, new NetworkContext(http, clock)));
            assertEquals("a LinkedIn account needs 'token', or the app's 'clientId' and 'clientSecret' to sign in with herald auth", e.getMessage());
        }
    }

    @Test
    void aRetryAtIsOnlyGivenForA429() {
        LinkedInNetwork network = new LinkedInNetwork();
        try (MockLinkedIn li = MockLinkedIn.builder().clock(clock).start()) {
            clock.set(Instant.parse("2026-12-07T15:20:00Z"));
            li.failNext(1, Fault.rateLimited().onlyFor("/rest/posts"));
            Outcome limited = syndicator(li, null).send(post(article("harbour")));
            assertEquals(Instant.parse("2026-12-08T00:00:00Z"), assertInstanceOf(Outcome.RateLimited.class, limited).retryAt());
            li.failNext(1, Fault.serverError(503).onlyFor("/rest/posts"));
            Outcome unavailable = syndicator(li, null).send(post(article("harbour")));
            assertNull(assertInstanceOf(Outcome.Transient.class, unavailable).retryAfter(), "a 503 names no wait");
        }
        assertEquals("\\#x", network.escape("#x"));
    }

    private static final SecretSource SECRETS = reference -> Secret.resolve(reference,
            Map.of("LI_SECRET", MockLinkedIn.DEFAULT_CLIENT_SECRET)::get, name -> null);

    private static AccountSetup setup(MockLinkedIn li, String credentials) {
        String yaml = """
                accounts:
                  - name: ledger-li
                    network: linkedin
                    author: %s
                %s""".formatted(MockLinkedIn.DEFAULT_AUTHOR, credentials.indent(4));
        SyndicationConfig config = li.serve(SyndicationConfig.parse(yaml, "herald.yaml", NetworkRegistry.installed()), "ledger-li");
        return new AccountSetup("herald.yaml", config.account("ledger-li"), SECRETS);
    }
}
