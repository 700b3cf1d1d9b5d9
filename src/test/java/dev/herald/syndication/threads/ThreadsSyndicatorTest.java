package dev.herald.syndication.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.ComposedText;
import dev.herald.syndication.Composer;
import dev.herald.syndication.CredentialCheck;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.MessageTemplate;
import dev.herald.syndication.NetworkRegistry;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Preview;
import dev.herald.syndication.Quota;
import dev.herald.syndication.Reconciliation;
import dev.herald.syndication.Secret;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.syndication.config.SyndicatorFactory;
import dev.herald.testkit.Fault;
import dev.herald.testkit.HeraldMockExtension;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockThreads;
import dev.herald.testkit.ThreadsPost;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HeraldMockExtension.class)
class ThreadsSyndicatorTest {
    static final String HEADLINE = "Iran says retaliation for US strike is complete, will not seek “escalation”";
    static final String SUMMARY = "Iran does not intend to enter into a war with the United States, the regime said late Tuesday "
            + "after retaliating for the killing of its top general, Qassem Soleimani.";
    static final String URL = "https://ledger.example/world/2020/01/08/iran-says-retaliation";
    static final ArticleMeta SEED = ArticleMeta.builder().title(HEADLINE).description(SUMMARY).url(URL)
            .locale(Locale.forLanguageTag("en-US")).tags(List.of("Iran", "Middle East")).build();
    private static final String PUBLISH = "/v1.0/" + MockThreads.DEFAULT_USER_ID + "/threads_publish";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpTransport http = HttpTransport.create();
    private final List<Duration> slept = new ArrayList<>();

    @AfterEach
    void closeTransport() throws IOException {
        http.close();
    }

    private ThreadsSyndicator syndicator(MockThreads threads, ManualClock clock) {
        return new ThreadsSyndicator(new ThreadsAccount("ledger-threads", threads.baseUri(), MockThreads.DEFAULT_USER_ID,
                Secret.of("th", MockThreads.DEFAULT_TOKEN), null), http, clock, d -> {
                    slept.add(d);
                    clock.advance(d);
                });
    }

    private static Post post(ArticleMeta a) {
        return Post.of(a, "ledger-threads", "1");
    }

    @Test
    void createsATextContainerWithTheLinkAttachedThenPublishesIt(MockThreads threads, ManualClock clock) {
        Outcome outcome = syndicator(threads, clock).send(post(SEED));

        Outcome.Posted posted = assertInstanceOf(Outcome.Posted.class, outcome, outcome.describe());
        ThreadsPost p = threads.posts().get(0);
        assertEquals(p.id(), posted.remoteId());
        assertEquals(HEADLINE + "\n\n" + SUMMARY + "\n\n" + URL + "\n\n#Iran #MiddleEast", p.text());
        assertEquals(URL, p.linkAttachment());
        assertEquals(List.of(), slept, "a ready container is published without waiting");
        assertFalse(threads.lastRequest().getUrl().toString().contains(MockThreads.DEFAULT_TOKEN));
    }

    @Test
    void waitsForTheContainerOnceAMinuteThenPublishes(ManualClock clock) {
        try (MockThreads threads = MockThreads.builder().clock(clock).processingTime(Duration.ofSeconds(90)).start()) {
            Outcome outcome = syndicator(threads, clock).send(post(SEED));

            assertInstanceOf(Outcome.Posted.class, outcome, outcome.describe());
            assertEquals(List.of(Duration.ofMinutes(1), Duration.ofMinutes(1)), slept);
        }
    }

    @Test
    void aContainerNotReadyInFiveMinutesIsTransientAndTheNextTryPublishesTheSameOne(ManualClock clock) {
        try (MockThreads threads = MockThreads.builder().clock(clock).processingTime(Duration.ofMinutes(8)).start()) {
            ThreadsSyndicator s = syndicator(threads, clock);
            Outcome first = s.send(post(SEED));
            assertTrue(assertInstanceOf(Outcome.Transient.class, first).message().contains("still IN_PROGRESS after 5 minutes"));
            assertEquals(5, slept.size());

            clock.advance(Duration.ofMinutes(5));
            assertInstanceOf(Outcome.Posted.class, s.send(post(SEED)));

            assertEquals(1, threads.containerCount(), "no second container");
            assertEquals(1, threads.postCount());
        }
    }

    @Test
    void thePreviewShowsTheContainerFieldsSent(MockThreads threads, ManualClock clock) throws Exception {
        Preview preview = syndicator(threads, clock).preview(post(SEED));

        assertEquals(Map.of("media_type", "TEXT", "text", HEADLINE + "\n\n" + SUMMARY + "\n\n" + URL + "\n\n#Iran #MiddleEast", "link_attachment", URL),
                JSON.readValue(preview.payload(), Map.class));
        assertEquals(500, preview.text().limit());
    }

    @Test
    void emojiCountAsTheirUtf8BytesAndEverythingElseAsOne() {
        assertEquals(5, ThreadsText.length("Hello"));
        assertEquals(4, ThreadsText.length("伊朗报复"), "CJK counts one each");
        assertEquals(4, ThreadsText.length("😀"));
        assertEquals(25, ThreadsText.length("👨‍👩‍👧‍👦"));
        assertEquals(8, ThreadsText.length("🇮🇷"));
        assertEquals(1 + 6, ThreadsText.length("a❤️"));
        assertEquals(URL.length(), ThreadsText.length(URL), "a link counts as written");
        for (String text : List.of("Zürich e\u0301", "😀 👨‍👩‍👧‍👦 🇺🇸 👍🏽 1️⃣ ❤️", "伊朗 " + URL, "🏴󠁧󠁢󠁳󠁣󠁴󠁿 ©")) {
            assertEquals(MockThreads.length(text), ThreadsText.length(text), text);
        }
    }

