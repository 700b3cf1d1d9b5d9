package dev.herald.page;

import dev.herald.buttons.ButtonOptions;
import dev.herald.buttons.ButtonRenderer;
import dev.herald.buttons.ShareButtons;
import dev.herald.internal.Validate;
import dev.herald.meta.ArticleMeta;
import dev.herald.meta.ResolvedMeta;
import dev.herald.metrics.HeraldMetrics;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the HTML pages a web application serves into rich link previews: adds the Open Graph, X
 * Card, canonical and JSON-LD tags each page lacks, and share buttons to articles.
 *
 * <p>Rewrites only GET and HEAD requests dispatched as REQUEST at the configured paths whose
 * response is a 2xx {@code text/html} body without a {@code Content-Encoding}; every other response
 * streams through untouched and unbuffered. A rewritten page is held in memory (up to
 * {@link HeraldConfig#maxBufferBytes()}; a larger one streams through unmodified) and sent with a
 * correct Content-Length. Rewrites are cached per page URL, body and metadata, so a page served
 * again unchanged costs a hash of its bytes and a splice, not a parse.
 *
 * <p>Registered by Herald's {@code web-fragment.xml} when the jar is in {@code WEB-INF/lib}, and
 * configured by {@code herald.*} init parameters or a {@code herald.properties} file (see
 * {@link HeraldConfig.Keys}); or registered in code with {@link #ShareFilter(HeraldConfig)}.
 * Invalid configuration fails {@link #init} with a message naming the key.
 */
public class ShareFilter implements Filter {
    private static final Logger log = LoggerFactory.getLogger(ShareFilter.class);
    /**
     * Holds the {@link BufferingResponse} of a request Herald is rewriting: a second registration of
     * the filter never doubles it, and the filter's FORWARD and ASYNC dispatches finish it.
     */
    static final String ACTIVE = ShareFilter.class.getName() + ".active";
    /**
     * Servlet-context attribute holding the URL path under which this filter serves the share bar's
     * files (context path included), or absent when it serves none; the taglib links them only then.
     */
    public static final String ASSETS_ATTRIBUTE = ShareFilter.class.getName() + ".assets";

    /** What the cache holds for a page that is sent as written. */
    private static final Rewrite UNCHANGED = Rewrite.unchanged(new ResolvedMeta(ArticleMeta.EMPTY, Map.of()),
            StandardCharsets.UTF_8, "sent as written");

    private final HeraldConfig given;
    private final AtomicBoolean failureLogged = new AtomicBoolean();
    private volatile Engine engine;

    /** A filter configured at {@link #init} from init parameters or {@code herald.properties}. */
    public ShareFilter() {
        this.given = null;
    }

    /** A filter with {@code config}; init parameters and properties files are then ignored. */
    public ShareFilter(HeraldConfig config) {
        this.given = Validate.notNull(config, "config");
    }

    /**
     * Reads the configuration and prepares the transformer.
     *
     * @throws ServletException when the configuration is invalid, naming the key and the value: a
     *     half-configured filter never starts
     */
    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        HeraldConfig config;
        try {
            config = given != null ? given : ConfigSources.load(filterConfig);
        } catch (IllegalArgumentException e) {
            throw new ServletException("Herald configuration error: " + e.getMessage(), e);
        }
        engine = new Engine(config, filterConfig.getServletContext());
        // Published only when served: a disabled filter serves nothing, so taglib bars stay self-contained.
        if (engine.assets != null && config.enabled()) {
            filterConfig.getServletContext().setAttribute(ASSETS_ATTRIBUTE, engine.buttonOptions.assets());
        }
        // The taglib and the share endpoint read the same configuration.
        filterConfig.getServletContext().setAttribute(HeraldConfig.CONTEXT_ATTRIBUTE, config);
        log.info("Herald ShareFilter '{}' ready: {}", filterConfig.getFilterName(), HeraldConfig.describe(config));
    }

    /** The configuration in use; {@code null} before {@link #init}. */
    public final HeraldConfig config() {
        Engine e = engine;
        return e == null ? given : e.config;
    }

    /**
     * Passes the request on, holding and rewriting the response when the policy accepts it. The
     * page is written on every path: rewritten on success, as the application wrote it when the
     * application or the rewrite fails.
     */
    @Override
    public final void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        Engine e = engine;
        if (e == null) throw new IllegalStateException("ShareFilter used before init()");
        if (e.assets != null && e.config.enabled() && req instanceof HttpServletRequest hr && res instanceof HttpServletResponse hs
                && e.assets.serve(hr, hs)) return;
        Object active = req.getAttribute(ACTIVE);
        if (active instanceof BufferingResponse held && isContinuation(req.getDispatcherType())) {
            finishAfterDispatch(held, req, res, chain);
            return;
        }
        if (e.webSub != null && active == null && e.config.enabled() && req instanceof HttpServletRequest hr && res instanceof HttpServletResponse hs) {
            e.webSub.advertise(hr, hs, e.policy);
        }
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)
                || !e.config.enabled()
                || active != null
                || response.isCommitted()
                || !e.policy.acceptsRequest(request)
                || HeraldRequests.isSkipped(request)) {
            if (active == null) e.metrics.passedThrough(e.config.enabled() ? "not-selected" : "disabled");
            chain.doFilter(req, res);
            return;
        }
        boolean head = "HEAD".equals(request.getMethod());
        if (head && !looksLikePage(RewritePolicy.pathOf(request))) {
            // Presenting HEAD as GET would make a servlet produce a whole video to learn it isn't HTML.
            e.metrics.passedThrough("not-a-page");
            chain.doFilter(req, res);
            return;
        }
        FilteredRequest[] wrapped = new FilteredRequest[1];
        boolean[] planned = new boolean[1];
        BufferingResponse buffering = new BufferingResponse(response, e.policy, e.config.maxBufferBytes(), head,
                (body, length, charset) -> planGuarded(request, body, length, charset, planned), () -> wrapped[0].inForward(), e.buffers);
        FilteredRequest filtered = new FilteredRequest(request, head, buffering);
        wrapped[0] = filtered;
        // Started inside a forward (a URL-rewriting filter ahead of Herald): this very invocation
        // ends with the forward, so it writes the page in time.
        if (request.getDispatcherType() == DispatcherType.FORWARD) buffering.dispatchHooked();
        request.setAttribute(ACTIVE, buffering);
        try {
            chain.doFilter(filtered, buffering);
        } catch (IOException | ServletException | RuntimeException | Error failure) {
            buffering.abandon();
            throw failure;
        }
        if (!filtered.isAsyncStarted()) buffering.finish();
        if (!filtered.isAsyncStarted() && !planned[0]) e.metrics.passedThrough("response");
    }

    private static boolean isContinuation(DispatcherType type) {
        return type == DispatcherType.FORWARD || type == DispatcherType.ASYNC;
    }

    /**
     * Runs a forward or async dispatch of a request Herald is rewriting, then writes the page:
     * the response is complete when a forward ends (Servlet 6.1, 9.4), and Tomcat 11 suspends a
     * wrapped response right after it (suspendWrappedResponseAfterForward), while Jetty 12
     * completes the response when an async dispatch ends, before async listeners could write.
     */
    private static void finishAfterDispatch(BufferingResponse held, ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        held.dispatchHooked();
        // A forward discards output not yet committed; Jetty 12 clears only its own buffer.
        if (req.getDispatcherType() == DispatcherType.FORWARD && !held.isCommitted()) held.resetBuffer();
        try {
            chain.doFilter(req, res);
        } catch (IOException | ServletException | RuntimeException | Error failure) {
            held.abandon();
            throw failure;
        }
        if (!req.isAsyncStarted()) held.finish();
    }

    /**
     * Plans the rewrite of a page not found in the cache: the one hook of this filter. The default
     * asks the {@link PageTransformer}. The result is cached per page URL, body and metadata; an
     * exception thrown here sends the page as the application wrote it (and is cached as that).
     *
     * @param body the page's bytes, {@code body[0..length)}; never modify them
     * @param declaredCharset the charset of the response's Content-Type, or {@code null}
     * @param page the page URL and the metadata set by the application and the taglib
     * @return the rewrite to apply, or {@code null} to send the page unchanged
     */
    protected Rewrite plan(byte[] body, int length, Charset declaredCharset, PageRequest page) {
        Engine e = engine;
        return e.images.during(page.pageUrl(), () -> e.transformerFor(page.pageUrl()).plan(body, length, declaredCharset, page));
    }

    /** Releases the cache. */
    @Override
    public void destroy() {
        engine = null;
    }

    /**
     * The rewrite for a complete page: from the cache when this body was seen at this URL with
     * this metadata, else planned by {@link #plan} and cached. Never throws: a failure means the
     * page goes out as written.
     */
    private Rewrite planGuarded(HttpServletRequest request, byte[] body, int length, Charset charset, boolean[] planned) {
        Engine e = engine;
        planned[0] = true;
        String url = null;
        try {
            if (HeraldRequests.isSkipped(request)) return null;
            url = e.urls.of(request);
            if (url == null) {
                e.metrics.passedThrough("no-page-url");
                log.debug("No valid page URL for {}; page sent unchanged", request.getRequestURI());
                return null;
            }
            ArticleMeta application = HeraldRequests.applicationMeta(request);
            ArticleMeta taglib = HeraldRequests.taglibMeta(request);
            RewriteCache.Key key = e.cache.key(body, length, charset, url, application, taglib);
            Rewrite cached = e.cache.get(key);
            if (cached != null) return e.counted(cached, true);
            URI pageUrl = PageUrls.parse(url);
            if (pageUrl == null) return null;
            Rewrite rewrite;
            long started = System.nanoTime();
            try {
                rewrite = plan(body, length, charset, new PageRequest(pageUrl, application, taglib));
                e.metrics.transformed(Duration.ofNanos(System.nanoTime() - started));
            } catch (RuntimeException | LinkageError | StackOverflowError failure) {
                // LinkageError too: a class that fails to initialise (ExceptionInInitializerError)
                // must cost the page its tags, never the page itself.
                logFailure(url, failure);
                rewrite = null;
            }
            // Cached even when nothing changes or planning failed: such a page must not cost a
            // parse on every request.
            e.cache.put(key, rewrite == null ? UNCHANGED : rewrite);
            return e.counted(rewrite, false);
        } catch (RuntimeException | LinkageError | StackOverflowError failure) {
            logFailure(url, failure);
            return null;
        }
    }

    private void logFailure(String pageUrl, Throwable failure) {
        Engine e = engine;
        if (e != null) e.metrics.passedThrough("failed");
        // Without the query: it may carry a token (password resets, previews), and logs outlive them.
        String url = pageUrl == null || pageUrl.indexOf('?') < 0 ? pageUrl : pageUrl.substring(0, pageUrl.indexOf('?')) + "?…";
        if (failureLogged.compareAndSet(false, true)) {
            log.warn("Herald could not rewrite {}; the page is sent as the application wrote it"
                    + " (further failures are logged at debug level)", url, failure);
        } else {
            log.debug("Herald could not rewrite {}", url, failure);
        }
    }

    /** Whether a path probably serves a page: no extension, or an HTML or template extension. */
    static boolean looksLikePage(String path) {
        int slash = path.lastIndexOf('/');
        String last = path.substring(slash + 1).toLowerCase(Locale.ROOT);
        int dot = last.lastIndexOf('.');
        if (dot < 0) return true;
        String ext = last.substring(dot + 1);
        return ext.equals("html") || ext.equals("htm") || ext.equals("jsp") || ext.equals("jspx")
                || ext.equals("xhtml") || ext.equals("shtml") || ext.equals("php") || ext.equals("do") || ext.equals("action");
    }

    /** Everything built from the configuration at init. */
    private static final class Engine {
        final HeraldConfig config;
        final RewritePolicy policy;
        final RewriteCache cache;
        final PageTransformer transformer;
        /** Transformers by page origin, when site images are paths each origin completes; null otherwise. */
        final Map<String, PageTransformer> byOrigin;
        final ButtonRenderer buttons;
        final PageUrls urls;
        final LocalImageSizes images;
        final BufferPool buffers = new BufferPool();
        final HeraldMetrics metrics;
        /** Serves the bar's stylesheet and script, or null when the bar inlines them or links them elsewhere. */
        final AssetServer assets;
        final ButtonOptions buttonOptions;
        /** The WebSub discovery links, or null when no hub is configured. */
        final WebSubLinks webSub;

        Engine(HeraldConfig config, ServletContext context) {
            this.config = config;
            this.policy = new RewritePolicy(PathPatterns.of(config.paths()), PathPatterns.of(config.excludedPaths()));
            this.cache = new RewriteCache(config.cacheSize());
            // A site path is served here and linked with the context path in front; an absolute URL
            // is the site's own business.
            String path = config.buttons().assets();
            boolean served = path != null && path.startsWith("/");
            this.assets = served ? AssetServer.of(path) : null;
            this.buttonOptions = served ? config.buttons().toBuilder().assets(context.getContextPath() + path).build() : config.buttons();
            ButtonRenderer buttons = config.buttonPlacement() == ButtonPlacement.NONE ? null : new ShareButtons(buttonOptions);
            this.images = new LocalImageSizes(context);
            this.buttons = buttons;
            this.transformer = new PageTransformer(config.site(), buttons, config.buttonPlacements(), images);
            // Without a site URL the origin comes from the request, which a client chooses: a few are
            // kept, not one per Host header ever sent.
            this.byOrigin = config.siteImages().isEmpty() ? null : Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, PageTransformer> eldest) {
                    return size() > 16;
                }
            });
            this.urls = new PageUrls(config.siteUrl(), config.trustProxy());
            this.webSub = WebSubLinks.of(config, urls);
            this.metrics = HeraldMetrics.of(context);
        }

        /** The transformer for a page at {@code pageUrl}: its origin completes the site's path images. */
        PageTransformer transformerFor(URI pageUrl) {
            if (byOrigin == null) return transformer;
            return byOrigin.computeIfAbsent(pageUrl.resolve("/").toString(),
                    origin -> new PageTransformer(config.siteFor(pageUrl), buttons, config.buttonPlacements(), images));
        }

        /** Records a page's rewrite ({@code null} after a failure, which is recorded where it happened); returns it. */
        Rewrite counted(Rewrite rewrite, boolean cacheHit) {
            metrics.cacheLookup(cacheHit);
            if (rewrite != null && rewrite.changesBody()) metrics.pageRewritten();
            else if (rewrite != null) metrics.passedThrough("unchanged");
            return rewrite;
        }
    }
}
