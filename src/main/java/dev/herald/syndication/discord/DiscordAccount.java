package dev.herald.syndication.discord;

import dev.herald.internal.Validate;
import dev.herald.syndication.MessageTemplate;
import dev.herald.syndication.Secret;
import dev.herald.syndication.internal.IncomingWebhook;
import java.net.URI;
import java.util.Locale;

/**
 * One Discord channel webhook Herald posts articles to.
 *
 * @param name the account's name in the configuration, unique within it
 * @param webhook the webhook URL ({@code https://discord.com/api/webhooks/<id>/<token>}), a credential
 * @param colour the embed's colour as {@code 0xRRGGBB}, or {@code null} for Discord's default
 * @param template how the message's {@code content} is worded; {@code null} means {@code {headline}}
 *     alone, since the embed carries the summary and the link
 * @param bot a bot that can read the webhook's channel, so a lost answer is looked for instead of
 *     left to a person; {@code null} when there is none
 */
public record DiscordAccount(String name, URI webhook, Integer colour, MessageTemplate template, Bot bot) {
    /**
     * A Discord bot's token and the id of the channel the webhook posts to: what
     * {@link DiscordSyndicator#reconcile} reads the channel's recent messages with.
     *
     * @param token the bot's token (sent as {@code Authorization: Bot …}); the bot needs the
     *     channel's View Channel and Read Message History permissions
     * @param channel the channel's id (a snowflake: digits)
     */
    public record Bot(Secret token, String channel) {
        /** Requires both; the channel must be a snowflake id. */
        public Bot {
            Validate.notNull(token, "botToken");
            Validate.notBlank(channel, "channel");
            channel = channel.strip();
            Validate.isTrue(channel.matches("\\d{15,22}"), "channel", "must be the channel's id (digits: Copy Channel ID in Discord), not " + Validate.abbreviate(channel));
        }
    }

    /** An account without a bot. */
    public DiscordAccount(String name, URI webhook, Integer colour, MessageTemplate template) {
        this(name, webhook, colour, template, null);
    }

    /** The default wording of {@code content}: the headline; the embed shows the rest. */
    public static final String DEFAULT_PATTERN = "{headline}";

    /** Validates every part and fills the default template. */
    public DiscordAccount {
        Validate.notBlank(name, "name");
        name = name.strip();
        Validate.notNull(webhook, "url of Discord account " + name);
        new IncomingWebhook(webhook); // the same checks as the webhook the syndicator posts to
        Validate.isTrue(colour == null || colour >= 0 && colour <= 0xFFFFFF, "colour of Discord account " + name, "must be between #000000 and #FFFFFF");
        template = template == null ? MessageTemplate.defaults().withPattern(DEFAULT_PATTERN) : template;
    }

    /**
     * An account posting to the incoming-webhook URL {@code webhook} (which holds its token, so it
     * is never shown), with the default template and colour.
     *
     * @throws IllegalArgumentException when the URL is not absolute http(s), or has user info or a fragment
     */
    public static DiscordAccount of(String name, URI webhook) {
        return new DiscordAccount(name, webhook, null, null);
    }

    /** The account without its webhook's token, which is a credential; the bot's token is masked too. */
    @Override
    public String toString() {
        return "DiscordAccount[name=" + name + ", webhook=" + new IncomingWebhook(webhook).masked() + ", colour=" + colour
                + ", template=" + template + ", bot=" + bot + "]";
    }

    /** This account with embeds of colour {@code rgb}. */
    public DiscordAccount withColour(Integer rgb) {
        return new DiscordAccount(name, webhook, rgb, template, bot);
    }

    /** This account with another template. */
    public DiscordAccount withTemplate(MessageTemplate newTemplate) {
        return new DiscordAccount(name, webhook, colour, newTemplate, bot);
    }

    /** This account with a bot that reads the webhook's channel {@code channelId} with {@code token}. */
    public DiscordAccount withBot(Secret token, String channelId) {
        return new DiscordAccount(name, webhook, colour, template, new Bot(token, channelId));
    }

    /**
     * Parses a colour as written in {@code herald.yaml}: {@code "#1d4ed8"}, {@code 0x1d4ed8} or decimal.
     *
     * @throws IllegalArgumentException when it is none of these
     */
    public static Integer parseColour(String text) {
        if (text == null || text.isBlank()) return null;
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("#")) return Integer.parseInt(t.substring(1), 16);
            if (t.startsWith("0x")) return Integer.parseInt(t.substring(2), 16);
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("colour must be written #RRGGBB, not " + Validate.abbreviate(text));
        }
    }
}
