package org.opencps.client.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.InputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON for the client: fields the server adds later are ignored (an older client keeps working),
 * absent values are left out of what we send.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private Json() {
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static String writePretty(Object value) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }

    public static <T> T read(InputStream in, Class<T> type) throws IOException {
        try {
            return MAPPER.readValue(in, type);
        } catch (JacksonException e) {
            throw new IOException("the server's answer is not the JSON expected (" + e.getOriginalMessage() + ")", e);
        }
    }

    public static <T> T read(String text, Class<T> type) throws IOException {
        try {
            return MAPPER.readValue(text, type);
        } catch (JacksonException e) {
            throw new IOException("not the JSON expected (" + e.getOriginalMessage() + ")", e);
        }
    }
}
