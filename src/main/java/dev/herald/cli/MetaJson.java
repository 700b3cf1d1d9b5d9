package dev.herald.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.meta.ArticleMeta;
import dev.herald.meta.Author;
import dev.herald.meta.ImageMeta;
import dev.herald.meta.MetaField;
import dev.herald.meta.MetaSource;
import dev.herald.meta.ResolvedMeta;
import java.util.Locale;
import java.util.Map;

/** Writes resolved metadata as the JSON that {@code herald meta} prints. */
final class MetaJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MetaJson() {}

    /** The JSON document: every field (null when absent) and, under {@code sources}, where each came from. */
    static String write(ResolvedMeta resolved) {
        ArticleMeta m = resolved.meta();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("title", m.title());
        root.put("description", m.description());
        root.put("url", m.url() == null ? null : m.url().toString());
        root.set("image", image(m.image()));
        root.put("siteName", m.siteName());
        root.put("locale", m.locale() == null ? null : ogLocale(m.locale()));
        root.put("type", m.type());
        ArrayNode authors = root.putArray("authors");
        for (Author a : m.authors()) {
            ObjectNode n = authors.addObject();
            n.put("name", a.name());
            n.put("url", a.url() == null ? null : a.url().toString());
        }
        root.put("publishedTime", m.publishedTime() == null ? null : m.publishedTime().toString());
        root.put("modifiedTime", m.modifiedTime() == null ? null : m.modifiedTime().toString());
        root.put("section", m.section());
        ArrayNode tags = root.putArray("tags");
        m.tags().forEach(tags::add);
        root.put("twitterSite", m.twitterSite());
        root.put("twitterCreator", m.twitterCreator());
        ObjectNode sources = root.putObject("sources");
        for (Map.Entry<MetaField, MetaSource> e : resolved.sources().entrySet()) {
            sources.put(e.getKey().jsonName(), e.getValue().name().toLowerCase(Locale.ROOT));
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    private static ObjectNode image(ImageMeta image) {
        if (image == null) return null;
        ObjectNode n = MAPPER.createObjectNode();
        n.put("url", image.url().toString());
        n.put("width", image.width());
        n.put("height", image.height());
        n.put("alt", image.alt());
        n.put("type", image.type());
        return n;
    }

    private static String ogLocale(Locale l) {
        return l.getCountry().isEmpty() ? l.getLanguage() : l.getLanguage() + "_" + l.getCountry();
    }
}
