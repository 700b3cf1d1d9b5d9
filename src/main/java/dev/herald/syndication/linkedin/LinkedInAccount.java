package dev.herald.syndication.linkedin;

import dev.herald.internal.Validate;
import dev.herald.syndication.MessageTemplate;
import dev.herald.syndication.Secret;
import java.net.URI;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * One LinkedIn author Herald posts as.
 *
 * @param name the account's name in the configuration
 * @param api the API's base URL, {@link #DEFAULT_API} unless a test points it at a fake
 * @param author {@code urn:li:organization:<id>} (a Page, token with {@code w_organization_social})
 *     or {@code urn:li:person:<id>} ({@code w_member_social})
 * @param token the access token, sent as {@code Bearer}
 * @param version the {@code LinkedIn-Version} every call is pinned to ({@code YYYYMM})
 * @param expiresAt when the token expires (LinkedIn's last 60 days), or {@code null} when not given
 * @param template how posts are worded; {@code null} means {@link MessageTemplate#defaults()}
 */
public record LinkedInAccount(String name, URI api, String author, Secret token, String version, Instant expiresAt, MessageTemplate template) {
    /** LinkedIn's REST API. */
    public static final URI DEFAULT_API = URI.create("https://api.linkedin.com/");
    /** The version Herald is built and tested against (LinkedIn supports each monthly version for at least a year, then sunsets it). */
    public static final String DEFAULT_VERSION = "202611";

    private static final Pattern AUTHOR = Pattern.compile("urn:li:(organization|person):[A-Za-z0-9_-]{1,64}");
    private static final Pattern VERSION = Pattern.compile("20\\d\\d(0[1-9]|1[0-2])");

    /** Validates every part and fills the defaults. */
    public LinkedInAccount {
        Validate.notBlank(name, "name");
        name = name.strip();
        String what = "LinkedIn account " + name;
        api = api == null ? DEFAULT_API : api;
        Validate.httpUrl(api, "api of " + what);
        Validate.isTrue(api.getRawQuery() == null && api.getRawUserInfo() == null, "api of " + what, "must be a base URL without query or user info");
        if (!api.toString().endsWith("/")) api = URI.create(api + "/");
        Validate.notBlank(author, "author of " + what);
        author = author.strip();
        Validate.isTrue(AUTHOR.matcher(author).matches(), "author of " + what,
                "must be urn:li:organization:<id> or urn:li:person:<id>, not " + Validate.abbreviate(author));
        Validate.notNull(token, "token of " + what);
        version = version == null ? DEFAULT_VERSION : version.strip();
        Validate.isTrue(VERSION.matcher(version).matches(), "version of " + what, "must be a LinkedIn-Version such as 202511, not " + Validate.abbreviate(version));
        template = template == null ? MessageTemplate.defaults() : template;
    }
}
