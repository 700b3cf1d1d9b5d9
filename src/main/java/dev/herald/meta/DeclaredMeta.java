package dev.herald.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Reads the tags a page already carries ({@link MetaSource#PAGE}): Open Graph, {@code article:*}, X
 * Card, canonical link, meta description and author, schema.org JSON-LD and {@code <html lang>}, and
 * records which of the tags Herald emits are already present.
 */
final class DeclaredMeta {
    private static final java.util.regex.Pattern IMAGE_TYPE = java.util.regex.Pattern.compile("image/[A-Za-z0-9.+-]{1,40}");
    final Map<String, List<String>> metaByKey = new HashMap<>();
    /** Cleaned first values, read many times by both readers. */
    private final Map<String, String> firstCache = new HashMap<>();
    /** Marks a key whose values are all blank (a distinct instance, compared by identity). */
    private static final String NONE = new String(new char[0]);
    final Set<String> present = new LinkedHashSet<>();
    final JsonLd jsonLd;
    final URI base;
    String canonicalHref;
    ArticleMeta meta;

    private DeclaredMeta(PageScan scan, URI base) {
        this.base = base;
        for (Element m : scan.metas) {
            String content = m.attr("content");
            for (String attr : new String[] {"property", "name"}) {
                String key = m.attr(attr).strip().toLowerCase(Locale.ROOT);
                if (key.isEmpty()) continue;
                present.add(key);
                if (key.equals("og:image:url") || key.equals("og:image:secure_url")) present.add("og:image");
                metaByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(content);
            }
        }
        for (Element l : scan.links) {
            String rel = " " + l.attr("rel").toLowerCase(Locale.ROOT).strip() + " ";
            if (rel.contains(" canonical ") && canonicalHref == null) {
                canonicalHref = l.attr("href");
                present.add(HeadTags.CANONICAL);
            }
        }
        jsonLd = JsonLd.read(scan.jsonLd);
        if (jsonLd.article != null) present.add(HeadTags.JSON_LD);
    }

    /** Reads the declared tags of a scanned page whose URLs resolve against {@code base}. */
    static DeclaredMeta read(PageScan scan, URI base) {
        DeclaredMeta d = new DeclaredMeta(scan, base);
        d.meta = d.build(scan);
        return d;
    }

    /** The first non-blank content of meta {@code key} (a property or name, lower case). */
    String first(String key) {
        List<String> v = metaByKey.get(key);
        if (v == null) return null;
        String cached = firstCache.computeIfAbsent(key, k -> {
            for (String s : v) {
                String c = Texts.clean(s);
                if (c != null) return c;
            }
            return NONE;
        });
        return cached == NONE ? null : cached;
    }

    /** Every non-blank content of meta {@code key}. */
    List<String> all(String key) {
        List<String> out = new ArrayList<>();
        for (String s : metaByKey.getOrDefault(key, List.of())) {
            String c = Texts.clean(s);
            if (c != null) out.add(c);
        }
        return out;
    }

    private ArticleMeta build(PageScan scan) {
        ArticleMeta.Builder b = ArticleMeta.builder();
        b.title(firstNonNull(first("og:title"), first("twitter:title"), jsonText("headline"), jsonText("name")));
        b.description(firstNonNull(first("og:description"), first("twitter:description"), first("description"), jsonText("description")));
        URI url = Urls.resolve(base, canonicalHref);
        if (url == null) url = Urls.resolve(base, first("og:url"));
        if (url == null && jsonLd.article != null) {
            url = Urls.resolve(base, JsonLd.urlOf(jsonLd.field("mainEntityOfPage")));
            if (url == null) url = Urls.resolve(base, JsonLd.urlOf(jsonLd.field("url")));
        }
        b.url(url);
        b.image(image());
        b.siteName(firstNonNull(first("og:site_name"), jsonPublisherName(), jsonLd.orgName));
        b.locale(firstNonNull(Locales.parse(first("og:locale")), Locales.parse(jsonText("inLanguage")),
                scan.html == null ? null : Locales.parse(scan.html.attr("lang"))));
        String type = first("og:type");
        if (type != null) type = type.toLowerCase(Locale.ROOT);
        if (type == null && jsonLd.article != null) type = "article";
        b.type(type);
        b.authors(authors());
        b.publishedTime(firstNonNull(Dates.parse(first("article:published_time")), jsonDate("datePublished")));
        b.modifiedTime(firstNonNull(Dates.parse(first("article:modified_time")), Dates.parse(first("og:updated_time")), jsonDate("dateModified")));
        b.section(firstNonNull(first("article:section"), jsonText("articleSection")));
        List<String> tags = Keywords.split(all("article:tag"));
        if (tags.isEmpty() && jsonLd.article != null) tags = Keywords.fromJson(jsonLd.field("keywords"));
        b.tags(tags);
        b.twitterSite(Handles.parse(first("twitter:site")));
        b.twitterCreator(Handles.parse(first("twitter:creator")));
        return b.build();
    }

    private ImageMeta image() {
        String og = firstNonNull(first("og:image"), first("og:image:url"), first("og:image:secure_url"));
        URI url = Urls.resolve(base, og);
        if (url != null) {
            return new ImageMeta(url, positive(first("og:image:width")), positive(first("og:image:height")),
                    first("og:image:alt"), imageType(first("og:image:type")));
        }
        url = Urls.resolve(base, firstNonNull(first("twitter:image"), first("twitter:image:src")));
        if (url != null) return new ImageMeta(url, null, null, first("twitter:image:alt"), null);
        if (jsonLd.article == null) return null;
        for (JsonNode n : jsonLd.all(jsonLd.field("image"))) {
            URI u = Urls.resolve(base, JsonLd.urlOf(n));
            if (u == null) continue;
            Integer w = n.isObject() ? JsonLd.integer(n.get("width")) : null;
            Integer h = n.isObject() ? JsonLd.integer(n.get("height")) : null;
            String alt = n.isObject() ? firstNonNull(JsonLd.text(n.get("caption")), JsonLd.text(n.get("description"))) : null;
            return new ImageMeta(u, w, h, alt, null);
        }
        return null;
    }

    private List<Author> authors() {
        List<Author> out = new ArrayList<>();
        if (jsonLd.article != null) {
            for (JsonNode n : jsonLd.all(jsonLd.field("author"))) {
                String name = n.isObject() ? JsonLd.text(n.get("name")) : JsonLd.text(n);
                if (name == null || Urls.resolve(null, name) != null) continue;
                URI url = n.isObject() ? Urls.resolve(base, JsonLd.urlOf(n.get("url"))) : null;
                add(out, name, url);
            }
        }
        if (out.isEmpty()) {
            for (String name : Bylines.split(first("author"))) add(out, name, null);
        }
        if (out.isEmpty()) {
            for (String v : all("article:author")) {
                if (Urls.resolve(null, v) == null) for (String name : Bylines.split(v)) add(out, name, null);
            }
        }
        return out;
    }

    static void add(List<Author> out, String name, URI url) {
        String n = Texts.clean(name);
        if (n == null || n.length() > 100) return;
        for (Author a : out) if (a.name().equalsIgnoreCase(n)) return;
        out.add(new Author(n, url));
    }

    private String jsonText(String field) {
        return jsonLd.article == null ? null : JsonLd.text(jsonLd.field(field));
    }

    private OffsetDateTime jsonDate(String field) {
        return Dates.parse(jsonText(field));
    }

    private String jsonPublisherName() {
        if (jsonLd.article == null) return null;
        JsonNode p = jsonLd.field("publisher");
        if (p != null && p.isArray() && !p.isEmpty()) p = jsonLd.deref(p.get(0));
        return p != null && p.isObject() ? JsonLd.text(p.get("name")) : null;
    }

    static Integer positive(String s) {
        if (s == null) return null;
        String t = s.strip();
        if (t.isEmpty() || t.length() > 6 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) return null;
        int v = Integer.parseInt(t);
        return v > 0 ? v : null;
    }

    static String imageType(String s) {
        return s != null && IMAGE_TYPE.matcher(s).matches() ? s.toLowerCase(Locale.ROOT) : null;
    }

    @SafeVarargs
    static <T> T firstNonNull(T... values) {
        for (T v : values) if (v != null) return v;
        return null;
    }
}
