package org.vitaleterminal.sim.cbor;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A definite-length UTF-8 text string (major type 3). */
public final class CborText implements CborValue {
    private final String text;

    CborText(String text) {
        this.text = java.util.Objects.requireNonNull(text, "text");
    }

    public String text() {
        return text;
    }

    @Override
    public void encodeTo(ByteArrayOutputStream out) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        CborHead.write(out, CborHead.TEXT, utf8.length);
        out.writeBytes(utf8);
    }

    @Override
    public String toString() {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
