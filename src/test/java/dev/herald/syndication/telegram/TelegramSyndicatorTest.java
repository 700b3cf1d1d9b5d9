package dev.herald.syndication.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.CredentialCheck;
import dev.herald.syndication.DeliveryGuarantee;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.MessageTemplate;
import dev.herald.syndication.NetworkRegistry;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Reconciliation;
import dev.herald.syndication.Secret;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.syndication.config.SyndicatorFactory;
import dev.herald.testkit.Fault;
import dev.herald.testkit.HeraldMockExtension;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockTelegram;
import dev.herald.testkit.TelegramMessage;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HeraldMockExtension.class)
class TelegramSyndicatorTest {
    static final String HOSTILE = "<b>Rates</b> & *bold* `code` @everyone <!channel> _under_ </pre>";
    static final String URL = "https://ledger.example/economy/2026/rates";

    private final HttpTransport http = HttpTransport.create();

    @AfterEach
    void closeTransport() throws IOException {
        http.close();
    }

    private TelegramSyndicator syndicator(MockTelegram telegram, ManualClock clock, String chat) {
        TelegramAccount account = TelegramAccount.of("ledger-telegram", Secret.of("telegram", telegram.token()), chat).withServer(telegram.baseUri());
        return new TelegramSyndicator(account, http, clock);
    }

    private static Post post(String title, String summary) {
        return Post.of(ArticleMeta.builder().title(title).description(summary).url(URI.create(URL)).build(), "ledger-telegram", "1");
    }

    @Test
    void postsTheHeadlineInBoldWithTheArticleCardLargeAboveTheText(MockTelegram telegram, ManualClock clock) {
        Outcome outcome = syndicator(telegram, clock, MockTelegram.DEFAULT_CHANNEL).send(post("Rates held", "The bank kept rates."));

        Outcome.Posted posted = assertInstanceOf(Outcome.Posted.class, outcome);
        assertEquals("1", posted.remoteId());
        assertEquals(URI.create("https://t.me/ledger_news/1"), posted.remoteUrl());
        TelegramMessage m = telegram.messages().get(0);
        assertEquals("HTML", m.parseMode());
        assertEquals(java.util.List.of("Rates held"), m.bold());
        assertEquals("Rates held\n\nThe bank kept rates.\n\n" + URL, m.text());
        assertEquals(URL, m.linkPreview().path("url").asText());
        assertTrue(m.linkPreview().path("prefer_large_media").asBoolean());
        assertTrue(m.linkPreview().path("show_above_text").asBoolean());
    }

    @Test
    void escapesHostileHeadlinesSoReadersSeeThemAsWritten(MockTelegram telegram, ManualClock clock) {
        Outcome outcome = syndicator(telegram, clock, MockTelegram.DEFAULT_CHANNEL).send(post(HOSTILE, "Tom & Jerry <script>x</script>"));

        assertInstanceOf(Outcome.Posted.class, outcome);
        TelegramMessage m = telegram.messages().get(0);
        assertEquals(java.util.List.of(HOSTILE), m.bold(), "the whole hostile headline is text inside one <b>, no tag of its own");
        assertTrue(m.text().contains("Tom & Jerry <script>x</script>"));
        assertTrue(m.html().startsWith("<b>&lt;b&gt;Rates&lt;/b&gt; &amp; *bold* `code` @everyone &lt;!channel&gt;"), m.html());
    }

    @Test
    void keepsTheTextWithin4096CharactersAsTelegramCountsThemAfterEntityParsing(MockTelegram telegram, ManualClock clock) {
        // Every '&' costs five characters of HTML but one of text; the emoji cost two UTF-16 units but one grapheme.
        String summary = "R&D 📈 ".repeat(1200);
        Outcome outcome = syndicator(telegram, clock, MockTelegram.DEFAULT_CHANNEL).send(post("Budget", summary));

        assertInstanceOf(Outcome.Posted.class, outcome);
        TelegramMessage m = telegram.messages().get(0);
        assertTrue(m.text().length() <= 4096, "UTF-16 length " + m.text().length());
        assertTrue(m.text().length() > 3900, "uses the room it has: " + m.text().length());
        assertTrue(m.html().length() > 4096, "the limit is on the parsed text, not the HTML");
        assertTrue(m.text().endsWith(URL), "the link is never cut");
    }

