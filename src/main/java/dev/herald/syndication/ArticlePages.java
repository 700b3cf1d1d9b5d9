package dev.herald.syndication;

import dev.herald.internal.Validate;
import dev.herald.meta.ArticleMeta;
import dev.herald.page.ButtonPlacement;
import dev.herald.page.HeraldConfig;
import dev.herald.page.PageRequest;
import dev.herald.page.PageTransformer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.Locale;

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

    private final PageTransformer transformer;
    private final HttpTransport http;

    /** Resolves pages with {@code site}'s settings (site name, default image, twitter handle …), fetching with {@code http}. */
    public ArticlePages(HeraldConfig site, HttpTransport http) {
        Validate.notNull(site, "site");
        this.http = Validate.notNull(http, "http");
        this.transformer = new PageTransformer(site.site(), null, ButtonPlacement.NONE);
    }

    /**
     * Fetches the page at {@code url} and resolves its metadata; its URL is the page's canonical
     * URL, else where the redirects ended.
     *
     * @throws IOException if the page cannot be fetched or answers anything but 2xx
     * @throws IllegalArgumentException if the page has no headline Herald can find
     */
    public ArticleMeta fetch(URI url) throws IOException {
        Validate.httpUrl(url, "url");
        HttpTransport.Fetched fetched = http.fetch(url, "text/html,application/xhtml+xml", MAX_PAGE_BYTES);
        HttpReply reply = fetched.reply();
        if (!reply.ok()) throw new IOException("GET " + fetched.url() + " answered HTTP " + reply.status());
        return read(reply.body(), charsetOf(reply.header("Content-Type")), fetched.url());
    }

    /**
     * Resolves the metadata of a page already read: {@code body} as served at {@code pageUrl}, in the
     * charset the server declared ({@code null}: detected from the page).
     *
     * @throws IllegalArgumentException if the page has no headline Herald can find
     */
    public ArticleMeta read(byte[] body, Charset declared, URI pageUrl) {
        Validate.notNull(body, "body");
        Validate.httpUrl(pageUrl, "pageUrl");
        ArticleMeta meta = transformer.plan(body, body.length, declared, PageRequest.of(pageUrl)).meta().meta();
        if (meta.title() == null || meta.title().isBlank()) {
            throw new IllegalArgumentException("the article has no headline Herald can find (no og:title, h1 or <title>)");
        }
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
