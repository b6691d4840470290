package org.vitaleterminal.dist.demo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The scalar values of a JSON object by dotted path ({@code "insured.nir"},
 * {@code "beneficiaries.0.lastName"}): all the demo's printer needs to read an event, without
 * pulling a data-binding library into the shipped jar.
 */
final class JsonFields {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonFields() {}

    /** The fields, or an empty map for text that is not JSON. */
    static Map<String, String> of(String json) {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser parser = JSON.createParser(json)) {
            walk(parser, parser.nextToken(), "", fields);
        } catch (IOException e) {
            return Map.of();
        }
        return fields;
    }

    private static void walk(JsonParser parser, JsonToken token, String path, Map<String, String> fields)
            throws IOException {
        if (token == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                walk(parser, parser.nextToken(), path.isEmpty() ? name : path + "." + name, fields);
            }
        } else if (token == JsonToken.START_ARRAY) {
            int index = 0;
            JsonToken next;
            while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                walk(parser, next, path + "." + index++, fields);
            }
        } else if (token != null) {
            fields.put(path, parser.getText());
        }
    }
}
