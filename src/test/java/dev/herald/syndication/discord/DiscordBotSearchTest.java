package dev.herald.syndication.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.DeliveryGuarantee;
import dev.herald.syndication.HttpTransport;
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
import dev.herald.testkit.MockDiscord;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Discord with a bot beside the webhook: after a lost answer the channel is searched, not left to a person. */
@ExtendWith(HeraldMockExtension.class)
class DiscordBotSearchTest {
    static final String URL = "https://ledger.example/economy/2026/rates_held";

    private final HttpTransport http = HttpTransport.create();

    @AfterEach
    void closeTransport() throws IOException {
        http.close();
    }

    private DiscordSyndicator withBot(MockDiscord discord, String botToken, ManualClock clock) {
        return new DiscordSyndicator(DiscordAccount.of("ledger-discord", discord.webhookUri())
                .withBot(Secret.of("DISCORD_BOT_TOKEN", botToken), discord.channelId()), http, clock);
    }

    private static Post post(String url) {
        return Post.of(ArticleMeta.builder().title("Rates held").description("The bank kept rates.").url(URI.create(url)).build(), "ledger-discord", "1");
    }

    @Test
    void aLostAnswerIsTransientWithABotAndTheSearchFindsTheMessageSoItIsNotSentTwice(MockDiscord discord, ManualClock clock) {
        DiscordSyndicator s = withBot(discord, discord.botToken(), clock);
        assertEquals(DeliveryGuarantee.RECONCILE_BEFORE_RESEND, s.guarantee());
        assertInstanceOf(Reconciliation.NotFound.class, s.reconcile(post(URL)));

        discord.failNext(1, Fault.dropResponse().onlyFor(discord.webhookUri().getPath()));
        Outcome lost = s.send(post(URL));
        assertInstanceOf(Outcome.Transient.class, lost);
        clock.advance(Duration.ofMinutes(2));

        Reconciliation.Found found = assertInstanceOf(Reconciliation.Found.class, s.reconcile(post(URL)));
        assertEquals(discord.messages().get(0).id(), found.remoteId());
        assertEquals(1, discord.messageCount());
        RecordedRequest read = discord.lastRequest();
        assertEquals("/api/v10/channels/" + MockDiscord.CHANNEL_ID + "/messages", read.getUrl().encodedPath());
        assertEquals("50", read.getUrl().queryParameter("limit"));
        assertEquals("Bot " + discord.botToken(), read.getHeaders().get("Authorization"));
    }

    @Test
    void aMessageLinkingALongerUrlIsNotTheMessageForTheShorterOne(MockDiscord discord, ManualClock clock) {
        DiscordSyndicator s = new DiscordSyndicator(DiscordAccount.of("ledger-discord", discord.webhookUri())
                .withTemplate(dev.herald.syndication.MessageTemplate.defaults().withPattern("{headline} {url}"))
                .withBot(Secret.of("DISCORD_BOT_TOKEN", discord.botToken()), discord.channelId()), http, clock);
        // Herald's own message for another article whose URL starts with this one's, the link in its text.
        assertInstanceOf(Outcome.Posted.class, s.send(post(URL + "_again")));
        assertTrue(discord.messages().get(0).content().contains(URL + "_again"), discord.messages().get(0).content());

        assertInstanceOf(Reconciliation.NotFound.class, s.reconcile(post(URL)));
        assertInstanceOf(Reconciliation.Found.class, s.reconcile(post(URL + "_again")));
    }

    @Test
    void withoutABotALostAnswerIsStillLeftToAPerson(MockDiscord discord, ManualClock clock) {
        DiscordSyndicator s = new DiscordSyndicator(DiscordAccount.of("d", discord.webhookUri()), http, clock);
        discord.failNext(1, Fault.dropResponse());

        assertEquals(DeliveryGuarantee.NONE, s.guarantee());
        assertInstanceOf(Outcome.Uncertain.class, s.send(post(URL)));
        assertInstanceOf(Reconciliation.Unknown.class, s.reconcile(post(URL)));
    }

    @Test
    void aMembersLinkToTheArticleOrAnotherArticleIsNotTheMessage(MockDiscord discord, ManualClock clock) {
        DiscordSyndicator s = withBot(discord, discord.botToken(), clock);
        discord.addMemberMessage("read this " + URL);
        assertInstanceOf(Outcome.Posted.class, s.send(post(URL + "-update")));

        assertInstanceOf(Reconciliation.NotFound.class, s.reconcile(post(URL)));
        assertInstanceOf(Reconciliation.Found.class, s.reconcile(post(URL + "-update")));
    }

    @Test
    void aFullPageOfThisWeeksMessagesWithoutItIsLeftToAPerson(MockDiscord discord, ManualClock clock) {
        DiscordSyndicator s = withBot(discord, discord.botToken(), clock);
        assertInstanceOf(Outcome.Posted.class, s.send(post(URL)));
        for (int i = 0; i < DiscordSyndicator.RECENT; i++) discord.addMemberMessage("chatter " + i);

        Reconciliation.Unknown unknown = assertInstanceOf(Reconciliation.Unknown.class, s.reconcile(post(URL)));
        assertTrue(unknown.reason().contains("50 most recent"), unknown.reason());
    }

    @Test
    void aRefusedBotOrOneThatCannotReadTheChannelAnswersUnknownWithoutItsToken(MockDiscord discord, ManualClock clock) {
        Reconciliation.Unknown wrong = assertInstanceOf(Reconciliation.Unknown.class, withBot(discord, "not-the-token", clock).reconcile(post(URL)));
        assertTrue(wrong.reason().contains("HTTP 401"), wrong.reason());
        assertFalse(wrong.reason().contains("not-the-token"));
        try (MockDiscord blind = MockDiscord.builder().clock(clock).botCannotReadChannel().start()) {
            Reconciliation.Unknown denied = assertInstanceOf(Reconciliation.Unknown.class, withBot(blind, blind.botToken(), clock).reconcile(post(URL)));
            assertTrue(denied.reason().contains("HTTP 403: Missing Access"), denied.reason());
        }
    }

    @Test
    void isConfiguredFromHeraldYamlWithABotTokenAndTheChannelId(MockDiscord discord, ManualClock clock) {
        SyndicationConfig config = discord.serve(SyndicationConfig.parse("""
                accounts:
                  - name: community
                    network: discord
                    url: ${env:DISCORD_WEBHOOK_URL}
                    botToken: ${env:DISCORD_BOT_TOKEN}
                    channel: "%s"
                """.formatted(discord.channelId()), "herald.yaml"), "community");
        Map<String, String> values = Map.of("${env:DISCORD_BOT_TOKEN}", discord.botToken());
        Syndicator s = new SyndicatorFactory(http, clock, ref -> new Secret(ref, values.get(ref))).createAll(config).get(0);

        assertInstanceOf(Outcome.Posted.class, s.send(post(URL)));
        assertInstanceOf(Reconciliation.Found.class, s.reconcile(post(URL)));
        for (String half : List.of("botToken: ${env:DISCORD_BOT_TOKEN}", "channel: \"" + discord.channelId() + "\"")) {
            SyndicationConfig broken = SyndicationConfig.parse("accounts:\n  - name: c\n    network: discord\n    url: https://discord.com/api/webhooks/1/t\n    "
                    + half + "\n", "herald.yaml");
            assertThrows(RuntimeException.class, () -> new SyndicatorFactory(http, clock, SecretSource.placeholders()).createAll(broken), half);
        }
    }
}
