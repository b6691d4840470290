package org.vitaleterminal.sim.cose;

import java.util.OptionalLong;
import org.vitaleterminal.sim.cbor.Cbor;
import org.vitaleterminal.sim.cbor.CborArray;
import org.vitaleterminal.sim.cbor.CborValue;

/**
 * A signed COSE_Sign1: the four fields, and the tag written around them (none when the test
 * asked for an untagged message).
 */
public final class CoseSign1Message {
    private final byte[] protectedBytes;
    private final CborValue unprotectedHeader;
    private final byte[] payload;
    private final byte[] signature;
    private final OptionalLong tag;

    CoseSign1Message(byte[] protectedBytes, CborValue unprotectedHeader, byte[] payload, byte[] signature,
            OptionalLong tag) {
        this.protectedBytes = protectedBytes.clone();
        this.unprotectedHeader = unprotectedHeader;
        this.payload = payload.clone();
        this.signature = signature.clone();
        this.tag = tag;
    }

    public byte[] protectedBytes() {
        return protectedBytes.clone();
    }

    public byte[] payload() {
        return payload.clone();
    }

    public byte[] signature() {
        return signature.clone();
    }

    /** The untagged array {@code [protected, unprotected, payload, signature]}. */
    public CborArray array() {
        return Cbor.array(Cbor.bytes(protectedBytes), unprotectedHeader, Cbor.bytes(payload), Cbor.bytes(signature));
    }

    /** The whole item: {@code 18([...])} normally. */
    public CborValue toCbor() {
        return tag.isPresent() ? Cbor.tag(tag.getAsLong(), array()) : array();
    }

    public byte[] encode() {
        return toCbor().encode();
    }
}
