package dev.herald.cli;

import dev.herald.buttons.ButtonRenderer;
import dev.herald.buttons.ShareButtons;
import dev.herald.internal.HttpUrls;
import dev.herald.page.ButtonPlacement;
import dev.herald.page.HeraldConfig;
import dev.herald.page.PageRequest;
import dev.herald.page.PageTransformer;
import dev.herald.page.Rewrite;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options {@code render} and {@code meta} share: which page, at which URL, under which
 * configuration. Plans the page's rewrite exactly as {@code ShareFilter} would.
 */
final class PageInput {
    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "The URL the page is served at (absolute http or https); the fallback canonical URL and the base for relative links.")
    String url;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A herald.properties file, as the filter reads it (site name, default image, buttons...).")
    Path config;

    @Option(names = "--charset", paramLabel = "NAME",
            description = "The charset the server declares for the page (as in Content-Type); detected from the file when omitted.")
    String charset;

    @Parameters(index = "0", paramLabel = "FILE", description = "The HTML file.")
    Path file;

    /** The file's bytes. */
    byte[] body() throws IOException {
        return Files.readAllBytes(file);
    }

    /** Plans the rewrite of {@code body} the way the filter would. */
    Rewrite plan(byte[] body) throws IOException {
        HeraldConfig cfg = config == null ? HeraldConfig.DEFAULTS : HeraldConfig.fromProperties(read(config));
        ButtonRenderer buttons = cfg.buttonPlacement() == ButtonPlacement.NONE ? null : new ShareButtons(cfg.buttons());
        URI pageUrl = pageUrl();
        PageTransformer transformer = new PageTransformer(cfg.siteFor(pageUrl), buttons, cfg.buttonPlacement());
        return transformer.plan(body, body.length, declaredCharset(), PageRequest.of(pageUrl));
    }

    /** The {@code --url}, normalised by the project's one URL normaliser; the fragment never belongs to the page's identity. */
    private URI pageUrl() {
        try {
            return HttpUrls.page(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--url must be an absolute http(s) URL: " + e.getMessage());
        }
    }

    private Charset declaredCharset() {
        return charsetOption(charset);
    }

    /** The charset a {@code --charset} option names, or {@code null} when it is not given. */
    static Charset charsetOption(String name) {
        if (name == null) return null;
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("--charset: unknown charset " + name);
        }
    }

    private static Map<String, String> read(Path path) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(path)) {
            // herald.properties is read as UTF-8, like the filter reads it, so a site name with accents survives.
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (String k : p.stringPropertyNames()) map.put(k, p.getProperty(k));
        return map;
    }
}
