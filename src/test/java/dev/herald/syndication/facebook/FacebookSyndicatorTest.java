package dev.herald.syndication.facebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.CredentialCheck;
import dev.herald.syndication.HttpReply;
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
import dev.herald.testkit.FacebookPagePost;
import dev.herald.testkit.Fault;
import dev.herald.testkit.HeraldMockExtension;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockFacebook;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HeraldMockExtension.class)
class FacebookSyndicatorTest {
    static final String HEADLINE = "Iran says retaliation for US strike is complete, will not seek “escalation”";
    static final String SUMMARY = "Iran does not intend to enter into a war with the United States, the regime said late Tuesday "
            + "after retaliating for the killing of its top general, Qassem Soleimani.";
    static final String URL = "https://ledger.example/world/2020/01/08/iran-says-retaliation-for-us-strike-is-complete";
    static final ArticleMeta SEED = ArticleMeta.builder().title(HEADLINE).description(SUMMARY).url(URL)
            .locale(Locale.forLanguageTag("en-US")).tags(List.of("Iran", "Middle East")).build();
    private static final String FEED = "/v26.0/" + MockFacebook.DEFAULT_PAGE_ID + "/feed";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpTransport http = HttpTransport.create();

    @AfterEach
    void closeTransport() throws IOException {
        http.close();
    }

    private FacebookSyndicator syndicator(MockFacebook fb, ManualClock clock) {
        return new FacebookSyndicator(new FacebookAccount("ledger-facebook", fb.baseUri(), MockFacebook.DEFAULT_PAGE_ID,
                Secret.of("fb", MockFacebook.DEFAULT_PAGE_TOKEN), null, null), http, clock);
    }

    private static Post post(String revision) {
        return Post.of(SEED, "ledger-facebook", revision);
    }

    private static Map<String, String> form(RecordedRequest r) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : r.getBody().utf8().split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void postsMessageAndLinkToThePagesFeedAtThePinnedVersion(MockFacebook fb, ManualClock clock) {
        Outcome outcome = syndicator(fb, clock).send(post("1"));

        Outcome.Posted posted = assertInstanceOf(Outcome.Posted.class, outcome, outcome.describe());
        FacebookPagePost created = fb.posts().get(0);
        assertEquals(created.id(), posted.remoteId());
        assertTrue(created.id().startsWith(MockFacebook.DEFAULT_PAGE_ID + "_"), created.id());
        assertEquals(HEADLINE + "\n\n" + SUMMARY + "\n\n" + URL + "\n\n#Iran #MiddleEast", created.message());
        assertEquals(URL, created.link());
        RecordedRequest sent = fb.lastRequest();
        assertEquals(FEED, sent.getUrl().encodedPath());
        assertEquals("Bearer " + MockFacebook.DEFAULT_PAGE_TOKEN, sent.getHeaders().get("Authorization"));
        assertFalse(sent.getUrl().toString().contains(MockFacebook.DEFAULT_PAGE_TOKEN), "the token is in no URL");
    }

    @Test
    void theGraphVersionIsConfigurable(MockFacebook fb, ManualClock clock) {
        FacebookSyndicator v25 = new FacebookSyndicator(new FacebookAccount("ledger-facebook", fb.baseUri(), MockFacebook.DEFAULT_PAGE_ID,
                Secret.of("fb", MockFacebook.DEFAULT_PAGE_TOKEN), "v25.0", null), http, clock);

        assertInstanceOf(Outcome.Posted.class, v25.send(post("1")));
        assertEquals("/v25.0/" + MockFacebook.DEFAULT_PAGE_ID + "/feed", fb.lastRequest().getUrl().encodedPath());
        assertThrows(IllegalArgumentException.class, () -> new FacebookAccount("a", null, "1", Secret.of("t", "t"), "26", null));
        assertThrows(IllegalArgumentException.class, () -> new FacebookAccount("a", null, "ledger", Secret.of("t", "t"), null, null));
    }

