package org.vitaleterminal.sim.cose;

import org.vitaleterminal.sim.cbor.Cbor;

/**
 * The bytes a COSE_Sign1 signature covers (RFC 9052 §4.4):
 * {@code ["Signature1", protected bstr, external_aad bstr, payload bstr]}.
 */
public final class SigStructure {
    private SigStructure() {
    }

    public static byte[] encode(byte[] protectedBytes, byte[] externalAad, byte[] payload) {
        return Cbor.array(
                Cbor.text("Signature1"),
                Cbor.bytes(protectedBytes),
                Cbor.bytes(externalAad),
                Cbor.bytes(payload)).encode();
    }
}
