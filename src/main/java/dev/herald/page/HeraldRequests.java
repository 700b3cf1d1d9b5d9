package dev.herald.page;

import dev.herald.internal.Validate;
import dev.herald.meta.ArticleMeta;
import jakarta.servlet.ServletRequest;

/**
 * What application code and the taglib tell {@link ShareFilter} about the page being served, as
 * request attributes.
 *
 * <p>Metadata set here wins over everything the filter finds in the page (see
 * {@link dev.herald.meta.MetaSource}). Set it any time before the response is complete: the filter
 * reads it after the servlet or JSP has finished.
 *
 * <pre>{@code
 * HeraldRequests.setMeta(request, ArticleMeta.builder().title(article.headline()).build());
 * }</pre>
 *
 * <p>The taglib and the filter never emit anything twice: the transformer skips every tag the
 * page already carries (including those {@code <herald:meta>} rendered) and adds no buttons when
 * the page has an element with {@code data-herald-buttons}.
 */
public final class HeraldRequests {
    /** Request attribute holding the application's {@link ArticleMeta}: the highest-precedence source. */
    public static final String APPLICATION_META = "dev.herald.meta.application";
    /** Request attribute holding the {@link ArticleMeta} declared with {@code <herald:meta>}. */
    public static final String TAGLIB_META = "dev.herald.meta.taglib";
    /** Request attribute that, when {@link Boolean#TRUE}, makes the filter leave this response untouched. */
    public static final String SKIP = "dev.herald.page.skip";
    /** Request attribute set when {@code <herald:meta>} has written the head tags itself. */
    static final String HEAD_RENDERED = "dev.herald.taglib.headRendered";

    private HeraldRequests() {}

    /** Sets the application's metadata for the page served for {@code request}, replacing any set before. */
    public static void setMeta(ServletRequest request, ArticleMeta meta) {
        Validate.notNull(request, "request");
        Validate.notNull(meta, "meta");
        request.setAttribute(APPLICATION_META, meta);
    }

    /** The application's metadata for {@code request}, or {@link ArticleMeta#EMPTY} when none was set. */
    public static ArticleMeta applicationMeta(ServletRequest request) {
        return read(request, APPLICATION_META);
    }

    /** Sets the taglib's metadata for {@code request}; called by {@code <herald:meta>}. */
    public static void setTaglibMeta(ServletRequest request, ArticleMeta meta) {
        Validate.notNull(request, "request");
        Validate.notNull(meta, "meta");
        request.setAttribute(TAGLIB_META, meta);
    }

    /** The taglib's metadata for {@code request}, or {@link ArticleMeta#EMPTY} when none was declared. */
    public static ArticleMeta taglibMeta(ServletRequest request) {
        return read(request, TAGLIB_META);
    }

    /** Makes the filter send this response exactly as the application wrote it. */
    public static void skip(ServletRequest request) {
        Validate.notNull(request, "request");
        request.setAttribute(SKIP, Boolean.TRUE);
    }

    /** Whether {@link #skip} was called for {@code request}. */
    public static boolean isSkipped(ServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(SKIP));
    }

    /**
     * Whether {@link ShareFilter} is holding this request's response to rewrite it: then the filter
     * renders the head tags, and {@code <herald:meta>} only declares values.
     */
    public static boolean isRewriting(ServletRequest request) {
        Validate.notNull(request, "request");
        return request.getAttribute(ShareFilter.ACTIVE) != null;
    }

    /** Whether the taglib has already written the head tags for this request. */
    public static boolean headRendered(ServletRequest request) {
        Validate.notNull(request, "request");
        return Boolean.TRUE.equals(request.getAttribute(HEAD_RENDERED));
    }

    /** Records that the taglib has written the head tags for this request. */
    public static void markHeadRendered(ServletRequest request) {
        Validate.notNull(request, "request");
        request.setAttribute(HEAD_RENDERED, Boolean.TRUE);
    }

    /**
     * The absolute URL of the page served for {@code request}, built as the filter builds it (from
     * {@code herald.site.url} when set, else the request, trusting proxy headers only when
     * configured); {@code null} when the request has no usable URL.
     */
    public static java.net.URI pageUrl(jakarta.servlet.http.HttpServletRequest request, HeraldConfig config) {
        Validate.notNull(request, "request");
        Validate.notNull(config, "config");
        String url = new PageUrls(config.siteUrl(), config.trustProxy()).of(request);
        return url == null ? null : PageUrls.parse(url);
    }

    /**
     * The origin ({@code scheme://host[:port]}) of the site as {@code request} reaches it: the one every
     * page URL the filter and buttons build starts with ({@code herald.site.url} when set, else the
     * request, trusting proxy headers only when configured); {@code null} when the request has no
     * usable origin. The share endpoint compares page URLs and {@code Origin} headers with it.
     */
    public static java.net.URI origin(jakarta.servlet.http.HttpServletRequest request, HeraldConfig config) {
        Validate.notNull(request, "request");
        Validate.notNull(config, "config");
        String origin = new PageUrls(config.siteUrl(), config.trustProxy()).origin(request);
        return origin == null ? null : PageUrls.parse(origin);
    }

    /**
     * A test of whether the filter rewrites the page at a path (a decoded path inside the web app, such
     * as {@code /articles/storm}) under {@code config}'s {@code herald.paths} and
     * {@code herald.paths.exclude}. Compiles the patterns once; keep the predicate.
     */
    public static java.util.function.Predicate<String> pagePaths(HeraldConfig config) {
        Validate.notNull(config, "config");
        PathPatterns included = PathPatterns.of(config.paths());
        PathPatterns excluded = PathPatterns.of(config.excludedPaths());
        return path -> path != null && included.matches(path) && !excluded.matches(path);
    }

    private static ArticleMeta read(ServletRequest request, String attribute) {
        Validate.notNull(request, "request");
        Object v = request.getAttribute(attribute);
        if (v == null) return ArticleMeta.EMPTY;
        if (v instanceof ArticleMeta m) return m;
        throw new IllegalStateException("request attribute " + attribute + " holds a " + v.getClass().getName()
                + ", not a dev.herald.meta.ArticleMeta");
    }
}
