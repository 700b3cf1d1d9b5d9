package dev.herald.delivery;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.herald.meta.ArticleMeta;

/** The JSON form of the article snapshot stored with each share, so a share sends what was scheduled. */
final class ArticleJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Keeps the offset of published/modified times as written instead of normalising to UTC.
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            // Snapshots written by a newer Herald may carry fields this one does not know.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // isArticle()/isEmpty() are derived, not state.
            .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE);

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
