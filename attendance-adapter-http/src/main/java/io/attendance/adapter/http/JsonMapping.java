package io.attendance.adapter.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;

/** The one Jackson configuration of the HTTP adapter, built once per {@link HttpApi}. */
final class JsonMapping {
    static final String JSON = "application/json";

    private JsonMapping() {
    }

    static ObjectMapper newObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule("fast-instants").addSerializer(Instant.class, new InstantText()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // a streamed array must not be flushed to the socket value by value
                .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // {"id":"a","id":"b"} is ambiguous: reject it rather than guess which one was meant
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
    }
}
