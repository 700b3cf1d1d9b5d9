package dev.herald.meta;

import dev.herald.internal.PageCharset;
import dev.herald.internal.Validate;
import dev.herald.meta.internal.ParsedPages;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * What an HTML page says about itself, read once: the tags it already carries
 * ({@link MetaSource#PAGE}), what its content suggests ({@link MetaSource#INFERRED}), and which of
 * the tags Herald emits are already present.
 *
 * <p>The entry point for reading metadata without rewriting anything:
 * <pre>{@code
 * ArticleMeta meta = PageMeta.read(html, URI.create("https://news.example/a/1")).resolve(SiteDefaults.NONE).meta();
 * }</pre>
 * The syndication side and the CLI use it this way; the page filter reads the document it has
 * already parsed through {@code ParsedPages}. Reading never throws for bad markup: a page with nothing
 * to say yields empty metadata.
 */
public final class PageMeta {
    static {
        ParsedPages.install((doc, pageUrl) -> {
            PageMeta page = read(doc, pageUrl);
            return new ParsedPages.Read(page, page.new Anchors());
        });
    }

    private final DeclaredMeta declared;
    private final Inference inference;
    private final PageScan scan;
    private final URI pageUrl;

    private PageMeta(PageScan scan, DeclaredMeta declared, Inference inference, URI pageUrl) {
        this.scan = scan;
        this.declared = declared;
        this.inference = inference;
        this.pageUrl = pageUrl;
    }

    /** Parses {@code html} and reads it; relative URLs resolve against {@code <base href>}, then {@code pageUrl}. */
    public static PageMeta read(String html, URI pageUrl) {
        Validate.notNull(html, "html");
        Validate.httpUrl(pageUrl, "pageUrl");
        return read(Parser.htmlParser().parseInput(html, pageUrl.toString()), pageUrl);
    }

    /**
     * Decodes {@code body} (declared charset, byte-order mark, {@code <meta charset>}, UTF-8 if valid,
     * else windows-1251 for Cyrillic-looking bytes, else windows-1252), parses and reads it.
     *
     * @param declaredCharset the charset from the Content-Type header, or {@code null} to detect it
     * @throws CharacterCodingException when the body is not valid in its charset
     */
    public static PageMeta read(byte[] body, Charset declaredCharset, URI pageUrl) throws CharacterCodingException {
        Validate.notNull(body, "body");
        PageCharset cs = PageCharset.detect(body, body.length, declaredCharset);
        return read(cs.decode(body, body.length), pageUrl);
    }

    /** Reads a document that is already parsed (with or without tracked source positions). */
    static PageMeta read(Document doc, URI pageUrl) {
        Validate.notNull(doc, "doc");
        Validate.httpUrl(pageUrl, "pageUrl");
        PageScan scan = PageScan.of(doc);
        URI base = pageUrl;
        if (scan.base != null) {
            URI b = Urls.resolve(pageUrl, scan.base.attr("href"));
            if (b != null) base = b;
        }
        DeclaredMeta declared = DeclaredMeta.read(scan, base);
        Inference inference = Inference.run(scan, declared, base, pageUrl);
        return new PageMeta(scan, declared, inference, pageUrl);
    }

    /** The values of the tags the page carries (Open Graph, X Card, JSON-LD, canonical, meta description...). */
    public ArticleMeta declared() {
        return declared.meta;
    }

    /** The values inferred from the page's content; the URL is the page's own. */
    public ArticleMeta inferred() {
        return inference.meta(null);
    }

    /**
     * The keys of the tags the page already has, in the vocabulary of {@link HeadTags}: meta
     * {@code property}/{@code name} values in lower case ({@code og:title}, {@code twitter:card},
     * {@code article:tag}...), {@link HeadTags#CANONICAL} and {@link HeadTags#JSON_LD}.
     */
    public Set<String> existingTags() {
        return Collections.unmodifiableSet(declared.present);
    }

    /** Resolves this page's metadata with site defaults only (no application or taglib values). */
    public ResolvedMeta resolve(SiteDefaults defaults) {
        return resolve(ArticleMeta.EMPTY, ArticleMeta.EMPTY, defaults);
    }

    /**
     * Merges, field by field and in this precedence, {@code application}, {@code taglib}, the page's
     * tags, the inferred values and {@code defaults}; the URL falls back to canonical, then
     * {@code og:url}, then the page URL.
     */
    public ResolvedMeta resolve(ArticleMeta application, ArticleMeta taglib, SiteDefaults defaults) {
        Validate.notNull(defaults, "defaults");
        Map<MetaSource, ArticleMeta> c = new EnumMap<>(MetaSource.class);
        c.put(MetaSource.APPLICATION, application == null ? ArticleMeta.EMPTY : application);
        c.put(MetaSource.TAGLIB, taglib == null ? ArticleMeta.EMPTY : taglib);
        c.put(MetaSource.PAGE, declared.meta);
        Set<MetaField> wanted = missing(ResolvedMeta.resolve(c));
        // A configured site name is explicit: it beats one guessed from the page's title or logo.
        if (defaults.siteName() != null) wanted.remove(MetaField.SITE_NAME);
        c.put(MetaSource.INFERRED, inference.meta(defaults.siteName(), wanted));
        c.put(MetaSource.SITE_DEFAULT, defaults.asMeta());
        return ResolvedMeta.resolve(c);
    }

    /** The fields {@code known} has no value for: the only ones worth inferring. */
    private static Set<MetaField> missing(ResolvedMeta known) {
        Set<MetaField> wanted = EnumSet.allOf(MetaField.class);
        for (MetaField f : MetaField.values()) if (known.sourceOf(f) != null) wanted.remove(f);
        return wanted;
    }

    /** The page URL this page was read for. */
    public URI pageUrl() {
        return pageUrl;
    }

    /** The element Herald takes as the article's headline (usually its {@code <h1>}), or null. */
    Element headline() {
        return inference.headline == null ? null : inference.headline.el();
    }

    /**
     * The last element of the story's opening: the standfirst, byline and dateline that directly
     * follow the headline (or its {@code <header>}); the headline itself when none does; null without
     * a headline. Where a share bar goes "after the standfirst".
     */
    Element openingEnd() {
        return inference.openingEnd();
    }

    /** The {@code <article>} element holding the story, or null when the page has none. */
    Element article() {
        return inference.mainArticle;
    }

    /** The first element carrying {@code data-herald-share} (where buttons go), or null. */
    Element sharePlaceholder() {
        return scan.placeholder;
    }

    /**
     * The index of {@code e} among this document's elements of the same name, in document order
     * (the second {@code <h1>} has ordinal 1); -1 when it is not in the document. Cheap for the
     * headline and the article, which reading has already indexed.
     */
    int ordinalOf(Element e) {
        if (e == null) return -1;
        List<?> known = e.normalName().equals("h1") ? scan.h1s.stream().map(PageScan.Found::el).toList()
                : e.normalName().equals("article") ? scan.articles : null;
        if (known != null) {
            for (int i = 0; i < known.size(); i++) if (known.get(i) == e) return i;
            return -1;
        }
        return scan.doc.getElementsByTag(e.normalName()).indexOf(e);
    }

    /** Whether the page already has a share-button bar (an element with {@code data-herald-buttons}). */
    public boolean hasButtonBar() {
        return scan.buttonBar;
    }

    /** This page's anchors, for {@link ParsedPages}. */
    private final class Anchors implements ParsedPages.Anchors {
        @Override
        public Element headline() {
            return PageMeta.this.headline();
        }

        @Override
        public Element openingEnd() {
            return PageMeta.this.openingEnd();
        }

        @Override
        public Element article() {
            return PageMeta.this.article();
        }

        @Override
        public Element sharePlaceholder() {
            return PageMeta.this.sharePlaceholder();
        }

        @Override
        public int ordinalOf(Element e) {
            return PageMeta.this.ordinalOf(e);
        }
    }
}