    @Test
    void aTextWrittenByHandThatIsTooLongIsRefusedWithoutARequest(MockTelegram telegram, ManualClock clock) {
        Outcome outcome = syndicator(telegram, clock, MockTelegram.DEFAULT_CHANNEL).send(post("Budget", "x").withText("y".repeat(4097)));

        assertInstanceOf(Outcome.Permanent.class, outcome);
        assertEquals(0, telegram.requestCount());
    }

    @Test
    void readsTheWaitFromTheBodysRetryAfter(MockTelegram telegram, ManualClock clock) {
        telegram.failNext(1, Fault.rateLimited(Duration.ofSeconds(37)));

        Outcome outcome = syndicator(telegram, clock, MockTelegram.DEFAULT_CHANNEL).send(post("Rates held", "s"));

        assertEquals(clock.instant().plusSeconds(37), assertInstanceOf(Outcome.RateLimited.class, outcome).retryAt());
        assertEquals(clock.instant().plusSeconds(37), new TelegramNetwork().retryAt(lastReply(telegram), clock));
    }

    private static dev.herald.syndication.HttpReply lastReply(MockTelegram telegram) {
        return new dev.herald.syndication.HttpReply(429, java.util.Map.of(),
                "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 37\",\"parameters\":{\"retry_after\":37}}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void theTwentyFirstMessageInAMinuteIsRateLimitedUntilTheWindowEnds(MockTelegram telegram, ManualClock clock) {
        TelegramSyndicator s = syndicator(telegram, clock, MockTelegram.DEFAULT_CHANNEL);
        for (int i = 0; i < MockTelegram.MESSAGES_PER_MINUTE; i++) assertInstanceOf(Outcome.Posted.class, s.send(post("Story " + i, "s")));

        Outcome.RateLimited limited = assertInstanceOf(Outcome.RateLimited.class, s.send(post("One more", "s")));

        assertTrue(limited.retryAt().isAfter(clock.instant()));
        clock.advance(Duration.ofMinutes(1));
        assertInstanceOf(Outcome.Posted.class, s.send(post("One more", "s")));
    }

    @Test
    void aBotRemovedFromTheChannelIsAnAuthFailure(MockTelegram telegram, ManualClock clock) {
        telegram.kickBot(MockTelegram.DEFAULT_CHANNEL_ID);

        Outcome outcome = syndicator(telegram, clock, Long.toString(MockTelegram.DEFAULT_CHANNEL_ID)).send(post("Rates held", "s"));

        assertTrue(assertInstanceOf(Outcome.AuthFailed.class, outcome).message().contains("bot was kicked"));
    }

    @Test
    void anUnknownTokenIsAnAuthFailureThatNeverShowsTheToken(MockTelegram telegram, ManualClock clock) {
        TelegramAccount wrong = TelegramAccount.of("t", Secret.of("telegram", "999:WRONG-secret-token"), MockTelegram.DEFAULT_CHANNEL)
                .withServer(telegram.baseUri());
        TelegramSyndicator s = new TelegramSyndicator(wrong, http, clock);

        Outcome outcome = s.send(post("Rates held", "s"));

        assertInstanceOf(Outcome.AuthFailed.class, outcome);
        assertFalse(outcome.describe().contains("WRONG-secret-token"));
        assertEquals(CredentialCheck.Status.AUTH_FAILED, s.check().status());
        assertEquals(CredentialCheck.Status.OK, syndicator(telegram, clock, MockTelegram.DEFAULT_CHANNEL).check().status());
    }

    @Test
    void aGroupThatBecameASupergroupIsReportedWithTheIdToConfigure(ManualClock clock) {
        try (MockTelegram telegram = MockTelegram.builder().clock(clock).group(-4001L).start()) {
            telegram.migrateToSupergroup(-4001L, -1009876543210L);

            Outcome outcome = syndicator(telegram, clock, "-4001").send(post("Rates held", "s"));

            String message = assertInstanceOf(Outcome.Permanent.class, outcome).message();
            assertTrue(message.contains("-1009876543210"), message);
            assertEquals(0, telegram.messageCount());
        }
    }

    @Test
    void postsIntoAForumTopic(ManualClock clock) {
        try (MockTelegram telegram = MockTelegram.builder().clock(clock).group(-1005550001L, 42L).start()) {
            TelegramAccount account = TelegramAccount.of("t", Secret.of("telegram", telegram.token()), "-1005550001")
                    .withServer(telegram.baseUri()).withTopic(42L);

            Outcome outcome = new TelegramSyndicator(account, http, clock).send(post("Rates held", "s"));

            assertEquals(URI.create("https://t.me/c/5550001/1"), assertInstanceOf(Outcome.Posted.class, outcome).remoteUrl());
            assertEquals(42L, telegram.messages().get(0).threadId());
            assertInstanceOf(Outcome.Permanent.class, new TelegramSyndicator(account.withTopic(7L), http, clock).send(post("Other", "s")));
        }
    }

    @Test
    void serverErrorsAreTransient(MockTelegram telegram, ManualClock clock) {
        TelegramSyndicator s = syndicator(telegram, clock, MockTelegram.DEFAULT_CHANNEL);
        telegram.failNext(1, Fault.serverError(500));
        telegram.failNext(1, Fault.serverError(502));

        for (int i = 0; i < 2; i++) assertInstanceOf(Outcome.Transient.class, s.send(post("Rates held", "s")));
        assertEquals(0, telegram.messageCount());
    }

    @Test
    void aConnectionThatNeverOpenedIsRetriedButOneDroppedAfterSendingIsLeftToAPerson(MockTelegram telegram, ManualClock clock) throws IOException {
        URI closed;
        try (mockwebserver3.MockWebServer gone = new mockwebserver3.MockWebServer()) {
            gone.start();
            closed = gone.url("/").uri();
        }
        TelegramAccount nowhere = TelegramAccount.of("t", Secret.of("telegram", telegram.token()), MockTelegram.DEFAULT_CHANNEL).withServer(closed);
        telegram.failNext(1, Fault.dropConnection());

        Outcome refused = new TelegramSyndicator(nowhere, http, clock).send(post("Rates held", "s"));
        Outcome dropped = syndicator(telegram, clock, MockTelegram.DEFAULT_CHANNEL).send(post("Rates held", "s"));

        assertInstanceOf(Outcome.Transient.class, refused, "nothing was sent: retrying is safe");
        String reason = assertInstanceOf(Outcome.Uncertain.class, dropped).message();
        assertTrue(reason.startsWith("the request was sent"), "sent, no answer: the client cannot know");
        assertFalse(reason.contains(telegram.token()));
    }

    @Test
    void aLostAnswerAfterTheWriteIsNeverResolvedByGuessing(MockTelegram telegram, ManualClock clock) {
        TelegramSyndicator s = syndicator(telegram, clock, MockTelegram.DEFAULT_CHANNEL);
        telegram.failNext(1, Fault.dropResponse());

        Outcome outcome = s.send(post("Rates held", "s"));

        assertTrue(assertInstanceOf(Outcome.Uncertain.class, outcome).message().startsWith("the request was sent"));
        assertEquals(1, telegram.messageCount(), "the message was written before the answer was lost");
        assertEquals(DeliveryGuarantee.NONE, new TelegramNetwork().guarantee(), "so delivery must not resend blindly");
        assertInstanceOf(Reconciliation.Unknown.class, s.reconcile(post("Rates held", "s")));
    }

    @Test
    void isConfiguredFromHeraldYamlAndPointedAtTheFake(MockTelegram telegram, ManualClock clock) {
        String yaml = """
                accounts:
                  - name: ledger-telegram
                    network: telegram
                    token: ${env:TELEGRAM_BOT_TOKEN}
                    chat: "@ledger_news"
                """;
        SyndicationConfig config = telegram.serve(SyndicationConfig.parse(yaml, "herald.yaml", NetworkRegistry.installed()), "ledger-telegram");
        SecretSource env = ref -> new Secret(ref, telegram.token());
        Syndicator s = new SyndicatorFactory(http, clock, env).createAll(config).get(0);

        assertInstanceOf(Outcome.Posted.class, s.send(post("Rates held", "s")));
        assertEquals(1, telegram.messageCount());
        assertTrue(s.preview(post("Rates held", "s")).payload().contains("\"parse_mode\" : \"HTML\""));
        assertFalse(s.preview(post("Rates held", "s")).payload().contains(telegram.token()));
    }

    @Test
    void aTemplateThatDoesNotStartWithTheHeadlineBoldsNothing(MockTelegram telegram, ManualClock clock) {
        TelegramAccount account = TelegramAccount.of("t", Secret.of("telegram", telegram.token()), MockTelegram.DEFAULT_CHANNEL)
                .withServer(telegram.baseUri()).withTemplate(MessageTemplate.defaults().withPattern("New: {headline} {url}"));

        new TelegramSyndicator(account, http, clock).send(post("Rates held", "s"));

        assertEquals(java.util.List.of(), telegram.messages().get(0).bold());
    }
}
