package dev.herald.syndication.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.meta.ArticleMeta;
import dev.herald.meta.ImageMeta;
import dev.herald.syndication.DeliveryGuarantee;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.NetworkRegistry;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Reconciliation;
import dev.herald.syndication.Secret;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.syndication.config.SyndicatorFactory;
import dev.herald.testkit.DiscordMessage;
import dev.herald.testkit.Fault;
import dev.herald.testkit.HeraldMockExtension;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockDiscord;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HeraldMockExtension.class)
class DiscordSyndicatorTest {
    static final String HOSTILE = "<b>Rates</b> & *bold* `code` @everyone <!channel> _under_ <@&123> ||spoiler||";
    static final String URL = "https://ledger.example/economy/2026/rates_held";

    private final HttpTransport http = HttpTransport.create();

    @AfterEach
    void closeTransport() throws IOException {
        http.close();
    }

    private DiscordSyndicator syndicator(MockDiscord discord, ManualClock clock) {
        return new DiscordSyndicator(DiscordAccount.of("ledger-discord", discord.webhookUri()).withColour(0x1d4ed8), http, clock);
    }

    private static Post post(String title, String summary) {
        return Post.of(ArticleMeta.builder().title(title).description(summary).url(URI.create(URL)).siteName("The Meridian Ledger")
                .image(ImageMeta.of(URI.create("https://ledger.example/img/rates.jpg")))
                .publishedTime(OffsetDateTime.parse("2026-03-01T09:00:00Z")).build(), "ledger-discord", "1");
    }

    @Test
    void sendsTheHeadlineAndOneEmbedWithTheArticleAndWaitsForTheMessageId(MockDiscord discord, ManualClock clock) {
        Outcome outcome = syndicator(discord, clock).send(post("Rates held", "The bank kept rates."));

        Outcome.Posted posted = assertInstanceOf(Outcome.Posted.class, outcome);
        DiscordMessage m = discord.messages().get(0);
        assertEquals(m.id(), posted.remoteId());
        assertTrue(m.waited(), "wait=true, so the message id comes back");
        assertEquals("Rates held", m.content());
        JsonNode embed = m.embeds().get(0);
        assertEquals(1, m.embeds().size());
        assertEquals("Rates held", embed.path("title").asText());
        assertEquals("The bank kept rates.", embed.path("description").asText());
        assertEquals(URL, embed.path("url").asText());
        assertEquals("https://ledger.example/img/rates.jpg", embed.path("image").path("url").asText());
        assertEquals("2026-03-01T09:00Z", embed.path("timestamp").asText());
        assertEquals(0x1d4ed8, embed.path("color").asInt());
        assertEquals("The Meridian Ledger", embed.path("author").path("name").asText());
    }

    @Test
    void escapesMarkdownAndNeverPingsEveryone(MockDiscord discord, ManualClock clock) {
        assertInstanceOf(Outcome.Posted.class, syndicator(discord, clock).send(post(HOSTILE, "Tom & Jerry *x* " + URL)));

        DiscordMessage m = discord.messages().get(0);
        assertFalse(m.mentionsEveryone(), "allowed_mentions parse [] keeps @everyone inert");
        assertEquals("[]", m.allowedMentions().path("parse").toString());
        assertEquals("\\<b\\>Rates\\</b\\> & \\*bold\\* \\`code\\` @everyone \\<!channel\\> \\_under\\_ \\<@&123\\> \\|\\|spoiler\\|\\|", m.content());
        assertTrue(m.embeds().get(0).path("description").asText().endsWith(URL), "links are not escaped: " + m.embeds().get(0));
    }

