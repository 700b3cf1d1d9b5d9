package dev.herald.console;

import dev.herald.delivery.FeedEntry;
import dev.herald.delivery.Feeds;
import dev.herald.internal.HttpUrls;
import dev.herald.internal.Validate;
import dev.herald.meta.ArticleMeta;
import dev.herald.meta.ImageSize;
import dev.herald.page.HeraldConfig;
import dev.herald.syndication.ArticlePages;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.HttpTransport;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Fetches an article page and resolves its metadata with the page half's own inference, as the
 * filter and {@code herald post} do, through the transport's guarded fetch (no private or
 * loopback address unless the configuration's {@code fetch: allow:} lists it); measures the card
 * image; reads the site's feed for its recent articles.
 */
public final class PageReader {
    private static final int MAX_FEED_BYTES = 5 * 1024 * 1024;

    private final HttpTransport http;
    private final ArticlePages pages;

    /**
     * @param http the transport, built with the configuration's fetch policy
     * @param siteProperties the {@code site:} settings of {@code herald.yaml} ({@code SyndicationConfig.siteProperties()})
     */
    public PageReader(HttpTransport http, Map<String, String> siteProperties) {
        this.http = Validate.notNull(http, "http");
        this.pages = new ArticlePages(HeraldConfig.fromProperties(Validate.notNull(siteProperties, "siteProperties")), http);
    }

    /**
     * The page at {@code url}, its metadata resolved as the filter would ({@link ArticlePages}), with
     * its card image measured.
     *
     * @throws IllegalArgumentException when {@code url} is not an absolute http(s) URL or the page has no headline
     * @throws IOException when the page cannot be fetched or is refused by the fetch policy
     */
    public PageFacts read(String url) throws IOException {
        URI start;
        try {
            start = HttpUrls.page(Validate.notBlank(url, "url").strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("give the article's full address, starting with https:// (" + e.getMessage() + ")");
        }
        ArticlePages.Page page = pages.page(start, null, null);
        ArticleMeta meta = page.meta();
        ImageSize size = meta.image() == null ? null : pages.imageSize(meta.image().url()).orElse(null);
        return new PageFacts(meta, page.status(), size);
    }

    /** The newest {@code limit} articles of the feed at {@code feed}; empty when it cannot be read. */
    public List<ArticleMeta> recent(URI feed, int limit) {
        try {
            HttpReply reply = http.fetch(feed, "application/atom+xml,application/rss+xml,application/xml,text/xml", MAX_FEED_BYTES).reply();
            if (!reply.ok()) return List.of();
            return Feeds.parse(reply.body(), reply.header("Content-Type")).stream().map(FeedEntry::article).limit(limit).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
