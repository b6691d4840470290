package org.vitaleterminal.sim.cbor;

import java.io.ByteArrayOutputStream;

/**
 * One CBOR data item (RFC 8949) as the issuing side writes it. The normal factories in
 * {@link Cbor} give the encoding VT1 requires (shortest arguments, definite lengths); the
 * others exist so that tests can write exactly the malformed or non-canonical item they need.
 *
 * <p>{@code toString()} gives RFC 8949 diagnostic notation, which is what a failing test should
 * show.
 */
public sealed interface CborValue
        permits CborInteger, CborBytes, CborText, CborArray, CborMapBuilder, CborTag, CborSimple,
                CborFloat, CborRaw, CborIndefinite {

    /** Appends this item's encoding. */
    void encodeTo(ByteArrayOutputStream out);

    /** This item's encoding. Maps are mutable, so encode again after changing one. */
    default byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encodeTo(out);
        return out.toByteArray();
    }
}
