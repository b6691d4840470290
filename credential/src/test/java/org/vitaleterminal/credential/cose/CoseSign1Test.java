package org.vitaleterminal.credential.cose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.vitaleterminal.sim.cbor.Cbor.array;
import static org.vitaleterminal.sim.cbor.Cbor.bytes;
import static org.vitaleterminal.sim.cbor.Cbor.embedded;
import static org.vitaleterminal.sim.cbor.Cbor.integer;
import static org.vitaleterminal.sim.cbor.Cbor.map;
import static org.vitaleterminal.sim.cbor.Cbor.nul;
import static org.vitaleterminal.sim.cbor.Cbor.tag;
import static org.vitaleterminal.sim.cbor.Cbor.text;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.Rejection;
import org.vitaleterminal.credential.cbor.CborDecoder;
import org.vitaleterminal.credential.cbor.CborInteger;
import org.vitaleterminal.credential.cbor.CborProfile;
import org.vitaleterminal.sim.cbor.CborValue;

/** The generic COSE_Sign1 shape (RFC 9052 §4.2) that {@link CoseSign1#parse} enforces. */
class CoseSign1Test {
    private static final CborProfile ANY_COSE_TAG = new CborProfile(8, Set.of(18L, 61L, 98L));
    private static final byte[] PROTECTED = map().put(1, integer(-7)).encode();
    private static final byte[] PAYLOAD = map().put(1, text("FR-CNAM")).encode();
    private static final byte[] SIGNATURE = new byte[64];

    @ParameterizedTest
    @EnumSource(CoseSign1.Tagging.class)
    void wellFormedMessageParts(CoseSign1.Tagging tagging) throws Rejection {
        CoseSign1 message = parse(tag(18, array(bytes(PROTECTED), map(), bytes(PAYLOAD), bytes(SIGNATURE))).encode(),
                tagging);
        assertArrayEquals(PROTECTED, message.protectedBytes());
        assertEquals(new CborInteger(-7), message.protectedHeader().get(CoseSign1.HEADER_ALG));
        assertEquals(0, message.unprotected().size());
        assertArrayEquals(PAYLOAD, message.payload());
        assertArrayEquals(SIGNATURE, message.signature());
        // Sig_structure of RFC 9052 §4.4 with the protected bytes as received
        assertArrayEquals(array(text("Signature1"), bytes(PROTECTED), bytes(new byte[] {9}), bytes(PAYLOAD)).encode(),
                message.toBeSigned(new byte[] {9}));
    }

    @Test
    void wrongShapesAreFormat() {
        CborValue[] shapes = {
            array(bytes(PROTECTED), map(), bytes(PAYLOAD)), // three elements
            array(bytes(PROTECTED), map(), bytes(PAYLOAD), bytes(SIGNATURE), bytes(SIGNATURE)), // five
            array(), // none
            map().put(1, integer(2)), // not an array
            array(map().put(1, integer(-7)), map(), bytes(PAYLOAD), bytes(SIGNATURE)), // protected as a bare map
            array(bytes(PROTECTED), bytes(new byte[0]), bytes(PAYLOAD), bytes(SIGNATURE)), // unprotected not a map
            array(bytes(PROTECTED), map(), nul(), bytes(SIGNATURE)), // detached payload (nil)
            array(bytes(PROTECTED), map(), text("payload"), bytes(SIGNATURE)), // payload as text
            array(bytes(PROTECTED), map(), bytes(PAYLOAD), array()), // signature not bytes
            // protected not a map
            array(embedded(array(integer(1), integer(-7))), map(), bytes(PAYLOAD), bytes(SIGNATURE)),
            // trailing byte (00)
            array(bytes(Arrays.copyOf(PROTECTED, PROTECTED.length + 1)), map(), bytes(PAYLOAD), bytes(SIGNATURE)),
            // a duplicate label in the protected header
            array(embedded(map().put(1, integer(-7)).putDuplicate(1, integer(-7))), map(), bytes(PAYLOAD),
                    bytes(SIGNATURE)),
            // a tag inside the protected header
            array(embedded(tag(18, map())), map(), bytes(PAYLOAD), bytes(SIGNATURE)),
            array(bytes(new byte[] {(byte) 0xA1}), map(), bytes(PAYLOAD), bytes(SIGNATURE)), // truncated header
        };
        for (CborValue shape : shapes) {
            byte[] untagged = shape.encode();
            for (byte[] wire : new byte[][] {untagged, tag(18, shape).encode()}) {
                for (CoseSign1.Tagging tagging : CoseSign1.Tagging.values()) {
                    if (wire == untagged && tagging == CoseSign1.Tagging.TAG_18_REQUIRED) {
                        continue; // refused for the missing tag anyway
                    }
                    Rejection rejection = assertThrows(Rejection.class, () -> parse(wire, tagging),
                            HexFormat.of().formatHex(wire) + " " + tagging);
                    assertEquals(Reason.FORMAT, rejection.reason());
                }
            }
        }
    }

    @Test
    void taggingRules() throws Rejection {
        CborValue body = array(bytes(PROTECTED), map(), bytes(PAYLOAD), bytes(SIGNATURE));
        parse(body.encode(), CoseSign1.Tagging.LENIENT_HCERT);
        parse(tag(61, tag(18, body)).encode(), CoseSign1.Tagging.LENIENT_HCERT);
        assertFormat(body, CoseSign1.Tagging.TAG_18_REQUIRED);
        assertFormat(tag(61, tag(18, body)), CoseSign1.Tagging.TAG_18_REQUIRED);
        assertFormat(tag(61, body), CoseSign1.Tagging.LENIENT_HCERT);
        assertFormat(tag(98, body), CoseSign1.Tagging.LENIENT_HCERT);
        assertFormat(tag(18, tag(18, body)), CoseSign1.Tagging.LENIENT_HCERT);
        assertFormat(tag(61, tag(61, tag(18, body))), CoseSign1.Tagging.LENIENT_HCERT);
        assertFormat(tag(18, tag(61, body)), CoseSign1.Tagging.LENIENT_HCERT);
    }

    /** An empty protected bstr and an encoded empty map are both signed as a zero-length string. */
    @Test
    void emptyProtectedHeaderNormalisation() throws Rejection {
        for (byte[] emptyProtected : new byte[][] {new byte[0], new byte[] {(byte) 0xA0}}) {
            CoseSign1 message = parse(tag(18, array(bytes(emptyProtected), map().put(1, integer(-7)), bytes(PAYLOAD),
                    bytes(SIGNATURE))).encode(), CoseSign1.Tagging.TAG_18_REQUIRED);
            assertEquals(0, message.protectedHeader().size());
            assertArrayEquals(
                    array(text("Signature1"), bytes(new byte[0]), bytes(new byte[0]), bytes(PAYLOAD)).encode(),
                    message.toBeSigned(new byte[0]));
        }
    }

    private static void assertFormat(CborValue message, CoseSign1.Tagging tagging) {
        byte[] wire = message.encode();
        assertEquals(Reason.FORMAT, assertThrows(Rejection.class, () -> parse(wire, tagging)).reason());
    }

    private static CoseSign1 parse(byte[] wire, CoseSign1.Tagging tagging) throws Rejection {
        return CoseSign1.parse(CborDecoder.decode(wire, ANY_COSE_TAG), tagging, CborProfile.VT1_PAYLOAD);
    }
}
