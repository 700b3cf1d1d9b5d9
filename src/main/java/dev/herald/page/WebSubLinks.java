package dev.herald.page;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * Writes WebSub discovery headers (W3C WebSub §4): {@code Link: <hub>; rel="hub"} for each
 * configured hub and {@code Link: <self>; rel="self"} on the configured feeds and on the pages the
 * filter rewrites, so a subscriber finds the hub from the topic's own response. The self URL is the
 * feed's or page's URL as {@link PageUrls} builds it (the site's origin when configured), without
 * its query: the topic Herald's WebSub syndicator pings. Built once per filter; only exists when
 * hubs are configured, so a site without WebSub pays nothing per request.
 */
final class WebSubLinks {
    private final String[] hubLinks;
    private final Set<String> feeds;
    private final PageUrls urls;

    private WebSubLinks(List<URI> hubs, List<String> feeds, PageUrls urls) {
        this.hubLinks = hubs.stream().map(h -> "<" + h + ">; rel=\"hub\"").toArray(String[]::new);
        this.feeds = Set.copyOf(feeds);
        this.urls = urls;
    }

    /** The links of {@code config}, or {@code null} when it names no hub. */
    static WebSubLinks of(HeraldConfig config, PageUrls urls) {
        return config.webSubHubs().isEmpty() ? null : new WebSubLinks(config.webSubHubs(), config.webSubFeeds(), urls);
    }

    /**
     * Adds the links to {@code response} when {@code request} is a GET or HEAD (not a forward or an
     * include) of a configured feed, or of a page {@code policy} selects; does nothing otherwise, and
     * nothing once the response is committed.
     */
    void advertise(HttpServletRequest request, HttpServletResponse response, RewritePolicy policy) {
        if (request.getDispatcherType() != DispatcherType.REQUEST || response.isCommitted()) return;
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) return;
        String path = RewritePolicy.pathOf(request);
        if (!feeds.contains(path) && !(policy.acceptsRequest(request) && ShareFilter.looksLikePage(path) && !HeraldRequests.isSkipped(request))) return;
        String self = urls.of(request);
        if (self == null) return;
        int query = self.indexOf('?');
        if (query >= 0) self = self.substring(0, query);
        self = headerSafe(self);
        if (self == null) return;
        for (String hub : hubLinks) response.addHeader("Link", hub);
        response.addHeader("Link", "<" + self + ">; rel=\"self\"");
    }

    /**
     * {@code url} with the characters that could end the {@code <…>} or the header ({@code <},
     * {@code >}, {@code "}, space) percent-encoded, or {@code null} when it holds a control or
     * non-ASCII character: a container that lets such a request path through must not let it into a header.
     */
    static String headerSafe(String url) {
        StringBuilder out = null;
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c < 0x20 || c >= 0x7f) return null;
            String replacement = switch (c) {
                case '<' -> "%3C";
                case '>' -> "%3E";
                case '"' -> "%22";
                case ' ' -> "%20";
                default -> null;
            };
            if (replacement != null && out == null) out = new StringBuilder(url.length() + 8).append(url, 0, i);
            if (out != null) {
                if (replacement != null) out.append(replacement);
                else out.append(c);
            }
        }
        return out == null ? url : out.toString();
    }
}
