package org.vitaleterminal.firmware.json;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The FSE event JSON Schema, for tests that check what the firmware writes: the project's copy
 * in {@code docs/} (which users get) or the normative one beside the test data.
 */
public final class EventSchema {
    private final Schema schema;

    private EventSchema(String schemaText) {
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaText,
                InputFormat.JSON);
    }

    /** The schema published in docs/ (module tests run in firmware/, so it is one level up). */
    public static EventSchema published() throws IOException {
        return new EventSchema(Files.readString(Path.of("..", "docs", "fse-event.schema.json")));
    }

    public static EventSchema from(Path file) throws IOException {
        return new EventSchema(Files.readString(file));
    }

    /** The validation errors, empty when {@code json} is a valid event. */
    public List<String> errors(String json) {
        return schema.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
    }
}
