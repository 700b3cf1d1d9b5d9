package dev.herald.meta;

import dev.herald.internal.Validate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Metadata merged from several sources, with the source of each value.
 *
 * @param meta the merged value
 * @param sources for each field that has a value, the source that supplied it
 */
public record ResolvedMeta(ArticleMeta meta, Map<MetaField, MetaSource> sources) {
    /** Copies the source map. */
    public ResolvedMeta {
        Validate.notNull(meta, "meta");
        sources = Collections.unmodifiableMap(sources.isEmpty() ? new EnumMap<>(MetaField.class) : new EnumMap<>(sources));
    }

    /**
     * Merges candidates field by field: each field takes the value of the highest-precedence source
     * (lowest {@link MetaSource} ordinal) that has one. Candidates may come in any order; a source
     * given twice is taken in the order given.
     */
    public static ResolvedMeta resolve(Map<MetaSource, ArticleMeta> candidates) {
        Validate.notNull(candidates, "candidates");
        EnumMap<MetaSource, ArticleMeta> ordered = new EnumMap<>(MetaSource.class);
        ordered.putAll(candidates);
        ArticleMeta.Builder b = ArticleMeta.builder();
        EnumMap<MetaField, MetaSource> sources = new EnumMap<>(MetaField.class);
        Picker p = new Picker(ordered, sources);
        b.title(p.pick(MetaField.TITLE, ArticleMeta::title));
        b.description(p.pick(MetaField.DESCRIPTION, ArticleMeta::description));
        b.url(p.pick(MetaField.URL, ArticleMeta::url));
        b.image(p.pick(MetaField.IMAGE, ArticleMeta::image));
        b.siteName(p.pick(MetaField.SITE_NAME, ArticleMeta::siteName));
        b.locale(p.pick(MetaField.LOCALE, ArticleMeta::locale));
        b.type(p.pick(MetaField.TYPE, ArticleMeta::type));
        b.authors(p.pickList(MetaField.AUTHORS, ArticleMeta::authors));
        b.publishedTime(p.pick(MetaField.PUBLISHED_TIME, ArticleMeta::publishedTime));
        b.modifiedTime(p.pick(MetaField.MODIFIED_TIME, ArticleMeta::modifiedTime));
        b.section(p.pick(MetaField.SECTION, ArticleMeta::section));
        b.tags(p.pickList(MetaField.TAGS, ArticleMeta::tags));
        b.twitterSite(p.pick(MetaField.TWITTER_SITE, ArticleMeta::twitterSite));
        b.twitterCreator(p.pick(MetaField.TWITTER_CREATOR, ArticleMeta::twitterCreator));
        return new ResolvedMeta(b.build(), sources);
    }

    /** The source of {@code field}'s value, or {@code null} when the field has none. */
    public MetaSource sourceOf(MetaField field) {
        return sources.get(field);
    }

    private record Picker(Map<MetaSource, ArticleMeta> ordered, Map<MetaField, MetaSource> sources) {
        <T> T pick(MetaField field, Function<ArticleMeta, T> getter) {
            for (Map.Entry<MetaSource, ArticleMeta> e : ordered.entrySet()) {
                T v = e.getValue() == null ? null : getter.apply(e.getValue());
                if (v != null) {
                    sources.put(field, e.getKey());
                    return v;
                }
            }
            return null;
        }

        <T> List<T> pickList(MetaField field, Function<ArticleMeta, List<T>> getter) {
            for (Map.Entry<MetaSource, ArticleMeta> e : ordered.entrySet()) {
                List<T> v = e.getValue() == null ? List.of() : getter.apply(e.getValue());
                if (!v.isEmpty()) {
                    sources.put(field, e.getKey());
                    return v;
                }
            }
            return List.of();
        }
    }
}
