package dev.herald.syndication.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.CredentialCheck;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Reconciliation;
import dev.herald.syndication.Secret;
import dev.herald.testkit.Fault;
import dev.herald.testkit.HeraldMockExtension;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockSlack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The bot form's answers one signal at a time: a gateway's page, a lost connection, codes Slack does not list. */
@ExtendWith(HeraldMockExtension.class)
class SlackBotAnswersTest {
    static final String URL = "https://ledger.example/economy/rates";

    private final HttpTransport http = HttpTransport.create();

    @AfterEach
    void closeTransport() throws IOException {
        http.close();
    }

    private SlackBotSyndicator syndicator(MockSlack slack, ManualClock clock) {
        return new SlackBotSyndicator(new SlackBotAccount("ledger-slack", slack.apiUri(), Secret.of("SLACK_BOT_TOKEN", slack.botToken()), slack.channelId(), null),
                http, clock);
    }

    private static Post post() {
        return Post.of(ArticleMeta.builder().title("Rates held").description("The bank kept rates.").url(URI.create(URL)).build(), "ledger-slack", "1");
    }

    private Outcome sendTo(int status, String json, ManualClock clock) {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(json).build());
            server.start();
            return new SlackBotSyndicator(new SlackBotAccount("s", server.url("/api/").uri(), Secret.of("SLACK_BOT_TOKEN", "xoxb-1-2-abc"), "C0LEDGER01", null),
                    http, clock).send(post());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aGatewaysPageWithoutSlacksEnvelopeIsTransient(MockSlack slack, ManualClock clock) {
        slack.failNext(1, Fault.serverError(502));

        Outcome.Transient t = assertInstanceOf(Outcome.Transient.class, syndicator(slack, clock).send(post()));

        assertEquals("HTTP 502", t.message());
        assertEquals(0, slack.messageCount());
    }

    @Test
    void aConnectionThatFailsIsTransientForASendAndUnknownForACheckOrASearch(MockSlack slack, ManualClock clock) {
        SlackBotSyndicator s = syndicator(slack, clock);
        slack.failNext(3, Fault.dropConnection());

        assertInstanceOf(Outcome.Transient.class, s.send(post()));
        CredentialCheck check = s.check();
        Reconciliation.Unknown unknown = assertInstanceOf(Reconciliation.Unknown.class, s.reconcile(post()));

        assertEquals(CredentialCheck.Status.UNKNOWN, check.status());
        assertTrue(check.message().contains("no answer"), check.message());
        assertTrue(unknown.reason().contains("no answer"), unknown.reason());
        assertFalse(unknown.reason().contains(slack.botToken()) || check.message().contains(slack.botToken()));
    }

    @Test
    void aServerErrorIsTransientEvenWithACodeSlackDoesNotListAndA4xxWithItIsPermanent(ManualClock clock) {
        assertEquals("HTTP 500: something_broke",
                assertInstanceOf(Outcome.Transient.class, sendTo(500, "{\"ok\":false,\"error\":\"something_broke\"}", clock)).message());
        assertInstanceOf(Outcome.Permanent.class, sendTo(400, "{\"ok\":false,\"error\":\"something_broke\"}", clock));
        assertInstanceOf(Outcome.Permanent.class, sendTo(200, "{\"ok\":false,\"error\":\"something_broke\"}", clock));
    }

    @Test
    void anOverlongErrorCodeIsShortenedAndAnOrdinaryOneQuotedWhole(ManualClock clock) {
        String huge = "e".repeat(250);

        String shortened = assertInstanceOf(Outcome.Permanent.class, sendTo(200, "{\"ok\":false,\"error\":\"" + huge + "\"}", clock)).message();
        String whole = assertInstanceOf(Outcome.Permanent.class, sendTo(200, "{\"ok\":false,\"error\":\"" + "e".repeat(150) + "\"}", clock)).message();

        assertEquals("HTTP 200: " + "e".repeat(200) + "…", shortened);
        assertEquals("HTTP 200: " + "e".repeat(150), whole);
    }

    @Test
    void okWithoutTheMessagesTsIsTransientSoTheChannelIsSearchedBeforeAResend(ManualClock clock) {
        Outcome.Transient t = assertInstanceOf(Outcome.Transient.class, sendTo(200, "{\"ok\":true,\"channel\":\"C0LEDGER01\"}", clock));

        assertEquals("HTTP 200: the answer holds no message ts", t.message());
    }

    @Test
    void aSyndicatorNamesItsAccountAndSlack(MockSlack slack, ManualClock clock) {
        SlackBotSyndicator s = syndicator(slack, clock);

        assertEquals("ledger-slack", s.account());
        assertEquals("slack", s.network());
    }
}
