package dev.herald.syndication.websub;

import dev.herald.internal.Validate;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * One WebSub hub Herald pings when an article is published.
 *
 * @param name the account's name in the configuration, unique within it
 * @param hub the hub's URL, such as {@code https://pubsubhubbub.appspot.com/}
 * @param topics the site's feed URLs pinged with every article (the article's own URL is added)
 * @param parameter the form parameter naming each topic: {@code url} ({@code hub.url}, as Google's
 *     and most public hubs take it) or {@code topic} ({@code hub.topic}); {@code null} means {@code url}
 */
public record WebSubAccount(String name, URI hub, List<URI> topics, String parameter) {
    /** Validates every part and fills the default parameter. */
    public WebSubAccount {
        Validate.notBlank(name, "name");
        name = name.strip();
        Validate.httpUrl(hub, "hub of WebSub account " + name);
        Validate.notNull(topics, "topics of WebSub account " + name);
        for (URI t : topics) Validate.httpUrl(t, "topic of WebSub account " + name);
        topics = List.copyOf(topics);
        parameter = parameter == null ? "url" : parameter.strip().toLowerCase(Locale.ROOT);
        Validate.isTrue(parameter.equals("url") || parameter.equals("topic"), "parameter of WebSub account " + name, "must be url or topic");
    }

    /** An account pinging {@code hub} with {@code topics} as {@code hub.url}. */
    public static WebSubAccount of(String name, URI hub, URI... topics) {
        return new WebSubAccount(name, hub, List.of(topics), null);
    }
}
