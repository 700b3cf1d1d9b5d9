package dev.herald.syndication.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.ComposedText;
import dev.herald.syndication.CredentialCheck;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Quota;
import dev.herald.syndication.Secret;
import dev.herald.testkit.Fault;
import dev.herald.testkit.HeraldMockExtension;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockTelegram;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Telegram's answers and the account's edges, one signal at a time. */
@ExtendWith(HeraldMockExtension.class)
class TelegramSignalsTest {
    static final String URL = "https://ledger.example/economy/2026/rates";

    private final HttpTransport http = HttpTransport.create();

    @AfterEach
    void closeTransport() throws IOException {
        http.close();
    }

    private TelegramSyndicator syndicator(MockTelegram telegram, ManualClock clock, String token, String chat) {
        return new TelegramSyndicator(TelegramAccount.of("ledger-telegram", Secret.of("telegram", token), chat).withServer(telegram.baseUri()), http, clock);
    }

    private static Post post() {
        return Post.of(ArticleMeta.builder().title("Rates held").description("The bank kept rates.").url(URI.create(URL)).build(), "ledger-telegram", "1");
    }

    @Test
    void aNumericChatIdIsSentAsANumberAndAUsernameAsText(MockTelegram telegram, ManualClock clock) throws IOException {
        ObjectMapper json = new ObjectMapper();
        assertInstanceOf(Outcome.Posted.class, syndicator(telegram, clock, telegram.token(), Long.toString(MockTelegram.DEFAULT_CHANNEL_ID)).send(post()));
        JsonNode numeric = json.readTree(telegram.lastRequest().getBody().utf8()).path("chat_id");
        assertInstanceOf(Outcome.Posted.class, syndicator(telegram, clock, telegram.token(), MockTelegram.DEFAULT_CHANNEL).send(post()));
        JsonNode named = json.readTree(telegram.lastRequest().getBody().utf8()).path("chat_id");

        assertTrue(numeric.isIntegralNumber(), numeric.toString());
        assertEquals(MockTelegram.DEFAULT_CHANNEL_ID, numeric.asLong());
        assertEquals(MockTelegram.DEFAULT_CHANNEL, named.textValue());
    }

    @Test
    void onlyASupergroupsIdLinksItsMessageAndABareMinus100DoesNot(ManualClock clock) {
        try (MockTelegram telegram = MockTelegram.builder().clock(clock).group(-100L).channel("@ledger_news", MockTelegram.DEFAULT_CHANNEL_ID).start()) {
            Outcome.Posted bare = assertInstanceOf(Outcome.Posted.class, syndicator(telegram, clock, telegram.token(), "-100").send(post()));
            Outcome.Posted channel = assertInstanceOf(Outcome.Posted.class,
                    syndicator(telegram, clock, telegram.token(), Long.toString(MockTelegram.DEFAULT_CHANNEL_ID)).send(post()));

            assertNull(bare.remoteUrl());
            assertEquals(URI.create("https://t.me/c/1234567890/" + channel.remoteId()), channel.remoteUrl());
        }
    }

    @Test
    void ownTextOfExactly4096CharactersIsSent(MockTelegram telegram, ManualClock clock) {
        Outcome outcome = syndicator(telegram, clock, telegram.token(), MockTelegram.DEFAULT_CHANNEL).send(post().withText("y".repeat(4096)));

        assertInstanceOf(Outcome.Posted.class, outcome);
        assertEquals(4096, telegram.messages().get(0).text().length());
    }

    @Test
    void okWithoutAMessageIdIsLeftToAPerson(ManualClock clock) {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                    .body("{\"ok\":true,\"result\":{\"chat\":{\"id\":-1001234567890}}}").build());
            server.start();
            TelegramSyndicator s = new TelegramSyndicator(TelegramAccount.of("t", Secret.of("telegram", MockTelegram.DEFAULT_TOKEN), "@ledger_news")
                    .withServer(server.url("/").uri()), http, clock);