    @Test
    void keepsEveryEmbedLimitCuttingBetweenGraphemes(MockDiscord discord, ManualClock clock) {
        String family = "👩‍👩‍👧‍👦";
        Outcome outcome = syndicator(discord, clock).send(post(("Budget " + family + " ").repeat(60), ("R*D " + family + " ").repeat(900)));

        assertInstanceOf(Outcome.Posted.class, outcome);
        JsonNode embed = discord.messages().get(0).embeds().get(0);
        String title = embed.path("title").asText();
        String description = embed.path("description").asText();
        assertTrue(title.length() <= 256 && title.endsWith("…"), title.length() + "");
        assertTrue(description.length() <= 4096 && description.endsWith("…"));
        assertTrue(title.length() + description.length() + embed.path("author").path("name").asText().length() <= 6000);
        assertFalse(title.contains("\u200d…"), "no family is cut in half");
        assertTrue(discord.messages().get(0).content().length() <= 2000);
    }

    @Test
    void readsTheWaitFromRetryAfterResetAfterAndTheBody(MockDiscord discord, ManualClock clock) {
        DiscordSyndicator s = syndicator(discord, clock);
        for (int i = 0; i < MockDiscord.BUCKET_LIMIT; i++) assertInstanceOf(Outcome.Posted.class, s.send(post("Story " + i, "s")));

        Outcome.RateLimited limited = assertInstanceOf(Outcome.RateLimited.class, s.send(post("One more", "s")));

        assertTrue(limited.retryAt().isAfter(clock.instant()));
        assertTrue(!limited.retryAt().isAfter(clock.instant().plus(MockDiscord.BUCKET_WINDOW).plusSeconds(1)));
        clock.advance(MockDiscord.BUCKET_WINDOW);
        assertInstanceOf(Outcome.Posted.class, s.send(post("One more", "s")));
    }

    @Test
    void theLatestOfTheThreeSignalsWinsAndAGlobalLimitSaysSo(ManualClock clock) {
        HttpReply reply = new HttpReply(429, Map.of("retry-after", "2", "x-ratelimit-reset-after", "3.5"),
                "{\"message\":\"You are being rate limited.\",\"retry_after\":7.25,\"global\":true}".getBytes(StandardCharsets.UTF_8));

        assertEquals(clock.instant().plusMillis(7250), new DiscordNetwork().retryAt(reply, clock));
    }

    @Test
    void anInjectedRateLimitIsReadFromTheFakesHeadersAndBody(MockDiscord discord, ManualClock clock) {
        discord.failNext(1, Fault.rateLimited(Duration.ofSeconds(12)));

        Outcome.RateLimited limited = assertInstanceOf(Outcome.RateLimited.class, syndicator(discord, clock).send(post("Rates held", "s")));

        assertEquals(clock.instant().plusSeconds(12), limited.retryAt());
    }

    @Test
    void aDeletedWebhookOrAWrongTokenIsAnAuthFailureThatNeverShowsTheUrl(MockDiscord discord, ManualClock clock) {
        URI wrong = URI.create(discord.webhookUri().toString().replace(MockDiscord.DEFAULT_TOKEN, "not-the-token-xyz"));
        Outcome bad = new DiscordSyndicator(DiscordAccount.of("d", wrong), http, clock).send(post("Rates held", "s"));
        discord.deleteWebhook();
        Outcome gone = syndicator(discord, clock).send(post("Rates held", "s"));

        assertTrue(assertInstanceOf(Outcome.AuthFailed.class, bad).message().contains("Invalid Webhook Token"));
        assertTrue(assertInstanceOf(Outcome.AuthFailed.class, gone).message().contains("Unknown Webhook"));
        assertFalse(gone.describe().contains(MockDiscord.DEFAULT_TOKEN));
        assertEquals(0, discord.messageCount());
    }

