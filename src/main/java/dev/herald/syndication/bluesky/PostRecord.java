package dev.herald.syndication.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.meta.ArticleMeta;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code com.atproto.repo.createRecord} input for one post, in the lexicon's own words:
 * {@code {repo, collection, rkey, record: {$type, text, createdAt, langs, facets, embed}}}.
 * Shared by sending and previewing, so the dry run shows exactly what is sent.
 */
final class PostRecord {
    static final String COLLECTION = "app.bsky.feed.post";
    static final String EXTERNAL = "app.bsky.embed.external";

    // Bluesky's client writes millisecond UTC times; the lexicon asks for RFC 3339 with a zone.
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern LANG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

    private PostRecord() {}

    /**
     * The createRecord input.
     *
     * @param repo the account's DID (or, in a preview before any session, a note saying so)
     * @param thumb the uploaded blob reference, a text note in a preview, or {@code null} for none
     */
    static ObjectNode input(String repo, String rkey, String text, Instant createdAt, List<String> langs, ArticleMeta article, JsonNode thumb) {
        ObjectNode input = XrpcClient.JSON.createObjectNode();
        input.put("repo", repo);
        input.put("collection", COLLECTION);
        input.put("rkey", rkey);
        ObjectNode record = input.putObject("record");
        record.put("$type", COLLECTION);
        record.put("text", text);
        record.put("createdAt", CREATED_AT.format(createdAt));
        if (!langs.isEmpty()) {
            langs.forEach(record.putArray("langs")::add);
        }
        List<Facets.Facet> facets = Facets.of(text);
        if (!facets.isEmpty()) record.set("facets", Facets.toJson(facets));
        ObjectNode embed = record.putObject("embed");
        embed.put("$type", EXTERNAL);
        ObjectNode external = embed.putObject("external");
        external.put("uri", article.url().toString());
        // The lexicon requires both strings; an article without them still gets its card.
        external.put("title", article.title() == null ? "" : article.title());
        external.put("description", article.description() == null ? "" : article.description());
        if (thumb != null) external.set("thumb", thumb);
        return input;
    }

    /** The account's languages, or else the article's, as the lexicon takes them (at most 3, BCP 47). */
    static List<String> langs(List<String> configured, ArticleMeta article) {
        if (!configured.isEmpty()) return configured;
        if (article.locale() == null) return List.of();
        String tag = article.locale().toLanguageTag();
        return tag.equals("und") || !LANG.matcher(tag).matches() ? List.of() : List.of(tag);
    }
}
