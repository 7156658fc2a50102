package dev.voxloop.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;

/**
 * Structured values (extractions, lists, event payloads) stored as JSON text. Field names are the record
 * component names (camelCase); times are ISO-8601 strings with full precision, so values round-trip exactly.
 * Unknown fields are ignored on read so rows written by a newer version still load.
 */
public final class Json {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final ObjectMapper mapper;

    public Json() {
        this.mapper = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** JSON text of a value; null stays null. */
    public String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    public <T> T read(String json, Class<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not a " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    public String writeStrings(List<String> values) {
        return write(values == null ? List.of() : values);
    }

    /** A JSON list of strings; null or blank reads as an empty list. */
    public List<String> readStrings(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return List.copyOf(mapper.readValue(json, STRINGS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not a list of strings: " + e.getOriginalMessage(), e);
        }
    }
}
