package dev.herald.syndication.slack;

import dev.herald.internal.Validate;
import dev.herald.syndication.MessageTemplate;
import dev.herald.syndication.Secret;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * One Slack channel Herald posts to through a Slack app's bot token ({@code chat.postMessage}),
 * which, unlike an incoming webhook, tells the message's {@code ts} and can read the channel back.
 *
 * @param name the account's name in the configuration, unique within it
 * @param api the Web API's base URL, {@link #DEFAULT_API} unless a test points it at a fake
 * @param token the bot token ({@code xoxb-…}) with the scopes {@code chat:write} and
 *     {@code channels:history} (or {@code groups:history} for a private channel)
 * @param channel the channel's id ({@code C0123ABCD}), as the channel's details show it; a name
 *     would do for posting but not for reading the channel back
 * @param template how the notification text is worded; {@code null} means {@code {headline} {url}}
 */
public record SlackBotAccount(String name, URI api, Secret token, String channel, MessageTemplate template) {
    /** Slack's Web API. */
    public static final URI DEFAULT_API = URI.create("https://slack.com/api/");

    private static final Pattern CHANNEL_ID = Pattern.compile("[CGD][A-Z0-9]{6,20}");

    /** Validates every part and fills the defaults. */
    public SlackBotAccount {
        Validate.notBlank(name, "name");
        name = name.strip();
        String what = "Slack account " + name;
        api = api == null ? DEFAULT_API : api;
        Validate.httpUrl(api, "api of " + what);
        Validate.isTrue(api.getRawQuery() == null && api.getRawUserInfo() == null, "api of " + what, "must be a base URL without query or user info");
        if (!api.toString().endsWith("/")) api = URI.create(api + "/");
        Validate.notNull(token, "token of " + what);
        Validate.notBlank(channel, "channel of " + what);
        channel = channel.strip();
        Validate.isTrue(CHANNEL_ID.matcher(channel).matches(), "channel of " + what,
                "must be the channel's id (like C0123ABCD, under the channel's name > About), not " + Validate.abbreviate(channel));
        template = template == null ? MessageTemplate.defaults().withPattern(SlackAccount.DEFAULT_PATTERN) : template;
    }

    /** An account on Slack's own API with the default template. */
    public static SlackBotAccount of(String name, Secret token, String channel) {
        return new SlackBotAccount(name, null, token, channel, null);
    }

    /** The URL of Web API method {@code method} ({@code chat.postMessage}). */
    URI method(String method) {
        return api.resolve(method);
    }
}
