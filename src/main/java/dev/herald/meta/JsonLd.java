package dev.herald.meta;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a page's schema.org JSON-LD says about its article. Reads every {@code application/ld+json}
 * script, tolerating the mistakes publishers make (comments, trailing commas, raw newlines in strings,
 * CDATA wrappers); a script that still does not parse is ignored.
 */
final class JsonLd {
    /** The schema.org types Herald treats as an article. */
    static final Set<String> ARTICLE_TYPES = Set.of("Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle",
            "AnalysisNewsArticle", "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle",
            "AskPublicExpertNewsArticle", "LiveBlogPosting", "TechArticle", "ScholarlyArticle", "Report",
            "SatiricalArticle", "SocialMediaPosting", "DiscussionForumPosting", "AdvertiserContentArticle");
    private static final int MAX_DEPTH = 12;
    private static final int MAX_SCRIPT_CHARS = 1_000_000;

    private static final ObjectReader READER = JsonMapper.builder(new JsonFactoryBuilder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).maxStringLength(MAX_SCRIPT_CHARS).build())
                    .build())
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
                    JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER, JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS,
                    JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
            .build()
            .readerFor(JsonNode.class);

    /** The first article node found, or null. */
    final JsonNode article;
    /** The publisher or site name when the JSON-LD has no article but names its organisation or website. */
    final String orgName;
    private final Map<String, JsonNode> byId;

    private JsonLd(JsonNode article, String orgName, Map<String, JsonNode> byId) {
        this.article = article;
        this.orgName = orgName;
        this.byId = byId;
    }

    /** Reads the given script bodies. */
    static JsonLd read(List<String> scripts) {
        List<JsonNode> nodes = new ArrayList<>();
        for (String script : scripts) {
            if (script.length() > MAX_SCRIPT_CHARS) continue;
            parse(unwrap(script), nodes);
        }
        Map<String, JsonNode> byId = new HashMap<>();
        List<JsonNode> flat = new ArrayList<>();
        for (JsonNode n : nodes) flatten(n, flat, byId, 0);
        JsonNode article = null;
        String org = null;
        for (JsonNode n : flat) {
            if (article == null && hasType(n, ARTICLE_TYPES)) article = n;
            if (org == null && hasType(n, Set.of("WebSite", "NewsMediaOrganization", "Organization"))) org = text(n.get("name"));
        }
        // A WebPage whose mainEntity is the article is a common shape; so is an article without an explicit type list match.
        if (article == null) {
            for (JsonNode n : flat) {
                JsonNode main = n.get("mainEntity");
                if (main != null && hasType(main, ARTICLE_TYPES)) { article = main; break; }
            }
        }
        return new JsonLd(article, org, byId);
    }

    private static final java.util.regex.Pattern CDATA_OPEN = java.util.regex.Pattern.compile("^(?://\\s*)?<!\\[CDATA\\[|^/\\*\\s*<!\\[CDATA\\[\\s*\\*/");
    private static final java.util.regex.Pattern CDATA_CLOSE = java.util.regex.Pattern.compile("(?://\\s*)?]]>$|/\\*\\s*]]>\\s*\\*/$");

    /** The JSON inside the wrappers old pages put around scripts (CDATA sections, HTML comments). */
    private static String unwrap(String s) {
        String t = s.strip();
        if (t.isEmpty() || (t.charAt(0) == '{' || t.charAt(0) == '[') && (t.endsWith("}") || t.endsWith("]"))) return t;
        t = CDATA_OPEN.matcher(t).replaceFirst("");
        t = CDATA_CLOSE.matcher(t).replaceFirst("");
        t = t.strip();
        if (t.startsWith("<!--")) t = t.substring(4);
        if (t.endsWith("-->")) t = t.substring(0, t.length() - 3);
        return t.strip();
    }

    private static void parse(String json, List<JsonNode> out) {
        if (json.isEmpty()) return;
        try (MappingIterator<JsonNode> it = READER.readValues(json)) {
            while (it.hasNextValue()) out.add(it.nextValue());
        } catch (IOException | RuntimeException e) {
            // Broken JSON-LD is common; whatever parsed before the error is kept.
        }
    }

    private static void flatten(JsonNode n, List<JsonNode> out, Map<String, JsonNode> byId, int depth) {
        if (n == null || depth > MAX_DEPTH) return;
        if (n.isArray()) {
            for (JsonNode c : n) flatten(c, out, byId, depth + 1);
            return;
        }
        if (!n.isObject()) return;
        String id = text(n.get("@id"));
        if (id != null && n.size() > 1) byId.putIfAbsent(id, n);
        if (n.has("@type")) out.add(n);
        if (n.has("@graph")) flatten(n.get("@graph"), out, byId, depth + 1);
    }

    static boolean hasType(JsonNode n, Set<String> types) {
        JsonNode t = n.get("@type");
        if (t == null) return false;
        if (t.isArray()) {
            for (JsonNode x : t) if (types.contains(simpleType(x.asText()))) return true;
            return false;
        }
        return types.contains(simpleType(t.asText()));
    }

    private static String simpleType(String t) {
        int cut = Math.max(t.lastIndexOf('/'), t.lastIndexOf(':'));
        return cut >= 0 ? t.substring(cut + 1) : t;
    }

    /** {@code n} itself, or the node it refers to by {@code @id}. */
    JsonNode deref(JsonNode n) {
        if (n != null && n.isObject() && n.size() == 1 && n.has("@id")) {
            JsonNode target = byId.get(n.get("@id").asText());
            if (target != null) return target;
        }
        return n;
    }

    /** The text of a scalar, or of the first element of an array, or of an object's {@code name}/{@code @value}; else null. */
    static String text(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.isArray()) return n.isEmpty() ? null : text(n.get(0));
        if (n.isObject()) {
            if (n.has("@value")) return text(n.get("@value"));
            return n.has("name") ? text(n.get("name")) : null;
        }
        return n.isValueNode() ? Texts.clean(n.asText()) : null;
    }

    /** A field of the article, dereferenced. */
    JsonNode field(String name) {
        return article == null ? null : deref(article.get(name));
    }

    /** The values of a field that may hold one value or an array, dereferenced. */
    List<JsonNode> all(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        if (n == null || n.isNull()) return out;
        if (n.isArray()) {
            for (JsonNode c : n) if (!c.isNull()) out.add(deref(c));
        } else {
            out.add(deref(n));
        }
        return out;
    }

    /** The {@code url} (or {@code @id}, or {@code contentUrl}) of an image or thing, or its text when it is a plain string. */
    static String urlOf(JsonNode n) {
        if (n == null) return null;
        if (n.isTextual()) return n.asText();
        if (n.isObject()) {
            for (String k : new String[] {"url", "contentUrl", "@id"}) {
                JsonNode v = n.get(k);
                if (v != null && v.isTextual()) return v.asText();
                if (v != null && v.isArray() && !v.isEmpty() && v.get(0).isTextual()) return v.get(0).asText();
            }
        }
        return null;
    }

    /** An integer from a number or a numeric string such as {@code "1200"} or {@code "1200px"}; else null. */
    static Integer integer(JsonNode n) {
        if (n == null) return null;
        if (n.isObject() && n.has("value")) n = n.get("value");
        if (n.isNumber()) return n.asInt() > 0 ? n.asInt() : null;
        if (n.isTextual()) {
            String digits = n.asText().strip().toLowerCase(Locale.ROOT).replaceFirst("\\s*px$", "");
            if (digits.matches("\\d{1,6}")) {
                int v = Integer.parseInt(digits);
                return v > 0 ? v : null;
            }
        }
        return null;
    }
}
