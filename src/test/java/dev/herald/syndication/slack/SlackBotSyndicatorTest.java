package dev.herald.syndication.slack;

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
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.NetworkRegistry;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Reconciliation;
import dev.herald.syndication.Secret;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.config.ConfigException;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.syndication.config.SyndicatorFactory;
import dev.herald.testkit.Fault;
import dev.herald.testkit.HeraldMockExtension;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockSlack;
import dev.herald.testkit.SlackMessage;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HeraldMockExtension.class)
class SlackBotSyndicatorTest {
    static final String URL = "https://ledger.example/economy/rates?a=1&b=2";

    private final HttpTransport http = HttpTransport.create();

    @AfterEach
    void closeTransport() throws IOException {
        http.close();
    }

    private SlackBotSyndicator syndicator(MockSlack slack, ManualClock clock) {
        return syndicator(slack, slack.botToken(), clock);
    }

    private SlackBotSyndicator syndicator(MockSlack slack, String token, ManualClock clock) {
        return new SlackBotSyndicator(new SlackBotAccount("ledger-slack", slack.apiUri(), Secret.of("SLACK_BOT_TOKEN", token), slack.channelId(), null),
                http, clock);
    }

    private static Post post(String title, String summary) {
        return post(title, summary, "1");
    }

    private static Post post(String title, String summary, String revision) {
        return Post.of(ArticleMeta.builder().title(title).description(summary).url(URI.create(URL))
                .image(ImageMeta.of(URI.create("https://ledger.example/img/rates.jpg"))).build(), "ledger-slack", revision);
    }

    @Test
    void postsWithChatPostMessageAndRecordsTheTsAndThePermalink(MockSlack slack, ManualClock clock) {
        Outcome.Posted posted = assertInstanceOf(Outcome.Posted.class, syndicator(slack, clock).send(post("Rates held", "The bank kept rates.")));

        SlackMessage m = slack.messages().get(0);
        assertEquals(m.ts(), posted.remoteId());
        assertEquals(URI.create(slack.permalinkOf(m.ts())), posted.remoteUrl());
        assertEquals(MockSlack.DEFAULT_CHANNEL, m.channel());
        assertEquals("*Rates held*\nThe bank kept rates.", m.sectionText());
        assertEquals(List.of(URL), m.links());
        assertEquals("Bearer " + slack.botToken(), slack.recentRequests().get(0).getHeaders().get("Authorization"));
    }

    @Test
    void sendsTheWebhooksBlocksWithTheChannelAndTheSharesKeyAsMetadata(MockSlack slack, ManualClock clock) {
        Post p = post(SlackSyndicatorTest.HOSTILE, "a <!here> b");
        assertInstanceOf(Outcome.Posted.class, syndicator(slack, clock).send(p));

        SlackMessage m = slack.messages().get(0);
        assertFalse(m.mentionsChannel());
        assertEquals("*" + SlackSyndicatorTest.HOSTILE + "*\na <!here> b", m.sectionText(), "readers see the headline exactly as written");
        assertEquals(List.of(URL), m.links(), "the only link is the article's");
        assertEquals("herald_share", m.metadata().path("event_type").asText());
        assertEquals(p.idempotencyKey(), m.metadata().path("event_payload").path("idempotency_key").asText());
        JsonNode webhookBody = SlackBlocks.message(p, SlackBlocks.compose(p, SlackBotAccount.of("x", Secret.of("t", "t"), "C0LEDGER01").template()));
        assertEquals(webhookBody.path("blocks"), m.blocks());
    }

    @Test
    void keepsTheSectionWithin3000Characters(MockSlack slack, ManualClock clock) {
        assertInstanceOf(Outcome.Posted.class, syndicator(slack, clock).send(post("Budget & <costs>", "R&D <x> ".repeat(800))));

        String mrkdwn = slack.messages().get(0).blocks().get(0).path("text").path("text").asText();
        assertTrue(mrkdwn.length() <= 3000 && mrkdwn.length() > 2900, "" + mrkdwn.length());
    }

