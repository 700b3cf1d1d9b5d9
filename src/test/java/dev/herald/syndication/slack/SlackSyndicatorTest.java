package dev.herald.syndication.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.meta.ArticleMeta;
import dev.herald.meta.ImageMeta;
import dev.herald.syndication.DeliveryGuarantee;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.NetworkRegistry;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Reconciliation;
import dev.herald.syndication.Secret;
import dev.herald.syndication.Syndicator;
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
class SlackSyndicatorTest {
    static final String HOSTILE = "<b>Rates</b> & *bold* `code` @everyone <!channel> <https://evil.example|click>";
    static final String URL = "https://ledger.example/economy/rates?a=1&b=2";

    private final HttpTransport http = HttpTransport.create();

    @AfterEach
    void closeTransport() throws IOException {
        http.close();
    }

    private SlackSyndicator syndicator(MockSlack slack, ManualClock clock) {
        return new SlackSyndicator(SlackAccount.of("ledger-slack", slack.webhookUri()), http, clock);
    }

    private static Post post(String title, String summary) {
        return Post.of(ArticleMeta.builder().title(title).description(summary).url(URI.create(URL))
                .image(ImageMeta.of(URI.create("https://ledger.example/img/rates.jpg"))).build(), "ledger-slack", "1");
    }

    @Test
    void sendsASectionWithTheLinkedHeadlineTheSummaryAndTheImage(MockSlack slack, ManualClock clock) {
        Outcome outcome = syndicator(slack, clock).send(post("Rates held", "The bank kept rates."));

        assertInstanceOf(Outcome.Posted.class, outcome);
        SlackMessage m = slack.messages().get(0);
        assertEquals("*Rates held*\nThe bank kept rates.", m.sectionText());
        assertEquals(List.of(URL), m.links());
        JsonNode section = m.blocks().get(0);
        assertTrue(section.path("text").path("text").asText().startsWith("*<https://ledger.example/economy/rates?a=1&amp;b=2|Rates held>*"));
        assertEquals("https://ledger.example/img/rates.jpg", section.path("accessory").path("image_url").asText());
        assertEquals("Rates held", section.path("accessory").path("alt_text").asText());
        assertEquals("Rates held " + URL.replace("&", "&amp;"), m.text(), "the notification text");
    }

    @Test
    void escapesHostileHeadlinesSoNothingLinksOrNotifiesTheChannel(MockSlack slack, ManualClock clock) {
        assertInstanceOf(Outcome.Posted.class, syndicator(slack, clock).send(post(HOSTILE, "a <!here> b")));

        SlackMessage m = slack.messages().get(0);
        assertFalse(m.mentionsChannel());
        assertEquals(List.of(URL), m.links(), "the only link is the article's");
        assertEquals("*" + HOSTILE + "*\na <!here> b", m.sectionText(), "readers see the headline exactly as written");
    }

    @Test
    void keepsTheSectionWithin3000Characters(MockSlack slack, ManualClock clock) {
        assertInstanceOf(Outcome.Posted.class, syndicator(slack, clock).send(post("Budget & <costs>", "R&D <x> ".repeat(800))));

        String mrkdwn = slack.messages().get(0).blocks().get(0).path("text").path("text").asText();
        assertTrue(mrkdwn.length() <= 3000 && mrkdwn.length() > 2900, "" + mrkdwn.length());
        assertTrue(mrkdwn.endsWith("…"));
    }

    @Test
    void readsTheWaitFromRetryAfter(MockSlack slack, ManualClock clock) {
        SlackSyndicator s = syndicator(slack, clock);
        for (int i = 0; i < MockSlack.BURST; i++) assertInstanceOf(Outcome.Posted.class, s.send(post("Story " + i, "s")));

        Outcome.RateLimited limited = assertInstanceOf(Outcome.RateLimited.class, s.send(post("One more", "s")));

        assertEquals(clock.instant().plus(MockSlack.WINDOW), limited.retryAt());
        clock.advance(MockSlack.WINDOW);
        assertInstanceOf(Outcome.Posted.class, s.send(post("One more", "s")));
    }

