package org.vitaleterminal.sim.cose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.sim.cbor.Cbor;
import org.vitaleterminal.sim.keys.SimKeyPair;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.testing.CoseView;
import org.vitaleterminal.sim.testing.HandSigStructure;
import org.vitaleterminal.sim.testing.JdkSignatures;
import org.vitaleterminal.sim.testing.TinyCborReader;

class CoseSign1BuilderTest {
    private static final SimKeyPair ES256 = SimKeyPair.p256(SimRandom.seeded(100));
    private static final SimKeyPair EDDSA = SimKeyPair.ed25519(SimRandom.seeded(101));
    private static final byte[] PAYLOAD = Cbor.map().put(1, Cbor.text("FR-CNAM")).encode();

    private static CoseSign1Builder credentialLike(SimKeyPair key) {
        return CoseSign1Builder.create()
                .protectedHeader(CoseHeaders.algAndKid(key.alg(), key.kid()))
                .payload(PAYLOAD)
                .externalAad(Vt1ExternalAad.CREDENTIAL)
                .signer(key);
    }

    @Test
    void externalAadsAreTheSpecsAsciiLabels() {
        assertEquals("VT1/credential", new String(Vt1ExternalAad.CREDENTIAL.bytes(), java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals("VT1/presentation", Vt1ExternalAad.PRESENTATION.text());
        assertEquals("VT1/trust-list", Vt1ExternalAad.TRUST_LIST.text());
    }

    @Test
    void sigStructureMatchesRfc9052ByteForByte() {
        byte[] protectedBytes = HexFormat.of().parseHex("a10126");
        assertArrayEquals(HandSigStructure.of(protectedBytes, "VT1/presentation", PAYLOAD),
                SigStructure.encode(protectedBytes, Vt1ExternalAad.PRESENTATION.bytes(), PAYLOAD));
        assertEquals("846a5369676e61747572653143a101264040",
                HexFormat.of().formatHex(SigStructure.encode(protectedBytes, new byte[0], new byte[0])));
    }

    @Test
    void defaultShapeIsTaggedWithEmptyUnprotectedHeaderAndA64ByteSignature() throws Exception {
        for (SimKeyPair key : List.of(ES256, EDDSA)) {
            byte[] encoded = credentialLike(key).sign().encode();
            assertEquals(0xD2, encoded[0] & 0xFF, "tag 18 in one byte");
            CoseView view = CoseView.decode(encoded);
            assertEquals(18, view.tag());
            assertEquals(Map.of(1L, (long) key.alg(), 4L, key.kid()).keySet(), view.protectedHeader().keySet());
            assertEquals((long) key.alg(), view.protectedHeader().get(1L));
            assertArrayEquals(key.kid(), (byte[]) view.protectedHeader().get(4L));
            assertEquals(Map.of(), view.unprotected());
            assertArrayEquals(PAYLOAD, view.payload());
            assertEquals(64, view.signature().length);
            assertTrue(JdkSignatures.verify(key.spkiDer(), key.alg(), view.sigStructure("VT1/credential"),
                    view.signature()));
            assertFalse(JdkSignatures.verify(key.spkiDer(), key.alg(), view.sigStructure("VT1/presentation"),
                    view.signature()));
        }
    }

    @Test
    void signingWithAnotherAadGivesASignatureValidOnlyForThatAad() throws Exception {
        CoseView view = CoseView.decode(credentialLike(ES256).signWithAad(Vt1ExternalAad.TRUST_LIST).sign().encode());
        assertFalse(JdkSignatures.verify(ES256.spkiDer(), -7, view.sigStructure("VT1/credential"), view.signature()));
        assertTrue(JdkSignatures.verify(ES256.spkiDer(), -7, view.sigStructure("VT1/trust-list"), view.signature()));
    }

    @Test
    void tagKnobs() {
        Object untagged = TinyCborReader.decode(credentialLike(ES256).untagged().sign().encode());
        assertInstanceOf(List.class, untagged);
        assertEquals(98, ((TinyCborReader.Tagged) TinyCborReader.decode(credentialLike(ES256).tag(98).sign().encode())).tag());
    }

    @Test
    void signatureKnobs() throws Exception {
        byte[] good = credentialLike(ES256).sign().signature();
        assertEquals(63, credentialLike(ES256).changeSignature(SignatureTweaks.truncate(63)).sign().signature().length);
        byte[] longer = credentialLike(ES256).changeSignature(SignatureTweaks.appendZeroByte()).sign().signature();
        assertEquals(65, longer.length);
        assertArrayEquals(good, Arrays.copyOf(longer, 64));
        assertArrayEquals(new byte[64], credentialLike(ES256).changeSignature(SignatureTweaks.zeros()).sign().signature());
        byte[] flipped = credentialLike(ES256).changeSignature(SignatureTweaks.flipBit(10)).sign().signature();
        assertEquals(good[10] ^ 1, flipped[10]);
        assertArrayEquals(new byte[] {1, 2}, credentialLike(ES256).replaceSignature(new byte[] {1, 2}).sign().signature());

        CoseView der = CoseView.decode(credentialLike(ES256).derSignature().sign().encode());
        assertEquals(0x30, der.signature()[0] & 0xFF);
        assertTrue(JdkSignatures.verifyDer(ES256.spkiDer(), der.sigStructure("VT1/credential"), der.signature()));
    }

    @Test
    void rawProtectedAndUnprotectedHeaders() {
        CoseView view = CoseView.decode(credentialLike(ES256)
                .protectedHeaderBytes(new byte[0])
                .unprotectedHeader(Cbor.map().put(4, Cbor.bytes(ES256.kid())))
                .sign().encode());
        assertEquals(0, view.protectedBytes().length);
        assertArrayEquals(ES256.kid(), (byte[]) ((Map<?, ?>) view.unprotected()).get(4L));
    }
}
