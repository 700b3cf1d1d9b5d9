package dev.herald.taglib;

import dev.herald.meta.ArticleMeta;
import dev.herald.meta.Author;
import dev.herald.meta.HeadTags;
import dev.herald.meta.ImageMeta;
import dev.herald.page.HeraldRequests;
import jakarta.servlet.jsp.JspException;
import jakarta.servlet.jsp.PageContext;
import jakarta.servlet.jsp.tagext.SimpleTagSupport;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * {@code <herald:meta title="…" description="…" image="…" …/>}: declares the page's metadata.
 *
 * <p>Values set here outrank everything but application code. When {@code ShareFilter} is
 * rewriting the page, the filter renders the tags (it also knows what the page already has); when it
 * is not installed, this tag renders them where it stands, with the same renderer and escaping.
 * Relative URLs are resolved against the page URL. An attribute that cannot be a valid value (a
 * {@code javascript:} image, an unparseable date) fails the tag with a message naming it.
 */
public final class MetaTag extends SimpleTagSupport {
    private String title;
    private String description;
    private String url;
    private String image;
    private String imageAlt;
    private Integer imageWidth;
    private Integer imageHeight;
    private String type;
    private Object author;
    private Object published;
    private Object modified;
    private String section;
    private Object tags;
    private String locale;

    /** The headline. */
    public void setTitle(String v) { title = v; }
    /** The summary. */
    public void setDescription(String v) { description = v; }
    /** The canonical URL; relative to the page when not absolute. */
    public void setUrl(String v) { url = v; }
    /** The preview image URL; relative to the page when not absolute. */
    public void setImage(String v) { image = v; }
    /** The image's alt text. */
    public void setImageAlt(String v) { imageAlt = v; }
    /** The image's width in pixels. */
    public void setImageWidth(Integer v) { imageWidth = v; }
    /** The image's height in pixels. */
    public void setImageHeight(Integer v) { imageHeight = v; }
    /** The Open Graph type; {@code article} by default. */
    public void setType(String v) { type = v; }
    /** The author: a name, a comma-separated list of names, or a collection of names or {@link Author}s. */
    public void setAuthor(Object v) { author = v; }
    /** First publication: ISO-8601 text, or a {@code java.time} value or {@link Date}. */
    public void setPublished(Object v) { published = v; }
    /** Last modification, in the same forms as {@code published}. */
    public void setModified(Object v) { modified = v; }
    /** The section. */
    public void setSection(String v) { section = v; }
    /** Keywords: a comma-separated list or a collection. */
    public void setTags(Object v) { tags = v; }
    /** The language, as a BCP 47 tag ({@code en-GB}) or {@code en_GB}. */
    public void setLocale(String v) { locale = v; }

    @Override
    public void doTag() throws JspException, IOException {
        PageContext context = (PageContext) getJspContext();
        TagPage page = TagPage.of(context);
        ArticleMeta declared = declared(page.pageUrl);
        HeraldRequests.setTaglibMeta(page.request, merge(HeraldRequests.taglibMeta(page.request), declared));
        if (HeraldRequests.isRewriting(page.request) || HeraldRequests.headRendered(page.request)) return;
        // No filter on this page: render the tags here, once per request.
        HeraldRequests.markHeadRendered(page.request);
        context.getOut().write(HeadTags.render(page.meta().meta(), page.site(), java.util.Set.of(), page.charset()));
    }

    private ArticleMeta declared(URI pageUrl) throws JspException {
        try {
            ArticleMeta.Builder b = ArticleMeta.builder()
                    .title(title).description(description).section(section)
                    .type(type == null ? "article" : type)
                    .url(absolute("url", url, pageUrl))
                    .authors(authors())
                    .publishedTime(time("published", published))
                    .modifiedTime(time("modified", modified))
                    .tags(list(tags));
            if (locale != null && !locale.isBlank()) b.locale(Locale.forLanguageTag(locale.strip().replace('_', '-')));
            URI img = absolute("image", image, pageUrl);
            if (img != null) b.image(new ImageMeta(img, imageWidth, imageHeight, imageAlt, null));
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new JspException("<herald:meta>: " + e.getMessage(), e);
        }
    }

    /** Later declarations fill or replace fields; those they leave unset keep earlier values. */
    private static ArticleMeta merge(ArticleMeta earlier, ArticleMeta later) {
        if (earlier.isEmpty()) return later;
        java.util.Map<dev.herald.meta.MetaSource, ArticleMeta> both = new java.util.EnumMap<>(dev.herald.meta.MetaSource.class);
        both.put(dev.herald.meta.MetaSource.APPLICATION, later);
        both.put(dev.herald.meta.MetaSource.TAGLIB, earlier);
        return dev.herald.meta.ResolvedMeta.resolve(both).meta();
    }

    private static URI absolute(String attribute, String value, URI base) {
        if (value == null || value.isBlank()) return null;
        URI u;
        try {
            u = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(attribute + " is not a valid URL: " + dev.herald.internal.Validate.abbreviate(value));
        }
        if (!u.isAbsolute()) {
            if (base == null) throw new IllegalArgumentException(attribute + " is relative and the page URL is unknown: " + value);
            u = base.resolve(u);
        }
        return dev.herald.internal.Validate.httpUrl(u, attribute);
    }

    private List<Author> authors() {
        List<Author> out = new ArrayList<>();
        if (author instanceof Collection<?> c) {
            for (Object o : c) {
                if (o instanceof Author a) out.add(a);
                else if (o != null && !o.toString().isBlank()) out.add(Author.named(o.toString()));
            }
        } else if (author instanceof Author a) {
            out.add(a);
        } else {
            for (String name : list(author)) out.add(Author.named(name));
        }
        return out;
    }

    private static List<String> list(Object value) {
        List<String> out = new ArrayList<>();
        if (value == null) return out;
        if (value instanceof Collection<?> c) {
            for (Object o : c) if (o != null) out.add(o.toString().strip());
            return out;
        }
        for (String part : value.toString().split(",")) {
            if (!part.isBlank()) out.add(part.strip());
        }
        return out;
    }

    private static OffsetDateTime time(String attribute, Object value) {
        if (value == null) return null;
        if (value instanceof OffsetDateTime t) return t;
        if (value instanceof ZonedDateTime z) return z.toOffsetDateTime();
        if (value instanceof Instant i) return i.atOffset(ZoneOffset.UTC);
        if (value instanceof Date d) return d.toInstant().atOffset(ZoneOffset.UTC);
        if (value instanceof LocalDate d) return d.atStartOfDay().atOffset(ZoneOffset.UTC);
        String s = value.toString().strip();
        if (s.isEmpty()) return null;
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(s).atStartOfDay().atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException(attribute + " is not an ISO-8601 date or date-time: " + dev.herald.internal.Validate.abbreviate(s));
            }
        }
    }
}
