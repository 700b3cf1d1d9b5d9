package dev.herald.cli;

import dev.herald.internal.HttpUrls;
import dev.herald.meta.ArticleMeta;
import dev.herald.page.ButtonPlacement;
import dev.herald.page.HeraldConfig;
import dev.herald.page.PageRequest;
import dev.herald.page.PageTransformer;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.config.SyndicationConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options {@code post} and {@code preview} share: the configuration, the accounts, and the
 * article, given as a URL to fetch or an HTML file, resolved with the page half's own inference so
 * the post says what the link card says.
 */
final class ArticleInput {
    private static final int MAX_PAGE_BYTES = 5 * 1024 * 1024;

    @Option(names = "--config", defaultValue = "herald.yaml", paramLabel = "FILE", description = "The herald.yaml listing the accounts (default ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--account", paramLabel = "NAME", description = "Only this account (repeatable); default: every enabled account.")
    List<String> accounts = List.of();

    @Option(names = "--url", paramLabel = "URL",
            description = "The article's public URL, when ARTICLE is a file (or to override where a fetched page says it lives).")
    String url;

    @Option(names = "--charset", paramLabel = "NAME", description = "The charset of a file, when it does not declare one.")
    String charset;

    @Parameters(index = "0", paramLabel = "ARTICLE", description = "The article: an http(s) URL to fetch, or an HTML file.")
    String article;

    /** The checked configuration. */
    SyndicationConfig configuration() {
        return SyndicationConfig.load(config);
    }

    /** The accounts to post to: the named ones (which must exist and be enabled) or every enabled one. */
    List<String> targets(SyndicationConfig cfg) {
        List<String> enabled = cfg.enabledAccounts().stream().map(a -> a.name()).toList();
        if (accounts.isEmpty()) return enabled;
        for (String a : accounts) {
            cfg.account(a); // names the configured accounts when there is no such one
            if (!enabled.contains(a)) throw new IllegalArgumentException("account '" + a + "' is disabled in " + config);
        }
        return List.copyOf(accounts);
    }

    /** Reads the article and resolves its metadata exactly as the filter would, with the file's site settings. */
    ArticleMeta resolve(SyndicationConfig cfg, HttpTransport http) throws IOException {
        return read(article, url, declaredCharset(), cfg, http);
    }

    /**
     * The article's page: its metadata as {@link #resolve} reads it, and the HTTP status its URL
     * answered when it was fetched ({@code null} for a file, whose page may not be live yet).
     */
    Page page(SyndicationConfig cfg, HttpTransport http) throws IOException {
        return readPage(article, url, declaredCharset(), cfg, http);
    }

    /** An article's resolved metadata and, when it was fetched, the status its URL answered. */
    record Page(ArticleMeta meta, Integer status) {}

    /**
     * Reads {@code article} (an http(s) URL to fetch, or an HTML file whose public URL is
     * {@code url}) and resolves its metadata exactly as the filter would, with {@code cfg}'s site
     * settings. {@code url}, when given with a URL to fetch, overrides where the page says it lives.
     */
    static ArticleMeta read(String article, String url, Charset declared, SyndicationConfig cfg, HttpTransport http) throws IOException {
        return readPage(article, url, declared, cfg, http).meta();
    }

    private static Page readPage(String article, String url, Charset declared, SyndicationConfig cfg, HttpTransport http) throws IOException {
        HeraldConfig site = HeraldConfig.fromProperties(cfg.siteProperties());
        PageTransformer transformer = new PageTransformer(site.site(), null, ButtonPlacement.NONE);
        byte[] body;
        URI pageUrl;
        Integer status = null;
        if (isHttpUrl(article)) {
            Fetched page = fetch(http, httpUrl(article, "ARTICLE"));
            body = page.body;
            status = page.status;
            if (declared == null) declared = page.charset;
            pageUrl = url != null ? httpUrl(url, "--url") : page.finalUrl;
        } else {
            if (url == null) throw new IllegalArgumentException("--url is required when ARTICLE is a file: it is the link every post carries");
            body = Files.readAllBytes(Path.of(article));
            pageUrl = httpUrl(url, "--url");
        }
        ArticleMeta meta = transformer.plan(body, body.length, declared, PageRequest.of(pageUrl)).meta().meta();
        if (meta.title() == null || meta.title().isBlank()) {
            throw new IllegalArgumentException("the article has no headline Herald can find (no og:title, h1 or <title>)");
        }
        return new Page(meta.url() != null ? meta : meta.toBuilder().url(pageUrl).build(), status);
    }

    private record Fetched(byte[] body, Charset charset, URI finalUrl, int status) {}

    /**
     * GETs the page through the transport's guarded fetch (redirects followed, no hop to a loopback,
     * private or metadata address the configuration does not allow), refusing anything but a 2xx answer.
     */
    private static Fetched fetch(HttpTransport http, URI start) throws IOException {
        HttpTransport.Fetched fetched = http.fetch(start, "text/html,application/xhtml+xml", MAX_PAGE_BYTES);
        HttpReply reply = fetched.reply();
        if (!reply.ok()) throw new IOException("GET " + fetched.url() + " answered HTTP " + reply.status());
        return new Fetched(reply.body(), charsetOf(reply.header("Content-Type")), fetched.url(), reply.status());
    }

    private static Charset charsetOf(String contentType) {
        if (contentType == null) return null;
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                try {
                    return Charset.forName(p.substring(8).replace("\"", "").strip());
                } catch (IllegalArgumentException e) {
                    return null; // an unknown charset: let the page's own declaration decide
                }
            }
        }
        return null;
    }

    private static boolean isHttpUrl(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /** {@code value} normalised by the project's one URL normaliser, fragment dropped. */
    private static URI httpUrl(String value, String what) {
        try {
            return HttpUrls.page(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " must be an absolute http(s) URL: " + e.getMessage());
        }
    }

    private Charset declaredCharset() {
        return PageInput.charsetOption(charset);
    }
}
