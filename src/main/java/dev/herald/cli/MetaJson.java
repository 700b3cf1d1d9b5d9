package dev.herald.cli;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.internal.Json;
import dev.herald.meta.MetaField;
import dev.herald.meta.MetaSource;
import dev.herald.meta.ResolvedMeta;
import dev.herald.meta.internal.ArticleCodec;
import java.util.Locale;
import java.util.Map;

/** Writes resolved metadata as the JSON that {@code herald meta} prints. */
final class MetaJson {
    private static final ObjectWriter MAPPER = Json.MAPPER.writerWithDefaultPrettyPrinter();

    private MetaJson() {}

    /** The JSON document: every field (null when absent) and, under {@code sources}, where each came from. */
    static String write(ResolvedMeta resolved) {
        ObjectNode root = ArticleCodec.display(resolved.meta());
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
}
