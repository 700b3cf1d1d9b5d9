package dev.herald.meta;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import dev.herald.internal.Escape;
import dev.herald.internal.Validate;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/**
 * Renders {@link ArticleMeta} as the tags a link preview needs: Open Graph ({@code og:*},
 * {@code article:*}), X Card, the canonical link and a schema.org {@code NewsArticle} JSON-LD block.
 *
 * <p>Every value is escaped for its context (HTML attribute, JSON inside {@code <script>}); a
 * character the target charset cannot encode becomes a numeric character reference (or a JSON
 * {@code \\uXXXX} escape); only absolute http(s) URLs are written. Tags whose key is in the
 * {@code existing} set are left out, so a tag a page already has is never emitted twice. One tag per
 * line, no indentation.
 */
public final class HeadTags {
    /** The key under which a page's {@code <link rel="canonical">} is recorded in an existing-tags set. */
    public static final String CANONICAL = "link:canonical";
    /** The key under which a page's own schema.org article JSON-LD is recorded in an existing-tags set. */
    public static final String JSON_LD = "json-ld:article";

    private static final JsonFactory JSON = new JsonFactory();
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

    private HeadTags() {}

    /** Every tag for {@code meta}, as UTF-8 text (nothing is taken to exist already). */
    public static String render(ArticleMeta meta, SiteDefaults site) {
        return render(meta, site, Set.of(), StandardCharsets.UTF_8);
    }

    /**
     * The tags for {@code meta} that are not in {@code existing}, every character encodable in
     * {@code charset}; empty when there is nothing to add.
     *
     * @param site supplies the publisher logo for the JSON-LD
     * @param existing keys of tags the page already has (see {@link PageMeta#existingTags()})
     */
    public static String render(ArticleMeta meta, SiteDefaults site, Set<String> existing, Charset charset) {
        Validate.notNull(meta, "meta");
        Validate.notNull(site, "site");
        Validate.notNull(existing, "existing");
        Validate.notNull(charset, "charset");
        Writer w = new Writer(existing, charset);
        w.property("og:title", meta.title());
        w.property("og:type", meta.type() == null ? "website" : meta.type());
        w.property("og:url", url(meta.url()));
        w.property("og:description", meta.description());
        ImageMeta image = meta.image();
        if (image != null && url(image.url()) != null && !existing.contains("og:image")) {
            w.property("og:image", url(image.url()));
            w.property("og:image:width", image.width() == null ? null : image.width().toString());
            w.property("og:image:height", image.height() == null ? null : image.height().toString());
            w.property("og:image:alt", image.alt());
            w.property("og:image:type", image.type());
        }
        w.property("og:site_name", meta.siteName());
        w.property("og:locale", ogLocale(meta.locale(), site.locale()));
        if (meta.isArticle()) {
            w.property("article:published_time", iso(meta.publishedTime()));
            w.property("article:modified_time", iso(meta.modifiedTime()));
            if (!existing.contains("article:author")) {
                for (Author a : meta.authors()) w.repeated("article:author", a.url() != null ? url(a.url()) : a.name());
            }
            w.property("article:section", meta.section());
            if (!existing.contains("article:tag")) {
                for (String tag : meta.tags()) w.repeated("article:tag", tag);
            }
        }
        w.name("twitter:card", image != null ? "summary_large_image" : "summary");
        w.name("twitter:site", meta.twitterSite());
        w.name("twitter:creator", meta.twitterCreator());
        if (meta.url() != null && !existing.contains(CANONICAL)) w.link("canonical", url(meta.url()));
        if (meta.isArticle() && !existing.contains(JSON_LD)) w.jsonLd(jsonLd(meta, site));
        return w.out.toString();
    }

    /**
     * {@code locale} in Open Graph's {@code language_TERRITORY} form ({@code en_US}); null for null.
     * A bare language ({@code lang="en"}) takes its usual territory ({@code en_US}, {@code pt_BR},
     * {@code ar_AR}); a language without a known one is null, since crawlers reject a bare language.
     */
    public static String ogLocale(Locale locale) {
        return ogLocale(locale, null);
    }

