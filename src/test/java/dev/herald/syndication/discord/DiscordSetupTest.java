package dev.herald.syndication.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.CredentialCheck;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Secret;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.syndication.config.SyndicatorFactory;
import dev.herald.testkit.HeraldMockExtension;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockDiscord;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A Discord account as configured: its colour, its wording, its bot, and what it says about itself. */
@ExtendWith(HeraldMockExtension.class)
class DiscordSetupTest {
    static final String URL = "https://ledger.example/economy/2026/rates_held";

    private final HttpTransport http = HttpTransport.create();

    @AfterEach
    void closeTransport() throws IOException {
        http.close();
    }

    private static Post post() {
        return Post.of(ArticleMeta.builder().title("Rates held").description("The bank kept rates.").url(URI.create(URL)).build(), "community", "1");
    }

    private Syndicator configured(MockDiscord discord, ManualClock clock, String extra) {
        SyndicationConfig config = SyndicationConfig.parse("accounts:\n  - name: community\n    network: discord\n    url: ${env:DISCORD_WEBHOOK_URL}\n" + extra,
                "herald.yaml");
        return new SyndicatorFactory(http, clock, ref -> new Secret(ref, discord.webhookUri().toString())).createAll(config).get(0);
    }

    @Test
    void readsAColourWrittenWithAHashA0xOrInDecimalAndNoneWhenBlank() {
        assertEquals(0x1d4ed8, DiscordAccount.parseColour("#1D4ED8"));
        assertEquals(0x1d4ed8, DiscordAccount.parseColour(" 0x1d4ed8 "));
        assertEquals(1920728, DiscordAccount.parseColour("1920728"));
        assertNull(DiscordAccount.parseColour("  "));
        assertNull(DiscordAccount.parseColour(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DiscordAccount.parseColour("blue"));
        assertTrue(e.getMessage().contains("#RRGGBB") && e.getMessage().contains("blue"), e.getMessage());
    }

    @Test
    void anAccountShowsItsNameAndTheWebhooksHostButNeitherToken() {
        DiscordAccount account = DiscordAccount.of("community", URI.create("https://discord.com/api/webhooks/1/SECRET-PART"))
                .withBot(Secret.of("DISCORD_BOT_TOKEN", "BOT-SECRET"), MockDiscord.CHANNEL_ID);

        String shown = account.toString();

        assertTrue(shown.startsWith("DiscordAccount[name=community, webhook=https://discord.com/****"), shown);
        assertFalse(shown.contains("SECRET-PART") || shown.contains("BOT-SECRET"), shown);
    }

    @Test
    void theFilesDefaultWordingBecomesTheHeadlineAloneAndAnyOtherIsKept(MockDiscord discord, ManualClock clock) {
        assertInstanceOf(Outcome.Posted.class, configured(discord, clock, "").send(post()));
        assertInstanceOf(Outcome.Posted.class, configured(discord, clock, "    template: \"{headline} {url}\"\n").send(post()));

        assertEquals("Rates held", discord.messages().get(0).content());
        assertEquals("Rates held <" + URL + ">", discord.messages().get(1).content());
    }

    @Test
    void aBotTokenWithoutItsChannelOrAChannelWithoutABotIsRefusedNamingWhatIsMissing() {
        SyndicatorFactory factory = new SyndicatorFactory(http, Clock.systemUTC(), SecretSource.placeholders());
        String base = "accounts:\n  - name: c\n    network: discord\n    url: https://discord.com/api/webhooks/1/t\n    ";

        RuntimeException noChannel = assertThrows(RuntimeException.class,
                () -> factory.createAll(SyndicationConfig.parse(base + "botToken: ${env:DISCORD_BOT_TOKEN}\n", "herald.yaml")));
        RuntimeException noBot = assertThrows(RuntimeException.class,
                () -> factory.createAll(SyndicationConfig.parse(base + "channel: \"" + MockDiscord.CHANNEL_ID + "\"\n", "herald.yaml")));

        assertTrue(messages(noChannel).contains("needs the webhook's channel id"), messages(noChannel));
        assertTrue(messages(noBot).contains("channel is only read with a bot"), messages(noBot));
    }

    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) all.append(c.getMessage()).append(" | ");
        return all.toString();
    }

    @Test
    void theNetworkEscapesMarkdownAndAllowsTwoThousandCharacters() {
        DiscordNetwork network = new DiscordNetwork();

        assertEquals("\\*Rates\\* \\_held\\_ https://ledger.example/a_b", network.escape("*Rates* _held_ https://ledger.example/a_b"));
        assertEquals(2000, network.textRules().maxLength());
        assertEquals("discord", network.name());
    }

    @Test
    void aSyndicatorNamesItsAccountAndNetworkAndCannotCheckAWebhookWithoutPosting(MockDiscord discord, ManualClock clock) {
        DiscordSyndicator s = new DiscordSyndicator(DiscordAccount.of("community", discord.webhookUri()), http, clock);

        assertEquals("community", s.account());
        assertEquals("discord", s.network());
        CredentialCheck check = s.check();
        assertEquals(CredentialCheck.Status.UNKNOWN, check.status());
        assertTrue(check.message().contains("only by posting"), check.message());
        assertEquals(0, discord.messageCount());
    }
}
