package dev.herald.console;

import dev.herald.delivery.FeedEntry;
import dev.herald.delivery.Feeds;
import dev.herald.internal.HttpUrls;
import dev.herald.internal.Validate;
import dev.herald.meta.ArticleMeta;
import dev.herald.meta.ImageSize;
import dev.herald.page.ButtonPlacement;
import dev.herald.page.HeraldConfig;
import dev.herald.page.PageRequest;
import dev.herald.page.PageTransformer;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.HttpTransport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fetches an article page and resolves its metadata with the page half's own inference, as the
 * filter and {@code herald post} do, through the transport's guarded fetch (no private or
 * loopback address unless the configuration's {@code fetch: allow:} lists it); measures the card
 * image; reads the site's feed for its recent articles.
 */
public final class PageReader {
    private static final int MAX_PAGE_BYTES = 5 * 1024 * 1024;
    private static final int MAX_IMAGE_BYTES = 10 * 1024 * 1024;

    private final HttpTransport http;
    private final PageTransformer transformer;

    /**
     * @param http the transport, built with the configuration's fetch policy
     * @param siteProperties the {@code site:} settings of {@code herald.yaml} ({@code SyndicationConfig.siteProperties()})
     */
    public PageReader(HttpTransport http, Map<String, String> siteProperties) {
        this.http = Validate.notNull(http, "http");
        HeraldConfig site = HeraldConfig.fromProperties(Validate.notNull(siteProperties, "siteProperties"));
        this.transformer = new PageTransformer(site.site(), null, ButtonPlacement.NONE);
    }

    /**
     * The page at {@code url}, its metadata resolved as the filter would.
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
        HttpTransport.Fetched fetched = http.fetch(start, "text/html,application/xhtml+xml", MAX_PAGE_BYTES);
        HttpReply reply = fetched.reply();
        byte[] body = reply.body();
        ArticleMeta meta = transformer.plan(body, body.length, charsetOf(reply.header("Content-Type")), PageRequest.of(fetched.url())).meta().meta();
        if (meta.url() == null) meta = meta.toBuilder().url(fetched.url()).build();
        if (reply.ok() && (meta.title() == null || meta.title().isBlank())) {
            throw new IllegalArgumentException("the page has no headline Herald can find (no og:title, h1 or <title>)");
        }
        ImageSize size = meta.image() == null ? null : measure(meta.image().url());
        return new PageFacts(meta, reply.status(), size);
    }

    /** The newest {@code limit} articles of the feed at {@code feed}; empty when it cannot be read. */
    public List<ArticleMeta> recent(URI feed, int limit) {
        try {
            HttpReply reply = http.fetch(feed, "application/atom+xml,application/rss+xml,application/xml,text/xml", MAX_PAGE_BYTES).reply();
            if (!reply.ok()) return List.of();
            return Feeds.parse(reply.body(), reply.header("Content-Type")).stream().map(FeedEntry::article).limit(limit).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The image's size from its header, or {@code null} when it cannot be fetched or read. */
    private ImageSize measure(URI image) {
        try {
            HttpReply reply = http.fetch(image, "image/*", MAX_IMAGE_BYTES).reply();
            if (!reply.ok()) return null;
            return ImageSize.read(new ByteArrayInputStream(reply.body())).orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Charset charsetOf(String contentType) {
        if (contentType == null) return null;
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                try {
                    return Charset.forName(p.substring(8).replace("\"", "").strip());
                } catch (IllegalArgumentException e) {
                    return null; // unknown: the page's own declaration decides
                }
            }
        }
        return null;
    }
}
