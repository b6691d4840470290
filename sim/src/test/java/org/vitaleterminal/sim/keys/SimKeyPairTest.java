package org.vitaleterminal.sim.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.sim.testing.JdkSignatures;
import org.vitaleterminal.sim.testing.TinyCborReader;

/** Signatures and key encodings checked with the JDK's providers, not with BouncyCastle. */
class SimKeyPairTest {
    private static final byte[] MESSAGE = "Signature1 over something".getBytes(StandardCharsets.US_ASCII);

    @Test
    void es256SignaturesAre64BytesAndVerifyWithTheJdkInP1363Format() throws Exception {
        SimKeyPair key = SimKeyPair.p256(SimRandom.seeded(1));
        assertEquals(-7, key.alg());
        // Across many messages some r or s is below 2^248 and needs left padding to 32 bytes;
        // the count checks that this path really ran.
        int padded = 0;
        for (int i = 0; i < 600; i++) {
            byte[] message = ("message " + i).getBytes(StandardCharsets.US_ASCII);
            byte[] signature = key.sign(message);
            assertEquals(64, signature.length);
            if (signature[0] == 0 || signature[32] == 0) {
                padded++;
            }
            assertTrue(JdkSignatures.verify(key.spkiDer(), -7, message, signature), "signature " + i);
        }
        assertTrue(padded > 0, "no signature needed padding; use more messages");
    }

    @Test
    void es256RejectsAnotherMessageAndAnotherKey() throws Exception {
        SimKeyPair key = SimKeyPair.p256(SimRandom.seeded(2));
        SimKeyPair other = SimKeyPair.p256(SimRandom.seeded(3));
        byte[] signature = key.sign(MESSAGE);
        assertFalse(JdkSignatures.verify(key.spkiDer(), -7, "other".getBytes(StandardCharsets.US_ASCII), signature));
        assertFalse(JdkSignatures.verify(other.spkiDer(), -7, MESSAGE, signature));
    }

    @Test
    void es256DerSignatureVerifiesWithTheJdk() throws Exception {
        SimKeyPair key = SimKeyPair.p256(SimRandom.seeded(4));
        byte[] der = key.signDer(MESSAGE);
        assertEquals(0x30, der[0] & 0xFF);
        assertTrue(JdkSignatures.verifyDer(key.spkiDer(), MESSAGE, der));
    }

    @Test
    void ed25519SignaturesVerifyWithTheJdk() throws Exception {
        SimKeyPair key = SimKeyPair.ed25519(SimRandom.seeded(5));
        assertEquals(-8, key.alg());
        byte[] signature = key.sign(MESSAGE);
        assertEquals(64, signature.length);
        assertTrue(JdkSignatures.verify(key.spkiDer(), -8, MESSAGE, signature));
        assertFalse(JdkSignatures.verify(key.spkiDer(), -8, Arrays.copyOf(MESSAGE, 3), signature));
        assertThrows(UnsupportedOperationException.class, () -> key.signDer(MESSAGE));
    }

    @Test
    void kidIsTheFirstEightBytesOfSha256OverTheSpki() throws Exception {
        for (SimKeyPair key : List.of(SimKeyPair.p256(SimRandom.seeded(6)), SimKeyPair.ed25519(SimRandom.seeded(6)))) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.spkiDer());
            assertArrayEquals(Arrays.copyOf(digest, 8), key.kid());
        }
    }

    @Test
    void ec2CoseKeyHoldsTheSpkiPoint() throws Exception {
        SimKeyPair key = SimKeyPair.p256(SimRandom.seeded(7));
        Map<Object, Object> coseKey = TinyCborReader.decodeMap(key.coseKey().encode());
        assertEquals(List.of(1L, -1L, -2L, -3L), List.copyOf(coseKey.keySet()));
        assertEquals(2L, coseKey.get(1L));
        assertEquals(1L, coseKey.get(-1L));
        ECPublicKey jdkKey = (ECPublicKey) JdkSignatures.publicKey(key.spkiDer(), -7);
        assertEquals(jdkKey.getW().getAffineX(), new BigInteger(1, (byte[]) coseKey.get(-2L)));
        assertEquals(jdkKey.getW().getAffineY(), new BigInteger(1, (byte[]) coseKey.get(-3L)));
        assertEquals(32, ((byte[]) coseKey.get(-2L)).length);
        assertEquals(32, ((byte[]) coseKey.get(-3L)).length);
    }

    @Test
    void okpCoseKeyHoldsTheSpkiKey() throws Exception {
        SimKeyPair key = SimKeyPair.ed25519(SimRandom.seeded(8));
        Map<Object, Object> coseKey = TinyCborReader.decodeMap(key.coseKey().encode());
        assertEquals(List.of(1L, -1L, -2L), List.copyOf(coseKey.keySet()));
        assertEquals(1L, coseKey.get(1L));
        assertEquals(6L, coseKey.get(-1L));
        byte[] spki = key.spkiDer();
        assertArrayEquals(Arrays.copyOfRange(spki, spki.length - 32, spki.length), (byte[]) coseKey.get(-2L));
        assertEquals("Ed25519", ((EdECPublicKey) JdkSignatures.publicKey(spki, -8)).getParams().getName());
    }

    @Test
    void pemWrapsTheSpki() {
        SimKeyPair key = SimKeyPair.p256(SimRandom.seeded(9));
        String pem = key.spkiPem();
        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertTrue(pem.endsWith("\n-----END PUBLIC KEY-----\n"));
        String body = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "");
        body.lines().forEach(line -> assertTrue(line.length() <= 64));
        assertArrayEquals(key.spkiDer(), Base64.getMimeDecoder().decode(body));
    }

    @Test
    void sameSeedSameKeyAndSignatures() {
        SimKeyPair a = SimKeyPair.p256(SimRandom.seeded(10));
        SimKeyPair b = SimKeyPair.p256(SimRandom.seeded(10));
        SimKeyPair c = SimKeyPair.p256(SimRandom.seeded(11));
        assertArrayEquals(a.spkiDer(), b.spkiDer());
        assertArrayEquals(a.sign(MESSAGE), b.sign(MESSAGE)); // RFC 6979: deterministic k
        assertFalse(Arrays.equals(a.spkiDer(), c.spkiDer()));
        assertArrayEquals(SimKeyPair.ed25519(SimRandom.seeded(10)).spkiDer(),
                SimKeyPair.ed25519(SimRandom.seeded(10)).spkiDer());
    }

    @Test
    void toStringShowsOnlyAlgAndKid() {
        SimKeyPair key = SimKeyPair.ed25519(SimRandom.seeded(12));
        assertEquals("EdDSA key " + HexFormat.of().formatHex(key.kid()), key.toString());
    }
}
