package org.vitaleterminal.firmware.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import org.vitaleterminal.credential.cbor.CborArray;
import org.vitaleterminal.credential.cbor.CborBoolean;
import org.vitaleterminal.credential.cbor.CborBytes;
import org.vitaleterminal.credential.cbor.CborInteger;
import org.vitaleterminal.credential.cbor.CborItem;
import org.vitaleterminal.credential.cbor.CborMap;
import org.vitaleterminal.credential.cbor.CborNull;
import org.vitaleterminal.credential.cbor.CborTag;
import org.vitaleterminal.credential.cbor.CborText;

/**
 * Renders a verified CBOR item as JSON — the HC1 certificate's DCC payload is JSON-shaped CBOR.
 * Integer map keys become strings and byte strings base64url, following RFC 8949 §6.1.
 */
public final class CborJson {
    private CborJson() {}

    public static void write(JsonGenerator json, CborItem item) throws IOException {
        switch (item) {
            case CborInteger integer -> json.writeNumber(integer.value());
            case CborText text -> json.writeString(text.value());
            case CborBytes bytes -> json.writeString(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.value()));
            case CborBoolean bool -> json.writeBoolean(bool.value());
            case CborNull ignored -> json.writeNull();
            case CborTag tag -> write(json, tag.content());
            case CborArray array -> {
                json.writeStartArray();
                for (CborItem element : array.items()) {
                    write(json, element);
                }
                json.writeEndArray();
            }
            case CborMap map -> {
                json.writeStartObject();
                for (Map.Entry<CborItem, CborItem> entry : map.entries().entrySet()) {
                    json.writeFieldName(switch (entry.getKey()) {
                        case CborText text -> text.value();
                        case CborInteger integer -> Long.toString(integer.value());
                        default -> throw new IllegalStateException("map keys are integers or text");
                    });
                    write(json, entry.getValue());
                }
                json.writeEndObject();
            }
        }
    }
}
