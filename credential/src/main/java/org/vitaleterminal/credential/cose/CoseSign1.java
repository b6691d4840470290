package org.vitaleterminal.credential.cose;

import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.Rejection;
import org.vitaleterminal.credential.cbor.CborArray;
import org.vitaleterminal.credential.cbor.CborBytes;
import org.vitaleterminal.credential.cbor.CborDecoder;
import org.vitaleterminal.credential.cbor.CborItem;
import org.vitaleterminal.credential.cbor.CborMap;
import org.vitaleterminal.credential.cbor.CborProfile;
import org.vitaleterminal.credential.cbor.CborTag;

/**
 * The four parts of a COSE_Sign1 message (RFC 9052 §4.2), taken apart without trusting any of
 * them. Which header labels and algorithms are acceptable is the caller's profile; this class
 * only enforces the generic shape.
 *
 * @param protectedBytes  the protected header exactly as received (it is signed as is)
 * @param protectedHeader the protected header decoded (empty when the bytes are empty)
 * @param unprotected     the unprotected header map
 * @param payload         the payload bytes (detached payloads are not supported)
 * @param signature       the signature bytes, of whatever length arrived
 */
public record CoseSign1(byte[] protectedBytes, CborMap protectedHeader, CborMap unprotected, byte[] payload,
                        byte[] signature) {
    public static final int TAG = 18;
    /** The CWT tag; HCERT test data wraps COSE_Sign1 in it (CO28). */
    public static final int CWT_TAG = 61;
    public static final long HEADER_ALG = 1;
    public static final long HEADER_KID = 4;

    /** How the message may be wrapped in tags. */
    public enum Tagging {
        /** Exactly tag 18 (VT1). */
        TAG_18_REQUIRED,
        /** Untagged, tag 18, or tag 61 around tag 18 (HCERT as deployed). */
        LENIENT_HCERT
    }

    /**
     * Takes a decoded item apart.
     *
     * @param headerProfile how the protected header's own bytes are decoded
     */
    public static CoseSign1 parse(CborItem item, Tagging tagging, CborProfile headerProfile) throws Rejection {
        CborItem body = untag(item, tagging);
        if (!(body instanceof CborArray array) || array.size() != 4) {
            throw format("not a four-element array");
        }
        if (!(array.get(0) instanceof CborBytes protectedItem)) {
            throw format("protected header is not a byte string");
        }
        if (!(array.get(1) instanceof CborMap unprotected)) {
            throw format("unprotected header is not a map");
        }
        if (!(array.get(2) instanceof CborBytes payload)) {
            throw format("payload is not a byte string");
        }
        if (!(array.get(3) instanceof CborBytes signature)) {
            throw format("signature is not a byte string");
        }
        byte[] protectedBytes = protectedItem.value();
        CborMap protectedHeader = decodeProtected(protectedBytes, headerProfile);
        return new CoseSign1(protectedBytes, protectedHeader, unprotected, payload.value(), signature.value());
    }

    private static CborItem untag(CborItem item, Tagging tagging) throws Rejection {
        if (item instanceof CborTag outer && outer.tag() == CWT_TAG && tagging == Tagging.LENIENT_HCERT) {
            item = outer.content();
            if (!(item instanceof CborTag inner) || inner.tag() != TAG) {
                throw format("CWT tag not around a COSE_Sign1 tag");
            }
        }
        if (item instanceof CborTag tag) {
            if (tag.tag() != TAG) {
                throw format("not tagged as COSE_Sign1");
            }
            return tag.content();
        }
        if (tagging == Tagging.TAG_18_REQUIRED) {
            throw format("COSE_Sign1 tag 18 missing");
        }
        return item;
    }

    private static CborMap decodeProtected(byte[] bytes, CborProfile profile) throws Rejection {
        if (bytes.length == 0) {
            return CborMap.empty();
        }
        if (!(CborDecoder.decode(bytes, profile) instanceof CborMap map)) {
            throw format("protected header is not a map");
        }
        return map;
    }

    /**
     * The bytes the signature covers (RFC 9052 §4.4). An encoded empty map ({@code a0}) is
     * signed as a zero-length string, as the RFC requires of an empty protected header
     * (cose-wg sign-pass-01); VT1 never gets there because its headers are never empty.
     */
    public byte[] toBeSigned(byte[] externalAad) {
        byte[] bodyProtected = protectedHeader.size() == 0 ? new byte[0] : protectedBytes;
        return SigStructure.signature1(bodyProtected, externalAad, payload);
    }

    private static Rejection format(String detail) {
        return new Rejection(Reason.FORMAT, "cose: " + detail);
    }
}
