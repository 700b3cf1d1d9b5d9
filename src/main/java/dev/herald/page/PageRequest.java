package dev.herald.page;

import dev.herald.internal.Validate;
import dev.herald.meta.ArticleMeta;
import java.net.URI;

/**
 * What the transformer knows about a page besides its bytes.
 *
 * @param pageUrl the absolute URL the page was requested at (fragment dropped); the fallback
 *     canonical URL and the base for relative URLs
 * @param application metadata set by application code on the request; {@link ArticleMeta#EMPTY} when none
 * @param taglib metadata declared with {@code <herald:meta>}; {@link ArticleMeta#EMPTY} when none
 */
public record PageRequest(URI pageUrl, ArticleMeta application, ArticleMeta taglib) {
    /** Requires an absolute http(s) page URL; absent metadata becomes empty. */
    public PageRequest {
        Validate.httpUrl(pageUrl, "pageUrl");
        application = application == null ? ArticleMeta.EMPTY : application;
        taglib = taglib == null ? ArticleMeta.EMPTY : taglib;
    }

    /** A request for {@code pageUrl} with no metadata from the application or taglib. */
    public static PageRequest of(URI pageUrl) {
        return new PageRequest(pageUrl, ArticleMeta.EMPTY, ArticleMeta.EMPTY);
    }
}
