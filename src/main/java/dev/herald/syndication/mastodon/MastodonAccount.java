package dev.herald.syndication.mastodon;

import dev.herald.internal.Validate;
import dev.herald.syndication.MessageTemplate;
import dev.herald.syndication.Secret;
import java.net.URI;
import java.util.Set;

/**
 * A Mastodon account Herald posts to.
 *
 * @param name the account's name in the configuration
 * @param server the instance's base URL ({@code https://mastodon.social})
 * @param token an access token with the {@code write:statuses} scope
 * @param template how posts are worded
 * @param visibility {@code public}, {@code unlisted}, {@code private} or {@code direct}
 * @param language the ISO 639-1 code of the posts, or {@code null} for the article's own language
 */
public record MastodonAccount(String name, URI server, Secret token, MessageTemplate template, String visibility, String language) {
    private static final Set<String> VISIBILITIES = Set.of("public", "unlisted", "private", "direct");

    /** Checks every part. */
    public MastodonAccount {
        Validate.notBlank(name, "name");
        Validate.httpUrl(server, "server");
        Validate.notNull(token, "token");
        Validate.notNull(template, "template");
        visibility = visibility == null ? "public" : visibility;
        Validate.isTrue(VISIBILITIES.contains(visibility), "visibility", "must be public, unlisted, private or direct");
        if (language != null) {
            Validate.isTrue(language.matches("[a-zA-Z]{2,3}"), "language", "must be an ISO 639 code such as en");
        }
    }
}
