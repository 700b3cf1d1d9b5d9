package dev.herald.cli;

import dev.herald.internal.HttpUrls;
import dev.herald.meta.ArticleMeta;
import dev.herald.page.HeraldConfig;
import dev.herald.syndication.ArticlePages;
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
        ArticlePages pages = new ArticlePages(HeraldConfig.fromProperties(cfg.siteProperties()), http);
        if (isHttpUrl(article)) {
            ArticlePages.Page page = pages.page(httpUrl(article, "ARTICLE"), declared, url != null ? httpUrl(url, "--url") : null);
            if (!page.ok()) throw new IOException("GET " + page.url() + " answered HTTP " + page.status());
            return new Page(page.meta(), page.status());
        }
        if (url == null) throw new IllegalArgumentException("--url is required when ARTICLE is a file: it is the link every post carries");
        return new Page(pages.read(Files.readAllBytes(Path.of(article)), declared, httpUrl(url, "--url")), null);
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