    @Test
    void aRevokedWebhookOrAnArchivedChannelStopsTheAccount(MockSlack slack, ManualClock clock) {
        slack.archiveChannel();
        Outcome archived = syndicator(slack, clock).send(post("Rates held", "s"));
        slack.revoke();
        Outcome revoked = syndicator(slack, clock).send(post("Rates held", "s"));

        assertEquals("HTTP 410: channel_is_archived (the webhook no longer posts: configure a new one)",
                assertInstanceOf(Outcome.AuthFailed.class, archived).message());
        assertTrue(assertInstanceOf(Outcome.AuthFailed.class, revoked).message().startsWith("HTTP 404: no_service"));
        assertFalse(revoked.describe().contains("slackTestSecret"));
    }

    @Test
    void anInvalidPayloadIsPermanentAndARollupErrorTransient(ManualClock clock) throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(400).body("invalid_payload").build());
            server.enqueue(new MockResponse.Builder().code(500).body("rollup_error").build());
            server.start();
            SlackSyndicator s = new SlackSyndicator(SlackAccount.of("s", server.url("/services/T/B/x").uri()), http, clock);

            assertEquals("HTTP 400: invalid_payload", assertInstanceOf(Outcome.Permanent.class, s.send(post("Rates held", "s"))).message());
            assertEquals("transient failure: HTTP 500: rollup_error", s.send(post("Rates held", "s")).describe());
        }
    }

    @Test
    void serverErrorsAreTransient(MockSlack slack, ManualClock clock) {
        SlackSyndicator s = syndicator(slack, clock);
        slack.failNext(1, Fault.serverError(503));

        assertInstanceOf(Outcome.Transient.class, s.send(post("Rates held", "s")));
        assertEquals(0, slack.messageCount());
    }

    @Test
    void aLostAnswerAfterTheWriteIsNeverResolvedByGuessing(MockSlack slack, ManualClock clock) {
        SlackSyndicator s = syndicator(slack, clock);
        slack.failNext(1, Fault.dropResponse());

        String reason = assertInstanceOf(Outcome.Uncertain.class, s.send(post("Rates held", "s"))).message();
        assertTrue(reason.startsWith("the request was sent"), reason);

        assertEquals(1, slack.messageCount());
        assertEquals(DeliveryGuarantee.NONE, new SlackNetwork().guarantee());
        assertInstanceOf(Reconciliation.Unknown.class, s.reconcile(post("Rates held", "s")));
    }

    @Test
    void isConfiguredFromHeraldYamlWithTheUrlAsACredential(MockSlack slack, ManualClock clock) {
        String yaml = """
                accounts:
                  - name: newsroom-slack
                    network: slack
                    url: ${env:SLACK_WEBHOOK_URL}
                """;
        SyndicationConfig config = SyndicationConfig.parse(yaml, "herald.yaml", NetworkRegistry.installed());
        Syndicator s = new SyndicatorFactory(http, clock, ref -> new Secret(ref, slack.webhookUri().toString())).createAll(config).get(0);

        assertInstanceOf(Outcome.Posted.class, s.send(post("Rates held", "s")));
        assertEquals(1, slack.messageCount());
        Syndicator dryRun = new SyndicatorFactory(http, clock, dev.herald.syndication.config.SecretSource.placeholders()).createAll(config).get(0);
        assertTrue(dryRun.preview(post("Rates held", "s")).payload().contains("\"blocks\""), "a dry run needs no webhook URL");
    }

    @Test
    void anAccountTakesItsWebhookAsAPlainUrlAndNeverShowsIt() {
        URI url = URI.create("https://hooks.slack.com/services/T1/B2/SECRET-PART");

        SlackAccount account = SlackAccount.of("chat", url);

        assertEquals(url, account.webhook());
        assertFalse(account.toString().contains("SECRET-PART"), account.toString());
        assertThrows(IllegalArgumentException.class, () -> SlackAccount.of("chat", URI.create("https://user:pw@hooks.example/x")));
    }
}
