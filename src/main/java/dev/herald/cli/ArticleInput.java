package dev.herald.cli;

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
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options {@code post} and {@code preview} share: the configuration, the accounts, and the
 * article, given as a URL to fetch or an HTML file, resolved with the page half's own inference so
 * the post says what the link card says.
 */
final class ArticleInput {
    private static final int MAX_PAGE_BYTES = 5 * 1024 * 1024;
    private static final int MAX_REDIRECTS = 5;

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
     * Reads {@code article} (an http(s) URL to fetch, or an HTML file whose public URL is
     * {@code url}) and resolves its metadata exactly as the filter would, with {@code cfg}'s site
     * settings. {@code url}, when given with a URL to fetch, overrides where the page says it lives.
     */
    static ArticleMeta read(String article, String url, Charset declared, SyndicationConfig cfg, HttpTransport http) throws IOException {
        HeraldConfig site = HeraldConfig.fromProperties(cfg.siteProperties());
        PageTransformer transformer = new PageTransformer(site.site(), null, ButtonPlacement.NONE);
        byte[] body;
        URI pageUrl;
        if (isHttpUrl(article)) {
            Fetched page = fetch(http, httpUrl(article, "ARTICLE"));
            body = page.body;
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
        return meta.url() != null ? meta : meta.toBuilder().url(pageUrl).build();
    }

    private record Fetched(byte[] body, Charset charset, URI finalUrl) {}

    /** GETs the page, following up to five redirects, refusing anything but an HTML answer. */
    private static Fetched fetch(HttpTransport http, URI start) throws IOException {
        URI at = start;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpGet get = new HttpGet(at);
            get.setHeader("Accept", "text/html,application/xhtml+xml");
            HttpReply reply = http.execute(get, MAX_PAGE_BYTES); // a larger page is an IOException saying so
            String location = reply.header("Location");
            if (reply.status() >= 300 && reply.status() < 400 && location != null) {
                at = httpUrl(at.resolve(location.strip()).toString(), "a redirect");
                continue;
            }
            if (!reply.ok()) throw new IOException("GET " + at + " answered HTTP " + reply.status());
            return new Fetched(reply.body(), charsetOf(reply.header("Content-Type")), at);
        }
        throw new IOException("GET " + start + ": more than " + MAX_REDIRECTS + " redirects");
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

    private static URI httpUrl(String value, String what) {
        try {
            URI u = new URI(value.strip());
            if (!isHttpUrl(value.strip()) || u.getHost() == null) throw new IllegalArgumentException(what + " must be an absolute http(s) URL: " + value);
            return new URI(u.getScheme(), u.getRawAuthority(), u.getRawPath(), u.getRawQuery(), null).normalize();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(what + " is not a valid URL: " + e.getMessage());
        }
    }

    private Charset declaredCharset() {
        return PageInput.charsetOption(charset);
    }
}