    @Test
    void anInvalidFormBodyIsPermanentWithDiscordsMessage(ManualClock clock) {
        try (mockwebserver3.MockWebServer server = new mockwebserver3.MockWebServer()) {
            server.enqueue(new mockwebserver3.MockResponse.Builder().code(400).setHeader("Content-Type", "application/json")
                    .body("{\"code\":50035,\"errors\":{\"embeds\":{\"0\":{\"url\":{\"_errors\":[{\"code\":\"URL_TYPE_INVALID_URL\"}]}}}},\"message\":\"Invalid Form Body\"}").build());
            server.start();
            Outcome outcome = new DiscordSyndicator(DiscordAccount.of("d", server.url("/api/webhooks/1/t").uri()), http, clock)
                    .send(post("Rates held", "s"));
            assertEquals("HTTP 400: Invalid Form Body", assertInstanceOf(Outcome.Permanent.class, outcome).message());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void serverErrorsAreTransient(MockDiscord discord, ManualClock clock) {
        DiscordSyndicator s = syndicator(discord, clock);
        discord.failNext(1, Fault.serverError(500));
        discord.failNext(1, Fault.serverError(503));

        for (int i = 0; i < 2; i++) assertInstanceOf(Outcome.Transient.class, s.send(post("Rates held", "s")));
        assertEquals(0, discord.messageCount());
    }

    @Test
    void aGatewayTimeoutIsALostAnswerLeftToAPerson(MockDiscord discord, ManualClock clock) {
        DiscordSyndicator s = syndicator(discord, clock);
        discord.failNext(1, Fault.serverError(502));
        discord.failNext(1, Fault.serverError(504));

        for (int i = 0; i < 2; i++) {
            String why = assertInstanceOf(Outcome.Uncertain.class, s.send(post("Rates held", "s"))).message();
            assertTrue(why.contains("gateway answered HTTP 50"), why);
        }
    }

    @Test
    void aLostAnswerAfterTheWriteIsNeverResolvedByGuessing(MockDiscord discord, ManualClock clock) {
        DiscordSyndicator s = syndicator(discord, clock);
        discord.failNext(1, Fault.dropResponse());

        String reason = assertInstanceOf(Outcome.Uncertain.class, s.send(post("Rates held", "s"))).message();
        assertTrue(reason.startsWith("the request was sent"), reason);

        assertEquals(1, discord.messageCount(), "the message was saved before the answer was lost");
        assertEquals(DeliveryGuarantee.NONE, new DiscordNetwork().guarantee());
        assertInstanceOf(Reconciliation.Unknown.class, s.reconcile(post("Rates held", "s")));
    }

    @Test
    void isConfiguredFromHeraldYamlWithTheUrlAsACredential(MockDiscord discord, ManualClock clock) {
        String yaml = """
                accounts:
                  - name: ledger-discord
                    network: discord
                    url: ${env:DISCORD_WEBHOOK_URL}
                    colour: "#1d4ed8"
                """;
        SyndicationConfig config = SyndicationConfig.parse(yaml, "herald.yaml", NetworkRegistry.installed());
        Syndicator s = new SyndicatorFactory(http, clock, ref -> new Secret(ref, discord.webhookUri().toString())).createAll(config).get(0);

        assertInstanceOf(Outcome.Posted.class, s.send(post("Rates held", "s")));
        assertEquals(0x1d4ed8, discord.messages().get(0).embeds().get(0).path("color").asInt());
        assertFalse(s.preview(post("Rates held", "s")).payload().contains(MockDiscord.DEFAULT_TOKEN));
        Syndicator dryRun = new SyndicatorFactory(http, clock, dev.herald.syndication.config.SecretSource.placeholders()).createAll(config).get(0);
        assertTrue(dryRun.preview(post("Rates held", "s")).payload().contains("\"allowed_mentions\""), "a dry run needs no webhook URL");
    }

    @Test
    void anAccountTakesItsWebhookAsAPlainUrlAndNeverShowsIt() {
        URI url = URI.create("https://discord.com/api/webhooks/123/SECRET-PART");

        DiscordAccount account = DiscordAccount.of("chat", url);

        assertEquals(url, account.webhook());
        assertFalse(account.toString().contains("SECRET-PART"), account.toString());
        assertThrows(IllegalArgumentException.class, () -> DiscordAccount.of("chat", URI.create("https://user:pw@hooks.example/x")));
    }
}
