package dev.herald.meta;

import dev.herald.internal.Validate;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a page says about itself: the single source of truth from which Herald renders link-preview
 * tags and composes social posts, so that a page and its posts cannot drift apart.
 *
 * <p>Every field may be absent ({@code null}, or an empty list); a value built from several sources
 * is produced by {@link ResolvedMeta#resolve}. Blank strings are stored as {@code null}; every URL is
 * an absolute http(s) URL.
 *
 * @param title the headline
 * @param description a one- or two-sentence summary, plain text
 * @param url the canonical URL of the page
 * @param image the preview image
 * @param siteName the publication's name
 * @param locale the content's language and, optionally, region
 * @param type the Open Graph type: {@code article} for articles, otherwise usually {@code website}
 * @param authors the credited authors, in byline order
 * @param publishedTime when the article was first published
 * @param modifiedTime when the article was last changed
 * @param section the section of the publication, such as "World"
 * @param tags keywords, in the page's order, without duplicates
 * @param twitterSite the publication's X handle, with its leading {@code @}
 * @param twitterCreator the author's X handle, with its leading {@code @}
 */
public record ArticleMeta(
        String title,
        String description,
        URI url,
        ImageMeta image,
        String siteName,
        Locale locale,
        String type,
        List<Author> authors,
        OffsetDateTime publishedTime,
        OffsetDateTime modifiedTime,
        String section,
        List<String> tags,
        String twitterSite,
        String twitterCreator) {

    private static final java.util.regex.Pattern HANDLE = java.util.regex.Pattern.compile("@[A-Za-z0-9_]{1,15}");

    /** An article about which nothing is known yet. */
    public static final ArticleMeta EMPTY = builder().build();

    /** Normalises blanks to null, copies lists, and checks URLs and handles. */
    public ArticleMeta {
        title = blankToNull(title);
        description = blankToNull(description);
        if (url != null) Validate.httpUrl(url, "url");
        siteName = blankToNull(siteName);
        type = blankToNull(type);
        authors = authors == null ? List.of() : List.copyOf(authors);
        section = blankToNull(section);
        tags = tags == null ? List.of() : distinctNonBlank(tags);
        twitterSite = handle(twitterSite, "twitterSite");
        twitterCreator = handle(twitterCreator, "twitterCreator");
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's fields, to copy and change. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Whether this page describes an article ({@code og:type} {@code article}). */
    public boolean isArticle() {
        return "article".equals(type);
    }

    /** Whether no field is set. */
    public boolean isEmpty() {
        return equals(EMPTY);
    }

    static String blankToNull(String s) {
        if (s == null) return null;
        String stripped = s.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private static List<String> distinctNonBlank(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            String t = blankToNull(v);
            if (t != null && !out.contains(t)) out.add(t);
        }
        return List.copyOf(out);
    }

    private static String handle(String value, String name) {
        String v = blankToNull(value);
        if (v == null) return null;
        if (!v.startsWith("@")) v = "@" + v;
        Validate.isTrue(HANDLE.matcher(v).matches(), name, "must be an X handle such as @herald: " + Validate.abbreviate(value));
        return v;
    }

    /** Builds an {@link ArticleMeta}; every setter accepts {@code null} to clear the field. */
    public static final class Builder {
        private String title;
        private String description;
        private URI url;
        private ImageMeta image;
        private String siteName;
        private Locale locale;
        private String type;
        private List<Author> authors = List.of();
        private OffsetDateTime publishedTime;
        private OffsetDateTime modifiedTime;
        private String section;
        private List<String> tags = List.of();
        private String twitterSite;
        private String twitterCreator;

        private Builder() {}

        private Builder(ArticleMeta m) {
            title = m.title; description = m.description; url = m.url; image = m.image;
            siteName = m.siteName; locale = m.locale; type = m.type; authors = m.authors;
            publishedTime = m.publishedTime; modifiedTime = m.modifiedTime; section = m.section;
            tags = m.tags; twitterSite = m.twitterSite; twitterCreator = m.twitterCreator;
        }

        /** Sets the headline. */
        public Builder title(String v) { title = v; return this; }
        /** Sets the summary. */
        public Builder description(String v) { description = v; return this; }
        /** Sets the canonical URL. */
        public Builder url(URI v) { url = v; return this; }
        /** Sets the canonical URL from a string. */
        public Builder url(String v) { url = v == null ? null : URI.create(v); return this; }
        /** Sets the preview image. */
        public Builder image(ImageMeta v) { image = v; return this; }
        /** Sets the publication's name. */
        public Builder siteName(String v) { siteName = v; return this; }
        /** Sets the language. */
        public Builder locale(Locale v) { locale = v; return this; }
        /** Sets the Open Graph type. */
        public Builder type(String v) { type = v; return this; }
        /** Sets the authors. */
        public Builder authors(List<Author> v) { authors = v == null ? List.of() : v; return this; }
        /** Sets the publication time. */
        public Builder publishedTime(OffsetDateTime v) { publishedTime = v; return this; }
        /** Sets the modification time. */
        public Builder modifiedTime(OffsetDateTime v) { modifiedTime = v; return this; }
        /** Sets the section. */
        public Builder section(String v) { section = v; return this; }
        /** Sets the tags. */
        public Builder tags(List<String> v) { tags = v == null ? List.of() : v; return this; }
        /** Sets the publication's X handle. */
        public Builder twitterSite(String v) { twitterSite = v; return this; }
        /** Sets the author's X handle. */
        public Builder twitterCreator(String v) { twitterCreator = v; return this; }

        /** Builds the value, validating every field. */
        public ArticleMeta build() {
            return new ArticleMeta(title, description, url, image, siteName, locale, type, authors,
                    publishedTime, modifiedTime, section, tags, twitterSite, twitterCreator);
        }
    }
}
