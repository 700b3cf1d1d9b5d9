package dev.herald.syndication.x;

import dev.herald.internal.Validate;
import dev.herald.syndication.MessageTemplate;
import java.net.URI;

/**
 * One X account Herald posts to.
 *
 * @param name the account's name in the configuration
 * @param api the API's base URL, {@link #DEFAULT_API} unless a test points it at a fake; a trailing
 *     slash is added if missing
 * @param credentials how requests are signed
 * @param template how posts are worded; {@code null} means {@link MessageTemplate#defaults()}
 */
public record XAccount(String name, URI api, XCredentials credentials, MessageTemplate template) {
    /** X's API. */
    public static final URI DEFAULT_API = URI.create("https://api.x.com/");

    /** Validates every part and fills the defaults. */
    public XAccount {
        Validate.notBlank(name, "name");
        name = name.strip();
        api = api == null ? DEFAULT_API : api;
        Validate.httpUrl(api, "api of X account " + name);
        Validate.isTrue(api.getRawQuery() == null && api.getRawUserInfo() == null, "api of X account " + name, "must be a base URL without query or user info");
        if (!api.toString().endsWith("/")) api = URI.create(api + "/");
        Validate.notNull(credentials, "credentials of X account " + name);
        template = template == null ? MessageTemplate.defaults() : template;
    }
}
