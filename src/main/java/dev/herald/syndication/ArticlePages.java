package dev.herald.syndication;

import dev.herald.internal.Validate;
import dev.herald.meta.ArticleMeta;
import dev.herald.page.ButtonPlacement;
import dev.herald.page.HeraldConfig;
import dev.herald.page.PageRequest;
import dev.herald.page.PageTransformer;
import dev.herald.meta.ImageSize;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads an article page and resolves its metadata exactly as {@code ShareFilter} does for the same
 * page and site settings: the one pipeline behind {@code herald post}, feed-triggered shares and the
 * console's compose page, so a post always carries the card the page itself shows.
 *
 * <p>Pages are fetched with the transport's guarded {@link HttpTransport#fetch} (redirects followed,
 * no hop to a loopback, private or metadata address its {@link FetchPolicy} does not allow), at most
 * {@value #MAX_PAGE_BYTES} bytes, and only a 2xx answer is read. Thread-safe.
 */
public final class ArticlePages {
    /** The largest page read; a longer one is cut, as the filter stops looking after its head and lead. */
    public static final int MAX_PAGE_BYTES = 5 * 1024 * 1024;

    private final HeraldConfig site;
    private final PageTransformer transformer;
    private final HttpTransport http;

    /** Resolves pages with {@code site}'s settings (site name, default image, twitter handle …), fetching with {@code http}. */
    public ArticlePages(HeraldConfig site, HttpTransport http) {
        this.site = Validate.notNull(site, "site");
        this.http = Validate.notNull(http, "http");
        this.transformer = new PageTransformer(site.site(), null, ButtonPlacement.NONE);
    }

    /** The largest image read to measure a card image; its size comes from the file's header. */
    public static final int MAX_IMAGE_BYTES = 10 * 1024 * 1024;

    /**
     * A page as fetched: its metadata resolved as the filter would, and the status its URL answered.
     *
     * @param meta the resolved metadata; for a page not answering 2xx, what its body says (it may have no headline)
     * @param status the HTTP status, after redirects
     * @param url where the redirects ended
     */
    public record Page(ArticleMeta meta, int status, URI url) {
        /** Whether the page answered 2xx. */
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * Fetches the page at {@code url} and resolves its metadata, whatever status it answers (a
     * metadata lint reports a page that does not answer 200). {@code declared} overrides the charset
     * the server sends, and {@code pageUrl} where the page lives (the link every post carries); either
     * may be {@code null}.
     *
     * @throws IOException if the page cannot be fetched
     * @throws IllegalArgumentException if a page answering 2xx has no headline Herald can find
     */
    public Page page(URI url, Charset declared, URI pageUrl) throws IOException {
        Validate.httpUrl(url, "url");
        HttpTransport.Fetched fetched = http.fetch(url, "text/html,application/xhtml+xml", MAX_PAGE_BYTES);
        HttpReply reply = fetched.reply();
        Charset charset = declared != null ? declared : charsetOf(reply.header("Content-Type"));
        URI at = pageUrl != null ? pageUrl : fetched.url();
        ArticleMeta meta = reply.ok() ? read(reply.body(), charset, at) : resolve(reply.body(), charset, at);
        return new Page(meta, reply.status(), fetched.url());
    }

    /**
     * Fetches the page at {@code url} and resolves its metadata; its URL is the page's canonical
     * URL, else where the redirects ended.
     *
     * @throws IOException if the page cannot be fetched or answers anything but 2xx
     * @throws IllegalArgumentException if the page has no headline Herald can find
     */
    public ArticleMeta fetch(URI url) throws IOException {
        Page page = page(url, null, null);
        if (!page.ok()) throw new IOException("GET " + page.url() + " answered HTTP " + page.status());
        return page.meta();
    }

    /**
     * The size of the image at {@code image}, read from its file's header through the same guarded
     * fetch as pages (it overrides what a page declares); empty when it cannot be fetched or read.
     */
    public Optional<ImageSize> imageSize(URI image) {
        if (image == null) return Optional.empty();
        try {
            HttpReply reply = http.fetch(image, "image/*", MAX_IMAGE_BYTES).reply();
            if (!reply.ok()) return Optional.empty();
            return ImageSize.read(new ByteArrayInputStream(reply.body()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreachable, refused or too large: the page's declared size stands
        }
    }

    /**
     * Resolves the metadata of a page already read: {@code body} as served at {@code pageUrl}, in the
     * charset the server declared ({@code null}: detected from the page).
     *
     * @throws IllegalArgumentException if the page has no headline Herald can find
     */
    public ArticleMeta read(byte[] body, Charset declared, URI pageUrl) {
        ArticleMeta meta = resolve(body, declared, pageUrl);
        if (meta.title() == null || meta.title().isBlank()) {
            throw new IllegalArgumentException("the article has no headline Herald can find (no og:title, h1 or <title>)");
        }
        return meta;
    }

    private ArticleMeta resolve(byte[] body, Charset declared, URI pageUrl) {
        Validate.notNull(body, "body");
        Validate.httpUrl(pageUrl, "pageUrl");
        // Images configured as site paths take the page's own origin, so each such page gets its own transformer.
        PageTransformer t = site.siteImages().isEmpty() ? transformer : new PageTransformer(site.siteFor(pageUrl), null, ButtonPlacement.NONE);
        ArticleMeta meta = t.plan(body, body.length, declared, PageRequest.of(pageUrl)).meta().meta();
        return meta.url() != null ? meta : meta.toBuilder().url(pageUrl).build();
    }

    /** The charset a Content-Type header names, or {@code null} (none, or one this JVM does not know: the page decides). */
    public static Charset charsetOf(String contentType) {
        if (contentType == null) return null;
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                try {
                    return Charset.forName(p.substring(8).replace("\"", "").strip());
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
