package dev.herald.syndication.threads;

import dev.herald.internal.Validate;
import dev.herald.syndication.MessageTemplate;
import dev.herald.syndication.Secret;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * One Threads profile Herald posts to.
 *
 * @param name the account's name in the configuration
 * @param api the API's base URL, {@link #DEFAULT_API} unless a test points it at a fake
 * @param user the Threads user id
 * @param token a long-lived access token ({@code threads_basic}, {@code threads_content_publish})
 * @param template how posts are worded; {@code null} means {@link MessageTemplate#defaults()}
 */
public record ThreadsAccount(String name, URI api, String user, Secret token, MessageTemplate template) {
    /** The Threads Graph API. */
    public static final URI DEFAULT_API = URI.create("https://graph.threads.net/");
    /** The API version every path carries. */
    public static final String VERSION = "v1.0";

    private static final Pattern USER_ID = Pattern.compile("\\d{1,30}|me");

    /** Validates every part and fills the defaults. */
    public ThreadsAccount {
        Validate.notBlank(name, "name");
        name = name.strip();
        String what = "Threads account " + name;
        api = api == null ? DEFAULT_API : api;
        Validate.httpUrl(api, "api of " + what);
        Validate.isTrue(api.getRawQuery() == null && api.getRawUserInfo() == null, "api of " + what, "must be a base URL without query or user info");
        if (!api.toString().endsWith("/")) api = URI.create(api + "/");
        Validate.notBlank(user, "user of " + what);
        user = user.strip();
        Validate.isTrue(USER_ID.matcher(user).matches(), "user of " + what, "must be the numeric Threads user id, not " + Validate.abbreviate(user));
        Validate.notNull(token, "token of " + what);
        template = template == null ? MessageTemplate.defaults() : template;
    }

    URI graph(String pathAndQuery) {
        return api.resolve(VERSION + "/" + pathAndQuery);
    }
}