    @Test
    void thePreviewShowsExactlyTheFieldsSent(MockFacebook fb, ManualClock clock) throws Exception {
        FacebookSyndicator s = syndicator(fb, clock);
        Preview preview = s.preview(post("1"));

        s.send(post("1"));

        assertEquals(JSON.readValue(preview.payload(), Map.class), form(fb.lastRequest()));
        assertFalse(preview.payload().contains(MockFacebook.DEFAULT_PAGE_TOKEN));
        assertEquals(63_206, preview.text().limit());
    }

    @Test
    void aThrottledPageIsRateLimitedUntilTheBusinessUseCaseRegainTime(MockFacebook fb, ManualClock clock) {
        fb.failNext(1, Fault.rateLimited(Duration.ofMinutes(17)).onlyFor(FEED));

        Outcome outcome = syndicator(fb, clock).send(post("1"));

        Outcome.RateLimited limited = assertInstanceOf(Outcome.RateLimited.class, outcome, outcome.describe());
        assertEquals(clock.instant().plus(Duration.ofMinutes(17)), limited.retryAt());
        assertTrue(limited.message().contains("(#80001)"), limited.message());
        assertEquals(0, fb.postCount());
    }

    @Test
    void everyThrottlingCodeIsRateLimitedAndTheProviderReadsTheLargestRegainTime() {
        FacebookNetwork network = new FacebookNetwork();
        ManualClock clock = new ManualClock(Instant.parse("2026-12-07T12:00:00Z"));
        String buc = "{\"1\":[{\"type\":\"pages\",\"call_count\":100,\"estimated_time_to_regain_access\":5}],"
                + "\"2\":[{\"type\":\"pages\",\"estimated_time_to_regain_access\":42}]}";
        for (int code : new int[] {4, 17, 32, 613, 80001}) {
            HttpReply reply = new HttpReply(400, Map.of("x-business-use-case-usage", buc),
                    ("{\"error\":{\"message\":\"slow down\",\"type\":\"OAuthException\",\"code\":" + code + "}}").getBytes(StandardCharsets.UTF_8));
            assertEquals(clock.instant().plus(Duration.ofMinutes(42)), network.retryAt(reply, clock), "code " + code);
        }
        assertNull(network.retryAt(new HttpReply(400, Map.of(), new byte[0]), clock));
        assertNull(network.retryAt(new HttpReply(200, Map.of("x-business-use-case-usage", buc), new byte[0]), clock), "a success is no signal");
    }

    @Test
    void aTokenExpiredInTheMiddleOfARunIsAuthFailedSayingSo(MockFacebook fb, ManualClock clock) {
        FacebookSyndicator s = syndicator(fb, clock);
        assertInstanceOf(Outcome.Posted.class, s.send(post("1")));
        fb.expireToken(MockFacebook.DEFAULT_PAGE_TOKEN);

        Outcome second = s.send(Post.of(SEED.toBuilder().title("Second story").url("https://ledger.example/second").build(), "ledger-facebook", "1"));

        String message = assertInstanceOf(Outcome.AuthFailed.class, second).message();
        assertTrue(message.startsWith("HTTP 400: (#190/463) Error validating access token"), message);
        assertTrue(message.endsWith("the token has expired; sign in again"), message);
        assertEquals(CredentialCheck.Status.AUTH_FAILED, s.check().status());
        assertEquals(1, fb.postCount());
    }

    @Test
    void anUnknownTokenIsAuthFailed(MockFacebook fb, ManualClock clock) {
        FacebookSyndicator s = new FacebookSyndicator(new FacebookAccount("ledger-facebook", fb.baseUri(), MockFacebook.DEFAULT_PAGE_ID,
                Secret.of("fb", "EAAG-not-a-token"), null, null), http, clock);

        Outcome outcome = s.send(post("1"));

        assertTrue(assertInstanceOf(Outcome.AuthFailed.class, outcome).message().contains("(#190) Invalid OAuth access token"));
    }

