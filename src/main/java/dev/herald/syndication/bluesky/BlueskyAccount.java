package dev.herald.syndication.bluesky;

import dev.herald.internal.Validate;
import dev.herald.syndication.MessageTemplate;
import dev.herald.syndication.Secret;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One Bluesky account Herald posts to.
 *
 * @param name the account's name in the configuration, unique within it
 * @param service the account's PDS base URL, such as {@code https://bsky.social} (the default) or a
 *     self-hosted PDS; {@code null} means the default
 * @param handle the account's handle without {@code @}, such as {@code news.example.com}; an
 *     {@code @} in front is dropped
 * @param appPassword an app password (Settings → Privacy and security → App passwords), never the
 *     account's main password
 * @param template how posts are worded; {@code null} means {@link MessageTemplate#defaults()}
 * @param langs up to three BCP 47 language tags for every post; empty means the article's own
 *     locale
 */
public record BlueskyAccount(String name, URI service, String handle, Secret appPassword, MessageTemplate template, List<String> langs) {
    /** Bluesky's own PDS entryway, used when no service is configured. */
    public static final URI DEFAULT_SERVICE = URI.create("https://bsky.social");
    /** The most languages a post may declare ({@code app.bsky.feed.post} lexicon). */
    public static final int MAX_LANGS = 3;

    // The shape the PDS's lexicon validation accepts; Locale.forLanguageTag would accept anything.
    private static final Pattern LANG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    // Handles are domain names (atproto handle spec): labels of letters, digits and hyphens.
    private static final Pattern HANDLE = Pattern.compile("([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    /** Applies the defaults and checks every part, naming the setting at fault. */
    public BlueskyAccount {
        Validate.notBlank(name, "bluesky account name");
        String where = "bluesky account " + name + ": ";
        service = service == null ? DEFAULT_SERVICE : service;
        Validate.httpUrl(service, where + "service");
        Validate.isTrue(service.getQuery() == null && service.getFragment() == null, where + "service", "must be a base URL without query or fragment: " + service);
        Validate.notBlank(handle, where + "handle");
        handle = handle.strip();
        if (handle.startsWith("@")) handle = handle.substring(1);
        Validate.isTrue(HANDLE.matcher(handle).matches(), where + "handle",
                "must be a handle such as news.example.com or name.bsky.social (without @): " + Validate.abbreviate(handle));
        Validate.notNull(appPassword, where + "password");
        template = template == null ? MessageTemplate.defaults() : template;
        langs = List.copyOf(langs == null ? List.of() : langs);
        Validate.isTrue(langs.size() <= MAX_LANGS, where + "langs", "must name at most " + MAX_LANGS + " languages: " + langs);
        for (String lang : langs) {
            Validate.isTrue(lang != null && LANG.matcher(lang).matches(), where + "langs",
                    "must be BCP 47 language tags such as en or pt-BR: " + Validate.abbreviate(String.valueOf(lang)));
        }
    }

    /** An account on {@code bsky.social} with the default template and the article's language. */
    public static BlueskyAccount of(String name, String handle, Secret appPassword) {
        return new BlueskyAccount(name, null, handle, appPassword, null, List.of());
    }

    /** This account on another PDS (a self-hosted one, or a test kit fake). */
    public BlueskyAccount withService(URI newService) {
        return new BlueskyAccount(name, newService, handle, appPassword, template, langs);
    }

    @Override
    public String toString() {
        // The record's default would do too (Secret prints its reference), but say so explicitly.
        return "BlueskyAccount[name=" + name + ", service=" + service + ", handle=" + handle + ", appPassword=" + appPassword
                + ", langs=" + langs + "]";
    }
}
