package dev.herald.syndication.bluesky;

import dev.herald.internal.Validate;
import dev.herald.syndication.MessageTemplate;
import dev.herald.syndication.Secret;
import java.net.URI;
import java.util.List;

/**
 * A Bluesky account Herald posts to.
 *
 * @param name the account's name in the configuration
 * @param service the account's PDS ({@code https://bsky.social} for most accounts)
 * @param handle the login identifier ({@code ledger.bsky.social}) or DID
 * @param appPassword an app password (Settings → App passwords), never the account's own password
 * @param template how posts are worded
 * @param langs the posts' languages (at most 3); empty for the article's own language
 */
public record BlueskyAccount(String name, URI service, String handle, Secret appPassword, MessageTemplate template, List<String> langs) {
    /** Checks every part. */
    public BlueskyAccount {
        Validate.notBlank(name, "name");
        Validate.httpUrl(service, "service");
        Validate.notBlank(handle, "handle");
        handle = handle.strip();
        if (handle.startsWith("@")) handle = handle.substring(1);
        Validate.notNull(appPassword, "appPassword");
        Validate.notNull(template, "template");
        langs = List.copyOf(langs == null ? List.of() : langs);
        Validate.isTrue(langs.size() <= 3, "langs", "may list at most 3 languages");
    }
}
