package dev.herald.syndication.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.meta.ArticleMeta;
import dev.herald.meta.ImageMeta;
import dev.herald.syndication.CredentialCheck;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Quota;
import dev.herald.syndication.Secret;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.syndication.config.SyndicatorFactory;
import dev.herald.testkit.HeraldMockExtension;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockSlack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A Slack account as configured and the section it sends: wording, budgets, alt text, and what it says about itself. */
@ExtendWith(HeraldMockExtension.class)
class SlackSetupTest {
    static final String URL = "https://ledger.example/economy/rates";

    private final HttpTransport http = HttpTransport.create();

    @AfterEach
    void closeTransport() throws IOException {
        http.close();
    }

    private static Post post(String title, String summary, ImageMeta image) {
        return Post.of(ArticleMeta.builder().title(title).description(summary).url(URI.create(URL)).image(image).build(), "newsroom", "1");
    }

    private Syndicator configured(MockSlack slack, ManualClock clock, String extra) {
        SyndicationConfig config = SyndicationConfig.parse("accounts:\n  - name: newsroom\n    network: slack\n    url: ${env:SLACK_WEBHOOK_URL}\n" + extra, "herald.yaml");
        return new SyndicatorFactory(http, clock, ref -> new Secret(ref, slack.webhookUri().toString())).createAll(config).get(0);
    }

    private static String section(MockSlack slack, int i) {
        return slack.messages().get(i).blocks().get(0).path("text").path("text").asText();
    }

    @Test
    void theFilesDefaultWordingBecomesHeadlineAndLinkAndAnyOtherIsKept(MockSlack slack, ManualClock clock) {
        assertInstanceOf(Outcome.Posted.class, configured(slack, clock, "").send(post("Rates held", "The bank kept rates.", null)));
        assertInstanceOf(Outcome.Posted.class, configured(slack, clock, "    template: \"{headline}!\"\n").send(post("Rates held", "s", null)));

        assertEquals("Rates held " + URL, slack.messages().get(0).text());
        assertEquals("Rates held!", slack.messages().get(1).text());
    }

    @Test
    void aWebhookAndABotTogetherOrNeitherAreRefusedSayingWhich() {
        SyndicatorFactory factory = new SyndicatorFactory(http, Clock.systemUTC(), SecretSource.placeholders());
        String base = "accounts:\n  - name: s\n    network: slack\n";

        RuntimeException both = assertThrows(RuntimeException.class, () -> factory.createAll(SyndicationConfig.parse(
                base + "    url: https://hooks.slack.com/services/T/B/x\n    token: ${env:SLACK_BOT_TOKEN}\n    channel: C0LEDGER01\n", "herald.yaml")));
        RuntimeException neither = assertThrows(RuntimeException.class, () -> factory.createAll(SyndicationConfig.parse(base, "herald.yaml")));

        assertTrue(messages(both).contains("not both"), messages(both));
        assertTrue(messages(neither).contains("needs a webhook url, or a bot token and a channel id"), messages(neither));
    }

    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) all.append(c.getMessage()).append(" | ");
        return all.toString();
    }

    @Test
    void aHeadlineWithoutSpacesIsCutSoTheLinkedHeadlineStaysInTheSection(MockSlack slack, ManualClock clock) {
        assertInstanceOf(Outcome.Posted.class, configured(slack, clock, "").send(post("H".repeat(4000), null, null)));

        String mrkdwn = section(slack, 0);
        assertTrue(mrkdwn.length() <= 3000 && mrkdwn.length() >= 2990, mrkdwn.length() + "");
        assertTrue(mrkdwn.startsWith("*<" + URL + "|HHH") && mrkdwn.endsWith("…>*"), mrkdwn.substring(mrkdwn.length() - 10));
    }

    @Test
    void aSummaryWithoutSpacesFillsTheSectionToItsLastCharacter(MockSlack slack, ManualClock clock) {
        assertInstanceOf(Outcome.Posted.class, configured(slack, clock, "").send(post("Rates held", "s".repeat(5000), null)));

        String mrkdwn = section(slack, 0);
        assertEquals(3000, mrkdwn.length());
        assertTrue(mrkdwn.endsWith("s…"));
    }

    @Test
    void theImagesOwnAltTextDescribesItAndOnlyWithoutOneTheHeadline(MockSlack slack, ManualClock clock) {
        Syndicator s = configured(slack, clock, "");
        ImageMeta chart = ImageMeta.of(URI.create("https://ledger.example/img/rates.jpg"));
        assertInstanceOf(Outcome.Posted.class, s.send(post("Rates held", "s", chart.withAlt("A chart of the bank rate since 2020"))));
        clock.advance(Duration.ofMinutes(1));
        assertInstanceOf(Outcome.Posted.class, s.send(post("Rates held", "s", chart)));

        JsonNode first = slack.messages().get(0).blocks().get(0).path("accessory");
        assertEquals("A chart of the bank rate since 2020", first.path("alt_text").asText());
        assertEquals("Rates held", slack.messages().get(1).blocks().get(0).path("accessory").path("alt_text").asText());
    }

    @Test
    void aPlainTextCodeOfUpToAHundredLettersIsQuotedAndAnythingLongerIsNot(ManualClock clock) {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(400).body("x".repeat(100)).build());
            server.enqueue(new MockResponse.Builder().code(400).body("x".repeat(101)).build());
            server.start();
            SlackSyndicator s = new SlackSyndicator(SlackAccount.of("s", server.url("/services/T/B/x").uri()), http, clock);

            assertEquals("HTTP 400: " + "x".repeat(100), assertInstanceOf(Outcome.Permanent.class, s.send(post("Rates held", "s", null))).message());
            assertEquals("HTTP 400", assertInstanceOf(Outcome.Permanent.class, s.send(post("Rates held", "s", null))).message());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theNetworkEscapesMrkdwnAllowsASectionAndPacesAMessageASecond() {
        SlackNetwork network = new SlackNetwork();

        assertEquals("R&amp;D &lt;!channel&gt; *kept*", network.escape("R&D <!channel> *kept*"));
        assertEquals(3000, network.textRules().maxLength());
        assertEquals(List.of(Quota.of(60, Duration.ofMinutes(1))), network.quotas());
    }

    @Test
    void aWebhookSyndicatorNamesItsAccountAndCannotCheckWithoutPosting(MockSlack slack, ManualClock clock) {
        SlackSyndicator s = new SlackSyndicator(SlackAccount.of("newsroom", slack.webhookUri()), http, clock);

        assertEquals("newsroom", s.account());
        assertEquals("slack", s.network());
        CredentialCheck check = s.check();
        assertEquals(CredentialCheck.Status.UNKNOWN, check.status());
        assertTrue(check.message().contains("only by posting"), check.message());
        assertEquals(0, slack.messageCount());
    }

    @Test
    void anAccountShowsItsNameAndTheWebhooksHostOnly() {
        String shown = SlackAccount.of("newsroom", URI.create("https://hooks.slack.com/services/T1/B2/SECRET-PART")).toString();

        assertTrue(shown.startsWith("SlackAccount[name=newsroom, webhook=https://hooks.slack.com/****"), shown);
        assertFalse(shown.contains("SECRET-PART"), shown);
    }
}
