package org.vitaleterminal.credential.cose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.vitaleterminal.sim.cbor.Cbor.array;
import static org.vitaleterminal.sim.cbor.Cbor.bytes;
import static org.vitaleterminal.sim.cbor.Cbor.embedded;
import static org.vitaleterminal.sim.cbor.Cbor.integer;
import static org.vitaleterminal.sim.cbor.Cbor.map;
import static org.vitaleterminal.sim.cbor.Cbor.tag;
import static org.vitaleterminal.sim.cbor.Cbor.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.engines.RSAEngine;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.Rejection;
import org.vitaleterminal.credential.cbor.CborDecoder;
import org.vitaleterminal.credential.cbor.CborProfile;
import org.vitaleterminal.credential.crypto.Digests;
import org.vitaleterminal.credential.crypto.PublicKeys;
import org.vitaleterminal.credential.crypto.VerificationKey;
import org.vitaleterminal.testing.PublicSuites;

/**
 * Robustness of decode + parse + policy + verify: for a few valid COSE_Sign1 messages, every
 * single-byte substitution (all 255 other values at every position), every truncation and a few
 * extensions must end in a {@link Rejection} and never in another exception or a verified
 * message. All messages have an empty unprotected header, so no byte of them is unsigned and
 * "never verifies" holds without exceptions.
 */
class CoseMutationTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Message(String name, byte[] wire, VerificationKey key, byte[] externalAad) {}

    @TestFactory
    Stream<DynamicTest> everyMutationIsRejected() throws Exception {
        return Stream.of(rfc8392A3(), vt1Es256Presentation(), vt1Ed25519Credential(), hc1Ps256())
                .map(m -> DynamicTest.dynamicTest(m.name() + " (" + m.wire().length + " bytes)", () -> mutate(m)));
    }

    private static void mutate(Message m) throws Rejection {
        // the original verifies
        Sign1Harness.verifyAll(m.wire(), m.key(), m.externalAad());

        Map<Reason, Integer> reasons = new EnumMap<>(Reason.class);
        int cases = 0;
        byte[] work = m.wire().clone();
        for (int position = 0; position < work.length; position++) {
            byte original = work[position];
            for (int value = 0; value < 256; value++) {
                if ((byte) value == original) {
                    continue;
                }
                work[position] = (byte) value;
                check(m, work, "byte " + position + " = 0x" + HEX.toHexDigits((byte) value), reasons);
                cases++;
            }
            work[position] = original;
        }
        for (int length = 0; length < m.wire().length; length++) {
            check(m, Arrays.copyOf(m.wire(), length), "truncated to " + length, reasons);
            cases++;
        }
        for (int extra : new int[] {0x00, 0xF6, 0xFF, 0x40, 0xA0}) {
            byte[] longer = Arrays.copyOf(m.wire(), m.wire().length + 1);
            longer[longer.length - 1] = (byte) extra;
            check(m, longer, "extended by 0x" + Integer.toHexString(extra), reasons);
            cases++;
        }
        int total = reasons.values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(cases, total);
        assertEquals(m.wire().length * 255 + m.wire().length + 5, cases);
        System.out.println("mutations " + m.name() + ": " + cases + " cases, all rejected " + reasons);
        assertTrue(reasons.getOrDefault(Reason.BAD_SIGNATURE, 0) > 0, "some mutations reach the signature check");
    }

    private static void check(Message m, byte[] input, String what, Map<Reason, Integer> reasons) {
        try {
            CoseSign1 message = Sign1Harness.decodeAndParse(input);
            // the payload decoder gets the mutated claims whatever happens to the signature
            try {
                CborDecoder.decode(message.payload(), CborProfile.VT1_PAYLOAD);
            } catch (Rejection e) {
                assertEquals(Reason.FORMAT, e.reason(), what + ": payload");
            }
            Sign1Harness.verify(message, Sign1Harness.protectedAlgorithm(message), m.key(), m.externalAad());
            fail(m.name() + ": " + what + " still verifies");
        } catch (Rejection e) {
            reasons.merge(e.reason(), 1, Integer::sum);
        } catch (org.opentest4j.AssertionFailedError e) {
            throw e; // our own assertion, not the code under test
        } catch (RuntimeException | Error e) {
            fail(m.name() + ": " + what + " threw " + e, e);
        }
    }

    // ------------------------------------------------------------ the messages

    /** RFC 8392 A.3, the signed CWT from cose-wg/Examples (ES256, empty unprotected header). */
    private static Message rfc8392A3() throws Exception {
        JsonNode example = JSON.readTree(PublicSuites.resolve("cose-wg/CWT/A_3.json").toFile());
        byte[] wire = HEX.parseHex(example.at("/output/cbor").asText().toLowerCase(java.util.Locale.ROOT));
        return new Message("RFC 8392 A.3", wire, CoseWgTest.keyFromJwk(example.at("/input/sign0/key")), new byte[0]);
    }

    /** A VT1 presentation shape (spec §2.3), ES256, signed here with the RFC 8392 A.3 private key. */
    private static Message vt1Es256Presentation() throws Exception {
        X9ECParameters curve = CustomNamedCurves.getByName("secp256r1");
        ECDomainParameters domain = new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(), curve.getH());
        BigInteger d = new BigInteger(1, HEX.parseHex("6c1382765aec5358f117733d281c1c7bdc39884d04a45a1e6c67c858bc206c19"));
        byte[] protectedBytes = map().put(1, integer(-7)).encode();
        byte[] claims = map()
                .put(1, embedded(tag(18, array(bytes(new byte[] {(byte) 0xA0}), map(), bytes(new byte[0]),
                        bytes(new byte[64])))))
                .put(2, integer(1_767_225_600L))
                .put(3, bytes(filled(16, 0x3C)))
                .put(4, integer(1))
                .put(5, array(embedded(array(bytes(filled(16, 0x5A)), map().put(1, text("MARTIN"))))))
                .encode();
        byte[] aad = "VT1/presentation".getBytes(StandardCharsets.US_ASCII);
        byte[] toBeSigned = SigStructure.signature1(protectedBytes, aad, claims);

        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(d, domain));
        BigInteger[] rs = signer.generateSignature(Digests.sha256(toBeSigned));
        byte[] signature = new byte[64];
        putUnsigned(rs[0], signature, 0);
        putUnsigned(rs[1], signature, 32);

        byte[] wire = tag(18, array(bytes(protectedBytes), map(), bytes(claims), bytes(signature))).encode();
        JsonNode jwk = JSON.readTree(PublicSuites.resolve("cose-wg/CWT/A_3.json").toFile()).at("/input/sign0/key");
        return new Message("VT1-shaped ES256 presentation", wire, CoseWgTest.keyFromJwk(jwk), aad);
    }

    /** A VT1 credential shape (spec §2.3), EdDSA, signed with the RFC 8032 §7.1 TEST 1 key. */
    private static Message vt1Ed25519Credential() throws Exception {
        Ed25519PrivateKeyParameters secret = new Ed25519PrivateKeyParameters(
                HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"), 0);
        byte[] publicKey = secret.generatePublicKey().getEncoded();
        byte[] protectedBytes = map().put(1, integer(-8)).put(4, bytes(filled(8, 0x4B))).encode();
        byte[] claims = map()
                .put(1, text("FR-CNAM"))
                .put(4, integer(1_798_761_600L))
                .put(5, integer(1_767_225_600L))
                .put(6, integer(1_767_225_600L))
                .put(7, bytes(filled(16, 0x7C)))
                .put(-70001, map().put(1, integer(1)).put(3, array(bytes(filled(32, 0x33)))))
                .encode();
        byte[] aad = "VT1/credential".getBytes(StandardCharsets.US_ASCII);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, secret);
        byte[] toBeSigned = SigStructure.signature1(protectedBytes, aad, claims);
        signer.update(toBeSigned, 0, toBeSigned.length);
        byte[] signature = signer.generateSignature();

        byte[] wire = tag(18, array(bytes(protectedBytes), map(), bytes(claims), bytes(signature))).encode();
        VerificationKey key = PublicKeys.fromCoseKey(CborDecoder.decode(
                map().put(1, integer(1)).put(-1, integer(6)).put(-2, bytes(publicKey)).encode(), CborProfile.VT1_PAYLOAD),
                Reason.FORMAT);
        return new Message("VT1-shaped Ed25519 credential", wire, key, aad);
    }

    /** An HC1-style PS256 message, signed with the RSA-2048 key of cose-wg rsa-pss-01 and a fixed salt. */
    private static Message hc1Ps256() throws Exception {
        JsonNode jwk = JSON.readTree(PublicSuites.resolve("cose-wg/rsa-pss-examples/rsa-pss-01.json").toFile())
                .at("/input/sign/signers/0/key");
        RSAPrivateCrtKeyParameters secret = new RSAPrivateCrtKeyParameters(big(jwk, "n_hex"), big(jwk, "e_hex"),
                big(jwk, "d_hex"), big(jwk, "p_hex"), big(jwk, "q_hex"), big(jwk, "dP_hex"), big(jwk, "dQ_hex"),
                big(jwk, "qi_hex"));
        byte[] protectedBytes = map().put(1, integer(-37)).put(4, bytes(filled(8, 0x52))).encode();
        byte[] claims = map().put(1, text("FR")).put(4, integer(1_798_761_600L)).put(6, integer(1_767_225_600L))
                .put(-260, map().put(1, map().put("ver", text("1.3.0")))).encode();
        byte[] toBeSigned = SigStructure.signature1(protectedBytes, new byte[0], claims);
        PSSSigner signer = new PSSSigner(new RSAEngine(), new SHA256Digest(), new SHA256Digest(), filled(32, 0x5A));
        signer.init(true, secret);
        signer.update(toBeSigned, 0, toBeSigned.length);
        byte[] signature = signer.generateSignature();

        byte[] wire = tag(18, array(bytes(protectedBytes), map(), bytes(claims), bytes(signature))).encode();
        return new Message("HC1-shaped PS256", wire, PublicKeys.rsa(big(jwk, "n_hex"), big(jwk, "e_hex")), new byte[0]);
    }

    private static BigInteger big(JsonNode jwk, String field) {
        return new BigInteger(1, HEX.parseHex(jwk.path(field).asText().toLowerCase(java.util.Locale.ROOT)));
    }

    private static byte[] filled(int length, int value) {
        byte[] out = new byte[length];
        Arrays.fill(out, (byte) value);
        return out;
    }

    private static void putUnsigned(BigInteger value, byte[] out, int offset) {
        byte[] raw = value.toByteArray();
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, offset + 32 - copy, copy);
    }
}