    @Test
    void aDuplicateStatusMessageIsAlreadyPosted(MockFacebook fb, ManualClock clock) {
        FacebookSyndicator s = syndicator(fb, clock);
        s.send(post("1"));

        assertInstanceOf(Outcome.Duplicate.class, s.send(post("2")));
        assertEquals(1, fb.postCount());
    }

    @Test
    void aPolicyBlockAndAnUnfetchableLinkArePermanent(MockFacebook fb, ManualClock clock) {
        fb.refuseLinks();
        String unfetchable = assertInstanceOf(Outcome.Permanent.class, syndicator(fb, clock).send(post("1"))).message();
        assertTrue(unfetchable.contains("(#100/1609005)"), unfetchable);

        fb.blockPosting();
        String blocked = assertInstanceOf(Outcome.Permanent.class, syndicator(fb, clock).send(post("1"))).message();
        assertTrue(blocked.contains("(#368/1390008)"), blocked);
        assertEquals(0, fb.postCount());
    }

    @Test
    void aServerErrorIsTransient(MockFacebook fb, ManualClock clock) {
        fb.failNext(1, Fault.serverError(500));
        assertInstanceOf(Outcome.Transient.class, syndicator(fb, clock).send(post("1")));
        fb.failNext(1, Fault.serverError(503));
        assertInstanceOf(Outcome.Transient.class, syndicator(fb, clock).send(post("1")));
        fb.failNext(1, Fault.dropConnection());
        assertInstanceOf(Outcome.Transient.class, syndicator(fb, clock).send(post("1")));
        assertEquals(0, fb.postCount());
    }

    @Test
    void aLostAnswerIsReconciledByTheLinkSoTheResendIsNotMade(MockFacebook fb, ManualClock clock) {
        FacebookSyndicator s = syndicator(fb, clock);
        assertEquals(new Reconciliation.NotFound(), s.reconcile(post("1")));
        fb.failNext(1, Fault.dropResponse().onlyFor(FEED));

        assertInstanceOf(Outcome.Transient.class, s.send(post("1")));
        Reconciliation found = s.reconcile(post("1"));

        FacebookPagePost only = fb.posts().get(0);
        Reconciliation.Found f = assertInstanceOf(Reconciliation.Found.class, found);
        assertEquals(only.id(), f.remoteId());
        assertEquals(URI.create("https://www.facebook.com/" + MockFacebook.DEFAULT_PAGE_ID + "/posts/" + only.id().split("_")[1]), f.remoteUrl());
        assertEquals(1, fb.postCount());
    }

    @Test
    void reconcileIsUnknownWhenThePagesPostsCannotBeRead(MockFacebook fb, ManualClock clock) {
        fb.failNext(1, Fault.serverError(503));
        assertInstanceOf(Reconciliation.Unknown.class, syndicator(fb, clock).reconcile(post("1")));
    }

    @Test
    void checkAcceptsThePagesOwnToken(MockFacebook fb, ManualClock clock) {
        assertEquals(CredentialCheck.ok("the Page token is accepted for " + MockFacebook.DEFAULT_PAGE_NAME), syndicator(fb, clock).check());
    }

    @Test
    void theProviderBuildsAGuardedSyndicatorFromHeraldYaml(MockFacebook fb, ManualClock clock) {
        String yaml = """
                accounts:
                  - name: ledger-facebook
                    network: facebook
                    page: "%s"
                    token: ${env:FB_PAGE_TOKEN}
                    graphVersion: v26.0
                """.formatted(MockFacebook.DEFAULT_PAGE_ID);
        SyndicationConfig config = fb.serve(SyndicationConfig.parse(yaml, "herald.yaml", NetworkRegistry.installed()), "ledger-facebook");
        SecretSource secrets = reference -> Secret.resolve(reference, Map.of("FB_PAGE_TOKEN", MockFacebook.DEFAULT_PAGE_TOKEN)::get, name -> null);

        Syndicator s = new SyndicatorFactory(http, clock, secrets).createAll(config).get(0);

        assertInstanceOf(Outcome.Posted.class, s.send(post("1")));
        assertEquals(1, fb.postCount());
    }
}
