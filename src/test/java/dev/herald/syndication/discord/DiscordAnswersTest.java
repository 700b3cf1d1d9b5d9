package dev.herald.syndication.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Secret;
import dev.herald.testkit.HeraldMockExtension;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockDiscord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each of Discord's answers to a webhook execution, one signal at a time, and what fits in {@code content}. */
@ExtendWith(HeraldMockExtension.class)
class DiscordAnswersTest {
    static final String URL = "https://ledger.example/economy/2026/rates_held";

    private final HttpTransport http = HttpTransport.create();

    @AfterEach
    void closeTransport() throws IOException {
        http.close();
    }

    private static Post post(String title) {
        return Post.of(ArticleMeta.builder().title(title).description("The bank kept rates.").url(URI.create(URL)).build(), "d", "1");
    }

    private Outcome sendTo(MockResponse answer, boolean bot, ManualClock clock) {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(answer);
            server.start();
            DiscordAccount account = DiscordAccount.of("d", server.url("/api/webhooks/1180000000000000001/t0ken").uri());
            if (bot) account = account.withBot(Secret.of("BOT", "bot-token"), MockDiscord.CHANNEL_ID);
            return new DiscordSyndicator(account, http, clock).send(post("Rates held"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void theSavedMessageHasNoJumpLinkWhenDiscordNamesNoGuild(MockDiscord discord, ManualClock clock) {
        // Discord's answer to an execution carries channel_id but no guild_id.
        Outcome.Posted posted = assertInstanceOf(Outcome.Posted.class,
                new DiscordSyndicator(DiscordAccount.of("d", discord.webhookUri()), http, clock).send(post("Rates held")));

        assertEquals(discord.messages().get(0).id(), posted.remoteId());
        assertNull(posted.remoteUrl());
    }

    @Test
    void aMessageNamingItsGuildAndChannelGetsItsJumpLink(ManualClock clock) {
        Outcome.Posted posted = assertInstanceOf(Outcome.Posted.class, sendTo(json(200,
                "{\"id\":\"1190000000000000001\",\"channel_id\":\"1180000000000000100\",\"guild_id\":\"1180000000000000200\",\"content\":\"Rates held\"}"),
                false, clock));

        assertEquals(URI.create("https://discord.com/channels/1180000000000000200/1180000000000000100/1190000000000000001"), posted.remoteUrl());
        Outcome.Posted noChannel = assertInstanceOf(Outcome.Posted.class,
                sendTo(json(200, "{\"id\":\"1190000000000000001\",\"guild_id\":\"1180000000000000200\"}"), false, clock));
        assertNull(noChannel.remoteUrl());
    }

    @Test
    void anAnswerWithoutTheMessageIsLeftToAPersonWithoutABotAndLookedForWithOne(ManualClock clock) {
        // 204 is what Discord answers when wait=true did not reach it (a proxy dropped the query).
        String alone = assertInstanceOf(Outcome.Uncertain.class, sendTo(new MockResponse.Builder().code(204).build(), false, clock)).message();
        Outcome.Transient withBot = assertInstanceOf(Outcome.Transient.class, sendTo(new MockResponse.Builder().code(204).build(), true, clock));

        assertEquals("HTTP 204: the answer holds no message id; the message is probably there", alone);
        assertEquals("HTTP 204: the answer holds no message id", withBot.message());
    }

    @Test
    void aGlobalRateLimitSaysSoBesideDiscordsMessage(ManualClock clock) {
        Outcome.RateLimited global = assertInstanceOf(Outcome.RateLimited.class, sendTo(json(429,
                "{\"message\":\"You are being rate limited.\",\"retry_after\":1.5,\"global\":true}"), false, clock));
        Outcome.RateLimited bucket = assertInstanceOf(Outcome.RateLimited.class, sendTo(json(429,
                "{\"message\":\"You are being rate limited.\",\"retry_after\":1.5,\"global\":false}"), false, clock));
        Outcome.RateLimited bare = assertInstanceOf(Outcome.RateLimited.class, sendTo(json(429, "{\"retry_after\":1.5,\"global\":true}"), false, clock));

        assertEquals("HTTP 429: You are being rate limited. (global limit)", global.message());
        assertEquals(clock.instant().plusMillis(1500), global.retryAt());
        assertEquals("HTTP 429: You are being rate limited.", bucket.message());
        assertEquals("HTTP 429: (global limit)", bare.message());
    }

    @Test
    void globalInABodyOtherThanA429IsNotALimit(ManualClock clock) {
        Outcome.Permanent refused = assertInstanceOf(Outcome.Permanent.class,
                sendTo(json(400, "{\"message\":\"Invalid Form Body\",\"code\":50035,\"global\":true}"), true, clock));

        assertEquals("HTTP 400: Invalid Form Body", refused.message());
    }

    @Test
    void ownTextOfExactlyTwoThousandEscapedCharactersIsSentAndOneMoreIsRefusedUnsent(MockDiscord discord, ManualClock clock) {
        DiscordSyndicator s = new DiscordSyndicator(DiscordAccount.of("d", discord.webhookUri()), http, clock);

        assertInstanceOf(Outcome.Posted.class, s.send(post("Rates held").withText("r".repeat(1999) + ".")));
        assertEquals(2000, discord.messages().get(0).content().length());
        // The '*' escapes to two characters: 2,001 in all.
        String refused = assertInstanceOf(Outcome.Permanent.class, s.send(post("Rates held").withText("r".repeat(1999) + "*"))).message();
        assertEquals("the message cannot fit Discord's 2000 characters", refused);
        assertEquals(1, discord.messageCount());
    }

    @Test
    void aHeadlineFullOfMarkdownIsComposedAgainSoItsEscapedFormFillsTheContent(MockDiscord discord, ManualClock clock) {
        // 1,600 characters that escape to 2,400: the first composition does not fit once escaped.
        String headline = "*up* ".repeat(320).strip();

        assertInstanceOf(Outcome.Posted.class, new DiscordSyndicator(DiscordAccount.of("d", discord.webhookUri()), http, clock).send(post(headline)));

        String content = discord.messages().get(0).content();
        assertTrue(content.length() <= 2000, content.length() + "");
        assertTrue(content.length() >= 1800, "cut only as far as the escapes need: " + content.length());
        assertTrue(content.startsWith("\\*up\\* \\*up\\*") && content.endsWith("…"), content);
    }

    @Test
    void theRetrySignalOfAnAnswerOtherThanA429IsItsRetryAfterAlone(ManualClock clock) {
        HttpReply unavailable = new HttpReply(503, Map.of("retry-after", "30", "x-ratelimit-reset-after", "59.5"),
                "{\"message\":\"503: Service Unavailable\",\"retry_after\":90}".getBytes(StandardCharsets.UTF_8));
        HttpReply ok = new HttpReply(200, Map.of("x-ratelimit-reset-after", "1.250"), "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8));

        assertEquals(clock.instant().plusSeconds(30), new DiscordNetwork().retryAt(unavailable, clock));
        assertNull(new DiscordNetwork().retryAt(ok, clock), "X-RateLimit-Reset-After is on every answer and asks no wait");
    }

    @Test
    void aResetAfterOfZeroMeansNowAndANegativeOrUnreadableOneIsIgnored(ManualClock clock) {
        HttpReply zero = new HttpReply(429, Map.of("x-ratelimit-reset-after", "0.000"), "{}".getBytes(StandardCharsets.UTF_8));
        HttpReply negative = new HttpReply(429, Map.of("x-ratelimit-reset-after", "-1"), "{}".getBytes(StandardCharsets.UTF_8));
        HttpReply garbled = new HttpReply(429, Map.of("x-ratelimit-reset-after", "soon"), "{\"retry_after\":\"2\"}".getBytes(StandardCharsets.UTF_8));

        assertEquals(clock.instant(), new DiscordNetwork().retryAt(zero, clock));
        assertNull(new DiscordNetwork().retryAt(negative, clock));
        assertNull(new DiscordNetwork().retryAt(garbled, clock), "a retry_after written as a string is not Discord's number");
    }

    @Test
    void aWebhookTokenQuotedInAnErrorNeverReachesTheOutcome(ManualClock clock) {
        Outcome.Permanent refused = assertInstanceOf(Outcome.Permanent.class,
                sendTo(json(400, "{\"message\":\"bad path /api/webhooks/1180000000000000001/t0ken\",\"code\":0}"), false, clock));

        assertFalse(refused.message().contains("t0ken"), refused.message());
    }
}
