package org.vitaleterminal.firmware.selftest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The report for fleet tools: one JSON object,
 * {@code {"format":"vt.selftest/1","ok":false,"checks":[{"name","required","status","detail","fix"}]}},
 * with {@code fix} null for a pass. The same results as the table, in the same order.
 */
public final class JsonPrinter {
    public static final String FORMAT = "vt.selftest/1";
    private static final JsonFactory JSON = new JsonFactory();

    public void print(List<CheckReport> reports, PrintStream out) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(buffer)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeBooleanField("ok", Summary.of(reports).ok());
            json.writeArrayFieldStart("checks");
            for (CheckReport report : reports) {
                json.writeStartObject();
                json.writeStringField("name", report.name());
                json.writeBooleanField("required", report.required());
                json.writeStringField("status", report.result().status().name());
                json.writeStringField("detail", report.result().detail());
                json.writeStringField("fix", report.result().fix().orElse(null));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        out.println(buffer.toString(StandardCharsets.UTF_8));
    }
}
