package dev.herald.syndication.facebook;

import dev.herald.internal.Validate;
import dev.herald.syndication.MessageTemplate;
import dev.herald.syndication.Secret;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * One Facebook Page Herald posts to.
 *
 * @param name the account's name in the configuration
 * @param api the Graph API's base URL, {@link #DEFAULT_API} unless a test points it at a fake
 * @param page the Page's numeric id
 * @param token a Page access token ({@code pages_manage_posts}, {@code pages_read_engagement})
 * @param graphVersion the Graph API version every call is pinned to, such as {@code v26.0}
 * @param template how posts are worded; {@code null} means {@link MessageTemplate#defaults()}
 */
public record FacebookAccount(String name, URI api, String page, Secret token, String graphVersion, MessageTemplate template) {
    /** The Graph API. */
    public static final URI DEFAULT_API = URI.create("https://graph.facebook.com/");
    /** The version Herald is built and tested against (released 2026-07-29). */
    public static final String DEFAULT_GRAPH_VERSION = "v26.0";

    private static final Pattern VERSION = Pattern.compile("v\\d{1,3}\\.\\d{1,2}");
    private static final Pattern PAGE_ID = Pattern.compile("\\d{1,30}");

    /** Validates every part and fills the defaults. */
    public FacebookAccount {
        Validate.notBlank(name, "name");
        name = name.strip();
        String what = "Facebook account " + name;
        api = api == null ? DEFAULT_API : api;
        Validate.httpUrl(api, "api of " + what);
        Validate.isTrue(api.getRawQuery() == null && api.getRawUserInfo() == null, "api of " + what, "must be a base URL without query or user info");
        if (!api.toString().endsWith("/")) api = URI.create(api + "/");
        Validate.notBlank(page, "page of " + what);
        page = page.strip();
        Validate.isTrue(PAGE_ID.matcher(page).matches(), "page of " + what, "must be the Page's numeric id, not " + Validate.abbreviate(page));
        Validate.notNull(token, "token of " + what);
        graphVersion = graphVersion == null ? DEFAULT_GRAPH_VERSION : graphVersion.strip();
        Validate.isTrue(VERSION.matcher(graphVersion).matches(), "graphVersion of " + what, "must look like v26.0, not " + Validate.abbreviate(graphVersion));
        template = template == null ? MessageTemplate.defaults() : template;
    }

    /** {@code api/version/path}. */
    URI graph(String path) {
        return api.resolve(graphVersion + "/" + path);
    }
}
