package org.vitaleterminal.sim.cbor;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An indefinite-length byte string, text string, array or map (RFC 8949 §3.2.2): the initial
 * byte with additional information 31, the items, then the "break" byte 0xFF. VT1 forbids
 * these; they exist for negative tests. For a map the items alternate key, value.
 */
public final class CborIndefinite implements CborValue {
    private final int majorType;
    private final List<CborValue> items;

    CborIndefinite(int majorType, List<? extends CborValue> items) {
        this.majorType = majorType;
        this.items = List.copyOf(items);
    }

    public List<CborValue> items() {
        return items;
    }

    int majorType() {
        return majorType;
    }

    @Override
    public void encodeTo(ByteArrayOutputStream out) {
        out.write((majorType << 5) | CborHead.INDEFINITE);
        for (CborValue item : items) {
            item.encodeTo(out);
        }
        out.write(CborHead.BREAK);
    }

    @Override
    public String toString() {
        if (majorType == CborHead.MAP) {
            StringBuilder text = new StringBuilder("{_ ");
            for (int i = 0; i < items.size(); i += 2) {
                text.append(i == 0 ? "" : ", ").append(items.get(i)).append(": ")
                        .append(i + 1 < items.size() ? items.get(i + 1) : "?");
            }
            return text.append('}').toString();
        }
        boolean array = majorType == CborHead.ARRAY;
        return items.stream().map(Object::toString)
                .collect(Collectors.joining(", ", array ? "[_ " : "(_ ", array ? "]" : ")"));
    }
}
