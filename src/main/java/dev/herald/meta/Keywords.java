package dev.herald.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Splits keyword lists ({@code "a, b; c"}, repeated tags, JSON arrays) into tags. */
final class Keywords {
    private static final java.util.regex.Pattern PREFIX = java.util.regex.Pattern.compile("[a-z_-]+");
    private static final int MAX_TAGS = 30;
    private static final int MAX_TAG_LENGTH = 80;

    private Keywords() {}

    /** The tags in {@code values}, each of which may hold a comma- or semicolon-separated list. */
    static List<String> split(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v == null) continue;
            for (String part : v.split(v.indexOf(',') >= 0 ? "," : ";")) add(out, part);
        }
        return out;
    }

    /** The tags of a JSON-LD {@code keywords} value: a list string or an array of strings. */
    static List<String> fromJson(JsonNode n) {
        if (n == null) return List.of();
        if (n.isArray()) {
            List<String> values = new ArrayList<>();
            for (JsonNode x : n) if (x.isValueNode()) values.add(x.asText());
            return split(values);
        }
        return n.isValueNode() ? split(List.of(n.asText())) : List.of();
    }

    private static void add(List<String> out, String raw) {
        String t = Texts.clean(raw);
        if (t == null || t.length() > MAX_TAG_LENGTH || out.size() >= MAX_TAGS) return;
        // Some CMSs export internal tag prefixes ("tag:politics", "section:world"); keep the readable part.
        int colon = t.indexOf(':');
        if (colon > 0 && colon < 20 && PREFIX.matcher(t.substring(0, colon)).matches() && !t.substring(colon + 1).isBlank()) t = t.substring(colon + 1).strip();
        for (String o : out) if (o.equalsIgnoreCase(t)) return;
        out.add(t);
    }
}
