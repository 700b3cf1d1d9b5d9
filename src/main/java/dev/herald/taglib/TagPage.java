package dev.herald.taglib;

import dev.herald.meta.ArticleMeta;
import dev.herald.meta.MetaSource;
import dev.herald.meta.ResolvedMeta;
import dev.herald.meta.SiteDefaults;
import dev.herald.page.HeraldConfig;
import dev.herald.page.HeraldRequests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.jsp.JspException;
import jakarta.servlet.jsp.PageContext;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

/** What every Herald tag needs to know about the page it stands in. */
final class TagPage {
    final HttpServletRequest request;
    final jakarta.servlet.ServletResponse response;
    final HeraldConfig config;
    final URI pageUrl;

    private TagPage(HttpServletRequest request, jakarta.servlet.ServletResponse response, HeraldConfig config, URI pageUrl) {
        this.request = request;
        this.response = response;
        this.config = config;
        this.pageUrl = pageUrl;
    }

    /** The response's charset: what the tags' output must be encodable in. */
    java.nio.charset.Charset charset() {
        String name = response.getCharacterEncoding();
        try {
            return name == null ? java.nio.charset.StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return java.nio.charset.StandardCharsets.UTF_8;
        }
    }

    static TagPage of(PageContext context) throws JspException {
        if (!(context.getRequest() instanceof HttpServletRequest request)) {
            throw new JspException("Herald tags need an HTTP request");
        }
        HeraldConfig config;
        try {
            config = HeraldConfig.of(context.getServletContext());
        } catch (IllegalArgumentException e) {
            throw new JspException("Herald configuration error: " + e.getMessage(), e);
        }
        return new TagPage(request, context.getResponse(), config, HeraldRequests.pageUrl(request, config));
    }

    /**
     * The page's metadata as the tags know it: the application's, then the taglib's, then site
     * defaults, with the request URL as the last resort for the canonical URL. The filter, when it
     * runs, knows more (the page's own tags, inference), so tags prefer to leave rendering to it.
     */
    ResolvedMeta meta() {
        Map<MetaSource, ArticleMeta> sources = new EnumMap<>(MetaSource.class);
        sources.put(MetaSource.APPLICATION, HeraldRequests.applicationMeta(request));
        sources.put(MetaSource.TAGLIB, HeraldRequests.taglibMeta(request));
        ArticleMeta defaults = site().asMeta();
        if (pageUrl != null) defaults = defaults.toBuilder().url(pageUrl).build();
        sources.put(MetaSource.SITE_DEFAULT, defaults);
        return ResolvedMeta.resolve(sources);
    }

    /** The site's defaults for this page: its origin completes images configured as site paths. */
    SiteDefaults site() {
        return pageUrl == null ? config.site() : config.siteFor(pageUrl);
    }
}