    @Test
    void aSeedArticleFullOfEmojiIsShortenedToFitAndTheFakeAgrees(MockThreads threads, ManualClock clock) {
        ArticleMeta loud = SEED.toBuilder().title("🚨🇮🇷 " + HEADLINE + " 🚀🚀").description(SUMMARY + " 💥".repeat(60)).build();
        ComposedText text = Composer.compose(loud, MessageTemplate.defaults(), ThreadsText.RULES);
        assertTrue(text.shortened() && text.length() <= 500 && text.length() > 480, text.length() + " " + text.adjustments());

        Outcome outcome = syndicator(threads, clock).send(post(loud));

        assertInstanceOf(Outcome.Posted.class, outcome, outcome.describe());
        assertEquals(text.text(), threads.posts().get(0).text());
    }

    @Test
    void aTokenExpiredInTheMiddleOfARunIsAuthFailed(MockThreads threads, ManualClock clock) {
        ThreadsSyndicator s = syndicator(threads, clock);
        assertInstanceOf(Outcome.Posted.class, s.send(post(SEED)));
        // The token in use (herald.yaml's, or the one it was refreshed to at first use) is revoked.
        threads.revokeToken(threads.lastRequest().getHeaders().get("Authorization").substring("Bearer ".length()));
        threads.revokeToken(MockThreads.DEFAULT_TOKEN);

        Outcome second = s.send(post(SEED.toBuilder().url("https://ledger.example/second").build()));

        assertTrue(assertInstanceOf(Outcome.AuthFailed.class, second).message().contains("Invalid OAuth access token"));
        assertEquals(CredentialCheck.Status.AUTH_FAILED, s.check().status());
    }

    @Test
    void throttlingIsRateLimitedAndServerErrorsAreTransient(MockThreads threads, ManualClock clock) {
        threads.failNext(1, Fault.rateLimited().onlyFor(PUBLISH));
        assertInstanceOf(Outcome.RateLimited.class, syndicator(threads, clock).send(post(SEED)));
        threads.failNext(1, Fault.serverError(503).onlyFor("/v1.0/" + MockThreads.DEFAULT_USER_ID + "/threads"));
        assertInstanceOf(Outcome.Transient.class, syndicator(threads, clock).send(post(SEED)));
        assertEquals(0, threads.postCount());
    }

    @Test
    void theDailyQuotaIsTheProvidersDefaultAndCheckReadsThePublishingLimit(ManualClock clock) {
        assertEquals(List.of(Quota.of(250, Duration.ofHours(24))), new ThreadsNetwork().quotas());
        try (MockThreads threads = MockThreads.builder().clock(clock).quota(2).start()) {
            ThreadsSyndicator s = syndicator(threads, clock);
            s.send(post(SEED));
            assertEquals(CredentialCheck.ok("the token is accepted; 1 of 2 posts used in the last 24 hours"), s.check());
            s.send(post(SEED.toBuilder().url("https://ledger.example/2").build()));

            Outcome third = s.send(post(SEED.toBuilder().url("https://ledger.example/3").build()));

            assertInstanceOf(Outcome.RateLimited.class, third, third.describe());
        }
    }

    @Test
    void aLostPublishAnswerIsReconciledByTheContainerSoTheResendIsNotMade(MockThreads threads, ManualClock clock) {
        ThreadsSyndicator s = syndicator(threads, clock);
        assertEquals(new Reconciliation.NotFound(), s.reconcile(post(SEED)));
        threads.failNext(1, Fault.dropResponse().onlyFor(PUBLISH));

        assertInstanceOf(Outcome.Transient.class, s.send(post(SEED)));
        Reconciliation found = s.reconcile(post(SEED));

        assertEquals(threads.posts().get(0).id(), assertInstanceOf(Reconciliation.Found.class, found).remoteId());
        assertEquals(1, threads.postCount());
    }

    @Test
    void anotherNodeReconcilesByTheLinkAttachmentOfRecentPosts(MockThreads threads, ManualClock clock) {
        threads.failNext(1, Fault.dropResponse().onlyFor(PUBLISH));
        syndicator(threads, clock).send(post(SEED));

        Reconciliation found = syndicator(threads, clock).reconcile(post(SEED));

        assertEquals(threads.posts().get(0).id(), assertInstanceOf(Reconciliation.Found.class, found).remoteId());
        assertEquals(1, threads.postCount());
    }

    @Test
    void theProviderBuildsAGuardedSyndicatorFromHeraldYaml(MockThreads threads, ManualClock clock) {
        String yaml = """
                accounts:
                  - name: ledger-threads
                    network: threads
                    user: "%s"
                    token: ${env:THREADS_TOKEN}
                """.formatted(MockThreads.DEFAULT_USER_ID);
        SyndicationConfig config = threads.serve(SyndicationConfig.parse(yaml, "herald.yaml", NetworkRegistry.installed()), "ledger-threads");
        SecretSource secrets = reference -> Secret.resolve(reference, Map.of("THREADS_TOKEN", MockThreads.DEFAULT_TOKEN)::get, name -> null);

        Syndicator s = new SyndicatorFactory(http, clock, secrets).createAll(config).get(0);

        assertInstanceOf(Outcome.Posted.class, s.send(post(SEED)));
    }
}
