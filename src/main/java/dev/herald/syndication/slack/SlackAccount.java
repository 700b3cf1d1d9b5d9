package dev.herald.syndication.slack;

import dev.herald.internal.Validate;
import dev.herald.syndication.MessageTemplate;
import dev.herald.syndication.internal.IncomingWebhook;
import java.net.URI;

/**
 * One Slack incoming webhook Herald posts articles to.
 *
 * @param name the account's name in the configuration, unique within it
 * @param webhook the webhook URL ({@code https://hooks.slack.com/services/T…/B…/…}), a credential
 * @param template how the notification text ({@code text}, what a phone's notification and a
 *     screen reader show) is worded; {@code null} means {@code {headline} {url}}
 */
public record SlackAccount(String name, URI webhook, MessageTemplate template) {
    /** The default wording of the notification text. */
    public static final String DEFAULT_PATTERN = "{headline} {url}";

    /** Validates every part and fills the default template. */
    public SlackAccount {
        Validate.notBlank(name, "name");
        name = name.strip();
        Validate.notNull(webhook, "url of Slack account " + name);
        new IncomingWebhook(webhook); // the same checks as the webhook the syndicator posts to
        template = template == null ? MessageTemplate.defaults().withPattern(DEFAULT_PATTERN) : template;
    }

    /**
     * An account posting to the incoming-webhook URL {@code webhook} (which holds its token, so it
     * is never shown), with the default template.
     *
     * @throws IllegalArgumentException when the URL is not absolute http(s), or has user info or a fragment
     */
    public static SlackAccount of(String name, URI webhook) {
        return new SlackAccount(name, webhook, null);
    }

    /** The account without its webhook's token, which is a credential. */
    @Override
    public String toString() {
        return "SlackAccount[name=" + name + ", webhook=" + new IncomingWebhook(webhook).masked() + ", template=" + template + "]";
    }
}