    /**
     * {@code locale} in Open Graph's {@code language_TERRITORY} form, a bare language taking the
     * site's territory when the site's locale is in the same language ({@code en} on an {@code en_GB}
     * site is {@code en_GB}), otherwise the language's usual one.
     */
    public static String ogLocale(Locale locale, Locale site) {
        if (locale == null || locale.getLanguage().isEmpty()) return null;
        Locale full = Locales.withTerritory(locale, site);
        return full == null ? null : full.getLanguage() + "_" + full.getCountry();
    }

    /** {@code t} as ISO-8601 with seconds and offset ({@code 2020-01-08T06:30:00Z}); null for null. */
    public static String iso(OffsetDateTime t) {
        return t == null ? null : ISO.format(t);
    }

    /** The schema.org {@code NewsArticle} for {@code meta}, as compact JSON (not yet escaped for HTML). */
    public static String jsonLd(ArticleMeta meta, SiteDefaults site) {
        Validate.notNull(meta, "meta");
        Validate.notNull(site, "site");
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("@context", "https://schema.org");
            g.writeStringField("@type", "NewsArticle");
            field(g, "headline", meta.title());
            field(g, "description", meta.description());
            if (meta.image() != null && url(meta.image().url()) != null) {
                g.writeArrayFieldStart("image");
                g.writeString(url(meta.image().url()));
                g.writeEndArray();
            }
            field(g, "datePublished", iso(meta.publishedTime()));
            field(g, "dateModified", iso(meta.modifiedTime()));
            if (!meta.authors().isEmpty()) {
                g.writeArrayFieldStart("author");
                for (Author a : meta.authors()) {
                    g.writeStartObject();
                    g.writeStringField("@type", "Person");
                    g.writeStringField("name", a.name());
                    field(g, "url", url(a.url()));
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            ImageMeta logo = site.publisherLogo();
            if (meta.siteName() != null || logo != null) {
                g.writeObjectFieldStart("publisher");
                g.writeStringField("@type", "Organization");
                field(g, "name", meta.siteName());
                if (logo != null && url(logo.url()) != null) {
                    g.writeObjectFieldStart("logo");
                    g.writeStringField("@type", "ImageObject");
                    g.writeStringField("url", url(logo.url()));
                    if (logo.width() != null) g.writeNumberField("width", logo.width());
                    if (logo.height() != null) g.writeNumberField("height", logo.height());
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            if (meta.url() != null) {
                g.writeObjectFieldStart("mainEntityOfPage");
                g.writeStringField("@type", "WebPage");
                g.writeStringField("@id", url(meta.url()));
                g.writeEndObject();
            }
            if (meta.locale() != null && !meta.locale().getLanguage().isEmpty()) g.writeStringField("inLanguage", meta.locale().toLanguageTag());
            field(g, "articleSection", meta.section());
            if (!meta.tags().isEmpty()) g.writeStringField("keywords", String.join(", ", meta.tags()));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("JSON-LD could not be written", e);
        }
        return out.toString();
    }

    private static void field(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) g.writeStringField(name, value);
    }

    /** The URL as ASCII when it is absolute http(s), else null: nothing else is ever written. */
    private static String url(URI u) {
        return Urls.isHttp(u) ? u.toASCIIString() : null;
    }

    /** Accumulates tags, skipping existing keys and absent values. */
    private static final class Writer {
        final StringBuilder out = new StringBuilder(1024);
        final Set<String> existing;
        final Charset charset;

        Writer(Set<String> existing, Charset charset) {
            this.existing = existing;
            this.charset = charset;
        }

        void property(String key, String value) {
            if (value == null || existing.contains(key)) return;
            repeated(key, value);
        }

        void repeated(String key, String value) {
            if (value == null) return;
            out.append("<meta property=\"").append(key).append("\" content=\"");
            Escape.appendHtml(out, value, charset);
            out.append("\">\n");
        }

        void name(String key, String value) {
            if (value == null || existing.contains(key)) return;
            out.append("<meta name=\"").append(key).append("\" content=\"");
            Escape.appendHtml(out, value, charset);
            out.append("\">\n");
        }

        void link(String rel, String href) {
            if (href == null) return;
            out.append("<link rel=\"").append(rel).append("\" href=\"");
            Escape.appendHtml(out, href, charset);
            out.append("\">\n");
        }

        void jsonLd(String json) {
            out.append("<script type=\"application/ld+json\">").append(Escape.jsonInScript(json, charset)).append("</script>\n");
        }
    }
}
