package org.vitaleterminal.credential.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.RSAEngine;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.testing.PublicSuites;

/**
 * A PS256 signature is exactly as long as the modulus (RFC 8017 §8.1.2 step 1). A signature
 * whose integer value has a leading zero byte must not verify once that byte is dropped; the
 * Wycheproof PSS file has no valid vector starting with 0x00, so one is made here with the
 * RSA-2048 key of cose-wg rsa-pss-01 by varying a fixed salt until the first byte is zero.
 */
class SignatureLengthTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void ps256SignatureWithItsLeadingZeroDroppedIsRefused() throws Exception {
        JsonNode jwk = new ObjectMapper().readTree(PublicSuites.resolve("cose-wg/rsa-pss-examples/rsa-pss-01.json").toFile())
                .at("/input/sign/signers/0/key");
        RSAPrivateCrtKeyParameters secret = new RSAPrivateCrtKeyParameters(big(jwk, "n_hex"), big(jwk, "e_hex"),
                big(jwk, "d_hex"), big(jwk, "p_hex"), big(jwk, "q_hex"), big(jwk, "dP_hex"), big(jwk, "dQ_hex"),
                big(jwk, "qi_hex"));
        VerificationKey key = PublicKeys.rsa(big(jwk, "n_hex"), big(jwk, "e_hex"));
        byte[] message = "VT1 signature length".getBytes(StandardCharsets.US_ASCII);

        byte[] signature = null;
        int attempts = 0;
        for (int seed = 0; seed < 5000 && signature == null; seed++) {
            byte[] salt = new byte[32];
            Arrays.fill(salt, (byte) seed);
            salt[0] = (byte) (seed >>> 8);
            PSSSigner signer = new PSSSigner(new RSAEngine(), new SHA256Digest(), new SHA256Digest(), salt);
            signer.init(true, secret);
            signer.update(message, 0, message.length);
            byte[] candidate = signer.generateSignature();
            attempts++;
            if (candidate[0] == 0) {
                signature = candidate;
            }
        }
        assertTrue(signature != null, "no signature with a leading zero in " + attempts + " attempts");
        assertEquals(256, signature.length);
        assertTrue(key.verify(message, signature), "the full-length signature verifies");
        assertFalse(key.verify(message, Arrays.copyOfRange(signature, 1, signature.length)),
                "the same value in 255 bytes must not verify");
        byte[] longer = new byte[257];
        System.arraycopy(signature, 0, longer, 1, 256);
        assertFalse(key.verify(message, longer), "the same value in 257 bytes must not verify");
    }

    private static BigInteger big(JsonNode jwk, String field) {
        return new BigInteger(1, HEX.parseHex(jwk.path(field).asText().toLowerCase(Locale.ROOT)));
    }
}
