package dev.herald.internal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Herald's one JSON mapper, shared by every part that reads or writes JSON (request bodies, network
 * answers, stored snapshots, the share endpoint's counts, the CLI's output). An {@link ObjectMapper}
 * is thread-safe once configured, and nothing here configures it again.
 */
public final class Json {
    /**
     * The mapper: times as ISO-8601 text with their offsets kept as written (never normalised to
     * UTC), unknown fields ignored when reading (data written by a newer Herald or a network that
     * added a field), and derived {@code isX()} accessors never written as state.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .build();

    private Json() {}
}
