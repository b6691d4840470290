package org.vitaleterminal.dist;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * One readable line summarising a {@code verify} JSON answer for the demo, with the NIR masked
 * as a counter screen would show it.
 */
final class DemoLine {
    private static final JsonFactory JSON = new JsonFactory();

    private DemoLine() {}

    static String of(String caseName, String verifyJson) {
        Map<String, String> fields = flatten(verifyJson);
        String outcome = fields.getOrDefault("outcome", "?");
        String reason = fields.getOrDefault("reason", "?");
        StringBuilder line = new StringBuilder(String.format("%-14s %-9s %-18s", caseName, outcome, reason));
        if ("accepted".equals(outcome)) {
            line.append(fields.get("beneficiaries.0.firstName")).append(' ')
                    .append(fields.get("beneficiaries.0.lastName"))
                    .append(" · NIR ").append(maskNir(fields.get("insured.nir")))
                    .append(" · ").append(fields.get("credential.issuer"))
                    .append(" · régime ").append(fields.get("insured.organisme.regime"))
                    .append(" · rights ").append("true".equals(fields.get("beneficiaries.0.rightsOpen")) ? "open" : "CLOSED");
            if ("true".equals(fields.get("credential.delegated"))) {
                line.append(" · shown by a delegate");
            }
        } else {
            line.append(fields.getOrDefault("detail", ""));
        }
        return line.toString();
    }

    /** Only the first digit (sex) stays readable: enough to tell a line apart, nothing more. */
    static String maskNir(String nir) {
        if (nir == null || nir.isEmpty()) {
            return "?";
        }
        return nir.charAt(0) + " ** ** ** *** *** **";
    }

    /** Scalar values by dotted path ("insured.nir", "beneficiaries.0.lastName"). */
    private static Map<String, String> flatten(String json) {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser parser = JSON.createParser(json)) {
            walk(parser, parser.nextToken(), "", fields);
        } catch (IOException e) {
            fields.put("outcome", "unreadable");
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