            String why = assertInstanceOf(Outcome.Uncertain.class, s.send(post())).message();

            assertEquals("HTTP 200: Telegram said ok but gave no message_id; the message is probably there", why);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aTokenTelegramCannotRouteIsNotFoundAndAnAuthFailure(MockTelegram telegram, ManualClock clock) {
        TelegramSyndicator s = syndicator(telegram, clock, "not-a-bot-token", MockTelegram.DEFAULT_CHANNEL);

        String why = assertInstanceOf(Outcome.AuthFailed.class, s.send(post())).message();

        assertEquals("HTTP 404: Not Found (Telegram does not know the bot token)", why);
        assertEquals(CredentialCheck.Status.AUTH_FAILED, s.check().status());
        assertEquals(0, telegram.messageCount());
    }

    @Test
    void theCheckNamesTheBotAndAnUnreachableApiIsUnknownWithoutTheToken(MockTelegram telegram, ManualClock clock) {
        TelegramSyndicator s = syndicator(telegram, clock, telegram.token(), MockTelegram.DEFAULT_CHANNEL);

        assertEquals("the bot token is accepted for @herald_test_bot", s.check().message());
        telegram.failNext(1, Fault.dropConnection());
        CredentialCheck unreachable = s.check();
        assertEquals(CredentialCheck.Status.UNKNOWN, unreachable.status());
        assertFalse(unreachable.message().contains(telegram.token()), unreachable.message());
    }

    @Test
    void aRetryAfterOfZeroMeansNowAndANegativeOneIsNoSignal(ManualClock clock) {
        HttpReply zero = new HttpReply(429, Map.of(), "{\"ok\":false,\"error_code\":429,\"parameters\":{\"retry_after\":0}}".getBytes(StandardCharsets.UTF_8));
        HttpReply negative = new HttpReply(429, Map.of(), "{\"ok\":false,\"error_code\":429,\"parameters\":{\"retry_after\":-3}}".getBytes(StandardCharsets.UTF_8));

        assertEquals(clock.instant(), new TelegramNetwork().retryAt(zero, clock));
        assertNull(new TelegramNetwork().retryAt(negative, clock));
    }

    @Test
    void theNetworkEscapesHtmlAllows4096CharactersAndTwentyMessagesAMinute() {
        TelegramNetwork network = new TelegramNetwork();

        assertEquals("R&amp;D &lt;b&gt; *kept*", network.escape("R&D <b> *kept*"));
        assertEquals(4096, network.textRules().maxLength());
        assertEquals(List.of(Quota.of(20, Duration.ofMinutes(1))), network.quotas());
    }

    @Test
    void aSyndicatorNamesItsAccountAndTelegram(MockTelegram telegram, ManualClock clock) {
        TelegramSyndicator s = syndicator(telegram, clock, telegram.token(), MockTelegram.DEFAULT_CHANNEL);

        assertEquals("ledger-telegram", s.account());
        assertEquals("telegram", s.network());
    }

    @Test
    void aTokenWithASpaceOrAControlCharacterIsRefused() {
        for (String token : List.of("123:AB CD", "123:AB\tCD")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TelegramAccount.of("t", Secret.of("telegram", token), "@ledger_news"));
            assertFalse(e.getMessage().contains(token), e.getMessage());
        }
    }

    @Test
    void aFirstLineThatIsEmptyOrBlankIsNotMadeBold() {
        for (String text : List.of("\nRates held", "   \nRates held")) {
            String html = TelegramText.html(new ComposedText(text, text.length(), 4096, true, List.of()), true);
            assertFalse(html.contains("<b>"), html);
            assertEquals(text, html);
        }
        assertEquals("<b>Rates &amp; more</b>\nheld", TelegramText.html(new ComposedText("Rates & more\nheld", 17, 4096, true, List.of()), true));
    }
}
