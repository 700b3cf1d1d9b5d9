package dev.herald.meta.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.internal.Json;
import dev.herald.meta.ArticleMeta;
import dev.herald.meta.Author;
import dev.herald.meta.HeadTags;
import dev.herald.meta.ImageMeta;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;

/**
 * Herald's one JSON form of an {@link ArticleMeta}: every field present, {@code null} when absent.
 * It comes in two renderings of the same fields, so the shape is defined once:
 * <ul>
 *   <li>{@link #display} shows metadata as Herald emits it ({@code herald meta}, webhook payloads):
 *       times to the second, the locale as Open Graph writes it ({@code en_US});</li>
 *   <li>{@link #snapshot} stores it with each share and {@link #read} gives it back unchanged: times
 *       exact, the locale as given ({@code en} stays {@code en}; Open Graph's form would widen it).</li>
 * </ul>
 * {@link #read} also reads snapshots that earlier versions wrote with Jackson's record mapping, which
 * had these field names and value forms. Not API.
 */
public final class ArticleCodec {
    private ArticleCodec() {}

    /** The article as Herald shows it. */
    public static ObjectNode display(ArticleMeta m) {
        return tree(m, HeadTags::iso, HeadTags::ogLocale);
    }

    /** The article as stored with a share: {@link #read} returns an equal {@link ArticleMeta}. */
    public static String snapshot(ArticleMeta m) {
        ObjectNode tree = tree(m, DateTimeFormatter.ISO_OFFSET_DATE_TIME::format, Locale::toString);
        try {
            return Json.MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /**
     * Reads a stored snapshot.
     *
     * @throws IllegalArgumentException when {@code json} is not a snapshot (the message says why)
     */
    public static ArticleMeta read(String json) {
        try {
            return Json.MAPPER.readValue(json, ArticleMeta.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an article snapshot: " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectNode tree(ArticleMeta m, Function<OffsetDateTime, String> time, Function<Locale, String> locale) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("title", m.title());
        root.put("description", m.description());
        root.put("url", m.url() == null ? null : m.url().toString());
        root.set("image", image(m.image()));
        root.put("siteName", m.siteName());
        root.put("locale", m.locale() == null ? null : locale.apply(m.locale()));
        root.put("type", m.type());
        ArrayNode authors = root.putArray("authors");
        for (Author a : m.authors()) {
            ObjectNode n = authors.addObject();
            n.put("name", a.name());
            n.put("url", a.url() == null ? null : a.url().toString());
        }
        root.put("publishedTime", m.publishedTime() == null ? null : time.apply(m.publishedTime()));
        root.put("modifiedTime", m.modifiedTime() == null ? null : time.apply(m.modifiedTime()));
        root.put("section", m.section());
        ArrayNode tags = root.putArray("tags");
        m.tags().forEach(tags::add);
        root.put("twitterSite", m.twitterSite());
        root.put("twitterCreator", m.twitterCreator());
        return root;
    }

    private static ObjectNode image(ImageMeta image) {
        if (image == null) return null;
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("url", image.url().toString());
        n.put("width", image.width());
        n.put("height", image.height());
        n.put("alt", image.alt());
        n.put("type", image.type());
        return n;
    }
}
