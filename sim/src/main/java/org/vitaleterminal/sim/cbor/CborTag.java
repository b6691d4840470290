package org.vitaleterminal.sim.cbor;

import java.io.ByteArrayOutputStream;

/** A tagged data item (major type 6), e.g. tag 18 around a COSE_Sign1. */
public final class CborTag implements CborValue {
    private final long tag;
    private final CborValue content;

    CborTag(long tag, CborValue content) {
        this.tag = tag;
        this.content = java.util.Objects.requireNonNull(content, "content");
    }

    public long tag() {
        return tag;
    }

    public CborValue content() {
        return content;
    }

    @Override
    public void encodeTo(ByteArrayOutputStream out) {
        CborHead.write(out, CborHead.TAG, tag);
        content.encodeTo(out);
    }

    @Override
    public String toString() {
        return Long.toUnsignedString(tag) + "(" + content + ")";
    }
}
