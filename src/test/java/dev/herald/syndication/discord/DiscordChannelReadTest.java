package dev.herald.syndication.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.MessageTemplate;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Reconciliation;
import dev.herald.syndication.Secret;
import dev.herald.testkit.Fault;
import dev.herald.testkit.HeraldMockExtension;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockDiscord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The bot's read of the channel: where it reads, what counts as Herald's message, and when it cannot tell. */
@ExtendWith(HeraldMockExtension.class)
class DiscordChannelReadTest {
    static final String URL = "https://ledger.example/economy/2026/rates_held";

    private final HttpTransport http = HttpTransport.create();

    @AfterEach
    void closeTransport() throws IOException {
        http.close();
    }

    private DiscordSyndicator withBot(MockDiscord discord, ManualClock clock) {
        return new DiscordSyndicator(DiscordAccount.of("d", discord.webhookUri())
                .withBot(Secret.of("DISCORD_BOT_TOKEN", discord.botToken()), discord.channelId()), http, clock);
    }

    private static Post post(String url) {
        return Post.of(ArticleMeta.builder().title("Rates held").description("The bank kept rates.").url(URI.create(url)).build(), "d", "1");
    }

    @Test
    void theFoundMessageHasNoJumpLinkSinceTheChannelReadNamesNoGuild(MockDiscord discord, ManualClock clock) {
        DiscordSyndicator s = withBot(discord, clock);
        assertInstanceOf(Outcome.Posted.class, s.send(post(URL)));

        Reconciliation.Found found = assertInstanceOf(Reconciliation.Found.class, s.reconcile(post(URL)));

        assertEquals(discord.messages().get(0).id(), found.remoteId());
        assertNull(found.remoteUrl());
    }

    @Test
    void aMessageWhoseEmbedAModeratorRemovedIsFoundByTheLinkInItsText(MockDiscord discord, ManualClock clock) {
        DiscordSyndicator s = new DiscordSyndicator(DiscordAccount.of("d", discord.webhookUri())
                .withTemplate(MessageTemplate.defaults().withPattern("{headline} {url}"))
                .withBot(Secret.of("DISCORD_BOT_TOKEN", discord.botToken()), discord.channelId()), http, clock);
        assertInstanceOf(Outcome.Posted.class, s.send(post(URL)));
        discord.suppressEmbeds(discord.messages().get(0).id());

        assertEquals(0, discord.messages().get(0).embeds().size());
        assertInstanceOf(Reconciliation.Found.class, s.reconcile(post(URL)));
    }

    @Test
    void aFullPageOfMessagesOlderThanAWeekWithoutItMeansItWasNotSent(MockDiscord discord, ManualClock clock) {
        DiscordSyndicator s = withBot(discord, clock);
        for (int i = 0; i < DiscordSyndicator.RECENT; i++) discord.addMemberMessage("chatter " + i);
        clock.advance(Duration.ofDays(8));

        assertInstanceOf(Reconciliation.NotFound.class, s.reconcile(post(URL)));
    }

    @Test
    void aChannelThatCannotBeReachedIsUnknownAndNeverShowsTheBotToken(MockDiscord discord, ManualClock clock) {
        discord.failNext(1, Fault.dropConnection());

        Reconciliation.Unknown unknown = assertInstanceOf(Reconciliation.Unknown.class, withBot(discord, clock).reconcile(post(URL)));

        assertFalse(unknown.reason().isBlank());
        assertFalse(unknown.reason().contains(discord.botToken()), unknown.reason());
    }

    @Test
    void aWebhookBehindAPathPrefixIsReadThroughTheSamePrefix(ManualClock clock) {
        try (MockWebServer relay = new MockWebServer()) {
            relay.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body("[]").build());
            relay.start();
            DiscordSyndicator s = new DiscordSyndicator(DiscordAccount.of("d", relay.url("/relay/api/webhooks/1180000000000000001/t0ken").uri())
                    .withBot(Secret.of("BOT", "bot-token"), MockDiscord.CHANNEL_ID), http, clock);

            assertInstanceOf(Reconciliation.NotFound.class, s.reconcile(post(URL)));

            RecordedRequest read = relay.takeRequest();
            assertEquals("/relay/api/v10/channels/" + MockDiscord.CHANNEL_ID + "/messages", read.getUrl().encodedPath());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aWebhookUrlNamingNoWebhookIdCannotTellItsMessagesFromAMembersAndReadsNothing(ManualClock clock) {
        for (String path : new String[] {"/relay/discord-hook", "/api/webhooks"}) {
            try (MockWebServer relay = new MockWebServer()) {
                relay.start();
                DiscordSyndicator s = new DiscordSyndicator(DiscordAccount.of("d", relay.url(path).uri())
                        .withBot(Secret.of("BOT", "bot-token"), MockDiscord.CHANNEL_ID), http, clock);

                Reconciliation.Unknown unknown = assertInstanceOf(Reconciliation.Unknown.class, s.reconcile(post(URL)), path);

                assertTrue(unknown.reason().contains("names no webhook id"), unknown.reason());
                assertEquals(0, relay.getRequestCount(), path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
