package dev.herald.meta;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An {@link ArticleMeta} as a JSON tree, in the one shape Herald shows metadata everywhere
 * ({@code herald meta}, webhook payloads): every field present, {@code null} when absent, times in
 * ISO-8601 with offset, the locale as Open Graph writes it ({@code en_US}).
 */
public final class MetaTree {
    private MetaTree() {}

    /** The article's fields as a JSON object. */
    public static ObjectNode of(ArticleMeta m) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("title", m.title());
        root.put("description", m.description());
        root.put("url", m.url() == null ? null : m.url().toString());
        root.set("image", image(m.image()));
        root.put("siteName", m.siteName());
        root.put("locale", m.locale() == null ? null : HeadTags.ogLocale(m.locale()));
        root.put("type", m.type());
        ArrayNode authors = root.putArray("authors");
        for (Author a : m.authors()) {
            ObjectNode n = authors.addObject();
            n.put("name", a.name());
            n.put("url", a.url() == null ? null : a.url().toString());
        }
        root.put("publishedTime", HeadTags.iso(m.publishedTime()));
        root.put("modifiedTime", HeadTags.iso(m.modifiedTime()));
        root.put("section", m.section());
        ArrayNode tags = root.putArray("tags");
        m.tags().forEach(tags::add);
        root.put("twitterSite", m.twitterSite());
        root.put("twitterCreator", m.twitterCreator());
        return root;
    }

    private static ObjectNode image(ImageMeta image) {
        if (image == null) return null;
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("url", image.url().toString());
        n.put("width", image.width());
        n.put("height", image.height());
        n.put("alt", image.alt());
        n.put("type", image.type());
        return n;
    }
}