    @Test
    void aRefusedTokenStopsTheAccount(MockSlack slack, ManualClock clock) {
        Outcome wrong = syndicator(slack, "xoxb-wrong", clock).send(post("Rates held", "s"));
        slack.revokeBotToken();
        Outcome revoked = syndicator(slack, clock).send(post("Rates held", "s"));

        assertEquals("HTTP 200: invalid_auth", assertInstanceOf(Outcome.AuthFailed.class, wrong).message());
        assertEquals("HTTP 200: token_revoked", assertInstanceOf(Outcome.AuthFailed.class, revoked).message());
        assertFalse(revoked.describe().contains(slack.botToken()));
        assertEquals(0, slack.messageCount());
    }

    @Test
    void notAuthedAndAnInactiveAccountAreAuthFailuresAndAMissingScopeIsNamed(ManualClock clock) throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            for (String error : List.of("not_authed", "account_inactive")) server.enqueue(slackError(error));
            server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                    .body("{\"ok\":false,\"error\":\"missing_scope\",\"needed\":\"chat:write\",\"provided\":\"channels:read\"}").build());
            server.start();
            SlackBotSyndicator s = new SlackBotSyndicator(new SlackBotAccount("s", server.url("/api/").uri(), Secret.of("T", "xoxb-1"), "C0LEDGER01", null),
                    http, clock);

            assertEquals("HTTP 200: not_authed", assertInstanceOf(Outcome.AuthFailed.class, s.send(post("R", "s"))).message());
            assertEquals("HTTP 200: account_inactive", assertInstanceOf(Outcome.AuthFailed.class, s.send(post("R", "s"))).message());
            assertEquals("HTTP 200: missing_scope (the token needs the scope chat:write)",
                    assertInstanceOf(Outcome.AuthFailed.class, s.send(post("R", "s"))).message());
        }
    }

    @Test
    void aMissingChannelAnArchivedOneAndBlocksSlackRefusesArePermanent(MockSlack slack, ManualClock clock) throws IOException {
        SlackBotSyndicator elsewhere = new SlackBotSyndicator(
                new SlackBotAccount("s", slack.apiUri(), Secret.of("T", slack.botToken()), "C0ELSEWHERE", null), http, clock);
        assertTrue(assertInstanceOf(Outcome.Permanent.class, elsewhere.send(post("R", "s"))).message().startsWith("HTTP 200: channel_not_found"));

        slack.removeBotFromChannel();
        assertTrue(assertInstanceOf(Outcome.Permanent.class, syndicator(slack, clock).send(post("R", "s"))).message()
                .startsWith("HTTP 200: not_in_channel (invite the app"));

        try (MockSlack archived = MockSlack.builder().clock(clock).start()) {
            archived.archiveChannel();
            assertTrue(assertInstanceOf(Outcome.Permanent.class, syndicator(archived, clock).send(post("R", "s"))).message().startsWith("HTTP 200: is_archived"));
        }
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                    .body("{\"ok\":false,\"error\":\"invalid_blocks\",\"errors\":[\"must be less than 3001 characters [json-pointer:/blocks/0/text/text]\"]}").build());
            server.start();
            SlackBotSyndicator s = new SlackBotSyndicator(new SlackBotAccount("s", server.url("/api/").uri(), Secret.of("T", "xoxb-1"), "C0LEDGER01", null),
                    http, clock);
            assertEquals("HTTP 200: invalid_blocks", assertInstanceOf(Outcome.Permanent.class, s.send(post("R", "s"))).message());
        }
        assertEquals(0, slack.messageCount());
    }

    @Test
    void readsTheWaitFromRetryAfterOnRatelimited(MockSlack slack, ManualClock clock) {
        SlackBotSyndicator s = syndicator(slack, clock);
        for (int i = 0; i < MockSlack.BURST; i++) assertInstanceOf(Outcome.Posted.class, s.send(post("Story " + i, "s", "" + i)));

        Outcome.RateLimited limited = assertInstanceOf(Outcome.RateLimited.class, s.send(post("One more", "s", "x")));

        assertEquals(clock.instant().plus(MockSlack.WINDOW), limited.retryAt());
        assertEquals("HTTP 429: ratelimited", limited.message());
        clock.advance(MockSlack.WINDOW);
        assertInstanceOf(Outcome.Posted.class, s.send(post("One more", "s", "x")));
    }

    @Test
    void slacksInternalErrorsAndServerErrorsAreTransient(MockSlack slack, ManualClock clock) throws IOException {
        slack.failNext(1, Fault.serverError(503));
        assertInstanceOf(Outcome.Transient.class, syndicator(slack, clock).send(post("R", "s")));
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(slackError("fatal_error"));
            server.start();
            SlackBotSyndicator s = new SlackBotSyndicator(new SlackBotAccount("s", server.url("/api/").uri(), Secret.of("T", "xoxb-1"), "C0LEDGER01", null),
                    http, clock);
            assertEquals("transient failure: HTTP 200: fatal_error", s.send(post("R", "s")).describe());
        }
        assertEquals(0, slack.messageCount());
    }

    @Test
    void aLostAnswerIsTransientAndReconcilingFindsTheMessageSoItIsNotSentTwice(MockSlack slack, ManualClock clock) {
        SlackBotSyndicator s = syndicator(slack, clock);
        Post p = post("Rates held", "s");
        assertEquals(DeliveryGuarantee.RECONCILE_BEFORE_RESEND, s.guarantee());
        assertInstanceOf(Reconciliation.NotFound.class, s.reconcile(p), "nothing there yet");

        slack.failNext(1, Fault.dropResponse().onlyFor("/api/chat.postMessage"));
        assertInstanceOf(Outcome.Transient.class, s.send(p));
        clock.advance(Duration.ofMinutes(5));

        Reconciliation.Found found = assertInstanceOf(Reconciliation.Found.class, s.reconcile(p));
        assertEquals(slack.messages().get(0).ts(), found.remoteId());
        assertEquals(URI.create(slack.permalinkOf(found.remoteId())), found.remoteUrl());
        assertEquals(1, slack.messageCount());
    }

    @Test
    void reconcilingIgnoresAPersonsLinkAndAnotherRevisionOfTheArticle(MockSlack slack, ManualClock clock) {
        SlackBotSyndicator s = syndicator(slack, clock);
        slack.addPersonMessage("have you seen <" + SlackText.url(URL) + "|this>?");
        assertInstanceOf(Outcome.Posted.class, s.send(post("Rates held", "s", "1")));

        assertInstanceOf(Reconciliation.NotFound.class, s.reconcile(post("Rates held", "s", "2")));
        assertInstanceOf(Reconciliation.Found.class, s.reconcile(post("Rates held", "s", "1")));
    }

    @Test
    void reconcilingReadsFurtherPagesAndGivesUpToAPersonOnABusyChannel(MockSlack slack, ManualClock clock) {
        SlackBotSyndicator s = syndicator(slack, clock);
        Post p = post("Rates held", "s");
        assertInstanceOf(Outcome.Posted.class, s.send(p));
        for (int i = 0; i < 150; i++) slack.addPersonMessage("chatter " + i);
        assertInstanceOf(Reconciliation.Found.class, s.reconcile(p), "on the second page");

        for (int i = 0; i < 200; i++) slack.addPersonMessage("more chatter " + i);
        Reconciliation.Unknown unknown = assertInstanceOf(Reconciliation.Unknown.class, s.reconcile(post("Other", "s", "9")));
        assertTrue(unknown.reason().startsWith("more than 300 messages"), unknown.reason());
    }

    @Test
    void reconcilingLooksOnlyAWeekBack(MockSlack slack, ManualClock clock) {
        SlackBotSyndicator s = syndicator(slack, clock);
        Post p = post("Rates held", "s");
        assertInstanceOf(Outcome.Posted.class, s.send(p));
        clock.advance(SlackBotSyndicator.LOOKBACK.plusMinutes(1));

        assertInstanceOf(Reconciliation.NotFound.class, s.reconcile(p));
        assertTrue(slack.lastRequest().getUrl().queryParameter("oldest").matches("\\d+"));
    }

    @Test
    void aTokenThatCannotReadTheChannelLeavesTheAnswerToAPerson(ManualClock clock) {
        try (MockSlack slack = MockSlack.builder().clock(clock).withoutHistoryScope().start()) {
            Reconciliation.Unknown unknown = assertInstanceOf(Reconciliation.Unknown.class, syndicator(slack, clock).reconcile(post("R", "s")));
            assertTrue(unknown.reason().contains("missing_scope (the token needs the scope channels:history)"), unknown.reason());
        }
    }

    @Test
    void checksTheTokenWithAuthTest(MockSlack slack, ManualClock clock) {
        CredentialCheck ok = syndicator(slack, clock).check();
        assertEquals(CredentialCheck.Status.OK, ok.status(), ok.message());
        assertEquals(CredentialCheck.Status.AUTH_FAILED, syndicator(slack, "xoxb-wrong", clock).check().status());
    }

    @Test
    void isConfiguredFromHeraldYamlWithATokenAndAChannelId(MockSlack slack, ManualClock clock) {
        SyndicationConfig config = SyndicationConfig.parse("""
                accounts:
                  - name: newsroom-slack
                    network: slack
                    token: ${env:SLACK_BOT_TOKEN}
                    channel: C0LEDGER01
                    api: %s
                """.formatted(slack.apiUri()), "herald.yaml", NetworkRegistry.installed());
        Syndicator s = new SyndicatorFactory(http, clock, ref -> new Secret(ref, slack.botToken())).createAll(config).get(0);

        assertInstanceOf(Outcome.Posted.class, s.send(post("Rates held", "s")));
        assertEquals(1, slack.messageCount());
        Syndicator dryRun = new SyndicatorFactory(http, clock, SecretSource.placeholders()).createAll(config).get(0);
        String payload = dryRun.preview(post("Rates held", "s")).payload();
        assertTrue(payload.contains("\"channel\" : \"C0LEDGER01\"") && payload.contains("\"blocks\""), payload);
        assertFalse(payload.contains(slack.botToken()));
        SyndicationConfig served = slack.serve(SyndicationConfig.parse(
                "accounts:\n  - name: b\n    network: slack\n    token: ${env:T}\n    channel: C0LEDGER01\n", "herald.yaml"), "b");
        assertEquals(slack.apiUri().toString(), served.account("b").value("api", null));
    }

    @Test
    void refusesAnAccountThatIsBothWebhookAndBotOrHalfABot(ManualClock clock) {
        for (String keys : List.of("url: ${env:HOOK}\n    token: ${env:BOT}\n    channel: C0LEDGER01", "token: ${env:BOT}", "channel: C0LEDGER01",
                "token: ${env:BOT}\n    channel: '#newsroom'", "")) {
            SyndicationConfig config = SyndicationConfig.parse("accounts:\n  - name: s\n    network: slack\n    " + keys + "\n", "herald.yaml");
            RuntimeException e = assertThrows(RuntimeException.class,
                    () -> new SyndicatorFactory(http, clock, SecretSource.placeholders()).createAll(config), keys);
            assertTrue(e instanceof IllegalArgumentException || e instanceof ConfigException, e.toString());
            assertTrue(e.getMessage().contains("webhook") || e.getMessage().contains("token") || e.getMessage().contains("channel"), e.getMessage());
        }
    }

    @Test
    void aPermalinkThatCannotBeReadLeavesThePostPosted(MockSlack slack, ManualClock clock) {
        slack.failNext(1, Fault.serverError(500).onlyFor("/api/chat.getPermalink"));
        Outcome.Posted posted = assertInstanceOf(Outcome.Posted.class, syndicator(slack, clock).send(post("R", "s")));
        assertNull(posted.remoteUrl());
        assertEquals(slack.messages().get(0).ts(), posted.remoteId());
    }

    private static MockResponse slackError(String error) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"ok\":false,\"error\":\"" + error + "\"}").build();
    }
}
