package dev.herald.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.internal.Json;
import dev.herald.meta.ArticleMeta;

/** The JSON form of the article snapshot stored with each share, so a share sends what was scheduled. */
final class ArticleJson {
    private static final ObjectMapper MAPPER = Json.MAPPER;

    private ArticleJson() {}

    static String write(ArticleMeta article) {
        try {
            return MAPPER.writeValueAsString(article);
        } catch (JsonProcessingException e) {
            throw new DeliveryException("cannot store article snapshot: " + e.getOriginalMessage(), e);
        }
    }

    static ArticleMeta read(String json) {
        try {
            return MAPPER.readValue(json, ArticleMeta.class);
        } catch (JsonProcessingException e) {
            throw new DeliveryException("cannot read article snapshot: " + e.getOriginalMessage(), e);
        }
    }
}
