package dev.herald.page.it;

import dev.herald.page.ShareFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Registers the test site's servlets and Herald's filter through {@link ServletContext#addFilter},
 * the way an application without web.xml would.
 *
 * <p>Herald is mapped for every dispatcher type unless told otherwise, more than its web fragment
 * does, to prove that it never starts rewriting at a forward, include, error or async dispatch.
 */
public final class SiteInitializer implements ServletContainerInitializer {
    private final Map<String, String> heraldParams;
    private final Supplier<Filter> herald;
    private final EnumSet<DispatcherType> dispatchers;

    /** Registers {@link ShareFilter} configured by {@code heraldParams} as init parameters. */
    public SiteInitializer(Map<String, String> heraldParams) {
        this(heraldParams, null, EnumSet.allOf(DispatcherType.class));
    }

    /** Registers the filter {@code herald} gives (a subclass, say), configured by {@code heraldParams}. */
    public SiteInitializer(Map<String, String> heraldParams, Supplier<Filter> herald) {
        this(heraldParams, herald, EnumSet.allOf(DispatcherType.class));
    }

    /** Registers {@link ShareFilter} for the given dispatcher types only. */
    public SiteInitializer(Map<String, String> heraldParams, Supplier<Filter> herald, EnumSet<DispatcherType> dispatchers) {
        this.heraldParams = heraldParams;
        this.herald = herald;
        this.dispatchers = dispatchers;
    }

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext ctx) {
        servlet(ctx, "/servlet/writer", new TestServlets.WriterPage(), false);
        servlet(ctx, "/servlet/stream", new TestServlets.StreamPage(), false);
        servlet(ctx, "/servlet/hostile", new TestServlets.HostileMeta(), false);
        servlet(ctx, "/servlet/json", new TestServlets.StreamingJson(), false);
        servlet(ctx, "/servlet/big", new TestServlets.BigPage(), false);
        servlet(ctx, "/servlet/not-modified", new TestServlets.NotModified(), false);
        servlet(ctx, "/servlet/send-error", new TestServlets.SendsError(), false);
        servlet(ctx, "/servlet/redirect", new TestServlets.Redirects(), false);
        servlet(ctx, "/servlet/gzip", new TestServlets.Gzipped(), false);
        servlet(ctx, "/servlet/include", new TestServlets.Includes(), false);
        servlet(ctx, "/servlet/forward", new TestServlets.Forwards(), false);
        servlet(ctx, "/servlet/async", new TestServlets.AsyncPage(), true);
        servlet(ctx, "/servlet/async-dispatch", new TestServlets.AsyncDispatch(), true);
        servlet(ctx, "/servlet/async-timeout", new TestServlets.AsyncTimesOut(), true);
        servlet(ctx, "/servlet/throws", new TestServlets.Throws(), false);
        servlet(ctx, "/servlet/malformed", new TestServlets.Malformed(), false);
        servlet(ctx, "/servlet/tagged", new TestServlets.AlreadyTagged(), false);
        servlet(ctx, "/servlet/reset", new TestServlets.ResetsToJson(), false);
        servlet(ctx, "/servlet/stream-then-writer", new TestServlets.StreamThenWriter(), false);
        servlet(ctx, "/servlet/latin", new TestServlets.LatinWriter(), false);
        servlet(ctx, "/servlet/non-blocking", new TestServlets.NonBlockingPage(), true);
        servlet(ctx, "/committed/page", new TestServlets.WriterPage(), false);
        servlet(ctx, "/excluded/stream", new TestServlets.StreamingJson(), false);

        FilterRegistration.Dynamic pretty = ctx.addFilter("pretty-urls", new TestServlets.PrettyUrls());
        pretty.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/pretty/*");

        FilterRegistration.Dynamic commits = ctx.addFilter("commits-first", new TestServlets.CommitsFirst());
        commits.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/committed/*");

        FilterRegistration.Dynamic filter = herald == null
                ? ctx.addFilter("herald", ShareFilter.class)
                : ctx.addFilter("herald", herald.get());
        filter.setAsyncSupported(true);
        heraldParams.forEach(filter::setInitParameter);
        filter.addMappingForUrlPatterns(dispatchers, true, "/*");
    }

    private static void servlet(ServletContext ctx, String path, HttpServlet servlet, boolean async) {
        ServletRegistration.Dynamic reg = ctx.addServlet(servlet.getClass().getSimpleName() + path.hashCode(), servlet);
        reg.setAsyncSupported(async);
        reg.addMapping(path);
    }
}
