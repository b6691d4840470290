package org.vitaleterminal.credential.cose;

import java.util.Set;
import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.Rejection;
import org.vitaleterminal.credential.cbor.CborDecoder;
import org.vitaleterminal.credential.cbor.CborInteger;
import org.vitaleterminal.credential.cbor.CborItem;
import org.vitaleterminal.credential.cbor.CborProfile;
import org.vitaleterminal.credential.crypto.CoseAlgorithm;
import org.vitaleterminal.credential.crypto.VerificationKey;

/**
 * The generic COSE_Sign1 verification steps the terminal applies under both profiles, for tests
 * that run public or mutated messages through decode + parse + policy + verify:
 * <ol>
 *   <li>strict CBOR decode, tags 18 and 61 allowed (the HC1 wrapping; VT1 needs 18 only);</li>
 *   <li>{@link CoseSign1#parse} with {@link CoseSign1.Tagging#LENIENT_HCERT};</li>
 *   <li>{@code alg} only from the protected header (spec §4.3 and §6: "alg MUST be protected";
 *       RFC 9052 §3.1), never in both headers, an integer on our allow-list;</li>
 *   <li>the header {@code alg} must be the key's own algorithm (keys are bound to one algorithm);</li>
 *   <li>signature over {@link CoseSign1#toBeSigned} with the caller's external AAD.</li>
 * </ol>
 * The VT1-only shape rules (exact header label sets, empty unprotected header) are not applied:
 * the public examples carry {@code kid} and {@code ctyp} that VT1 would refuse as shapes.
 */
final class Sign1Harness {
    static final CborProfile MESSAGE_PROFILE =
            new CborProfile(8, Set.of((long) CoseSign1.TAG, (long) CoseSign1.CWT_TAG));

    private Sign1Harness() {}

    static CoseSign1 decodeAndParse(byte[] wire) throws Rejection {
        CborItem item = CborDecoder.decode(wire, MESSAGE_PROFILE);
        return CoseSign1.parse(item, CoseSign1.Tagging.LENIENT_HCERT, CborProfile.VT1_PAYLOAD);
    }

    /** The algorithm named by the protected header, or a rejection. */
    static CoseAlgorithm protectedAlgorithm(CoseSign1 message) throws Rejection {
        CborItem alg = message.protectedHeader().get(CoseSign1.HEADER_ALG);
        if (alg != null && message.unprotected().containsKey(CoseSign1.HEADER_ALG)) {
            throw new Rejection(Reason.FORMAT, "alg in both headers");
        }
        if (alg == null) {
            throw new Rejection(Reason.FORMAT, "alg not in the protected header");
        }
        if (!(alg instanceof CborInteger value)) {
            throw new Rejection(Reason.UNSUPPORTED_ALG, "alg is not an integer");
        }
        return CoseAlgorithm.fromCose(value.value())
                .orElseThrow(() -> new Rejection(Reason.UNSUPPORTED_ALG, "alg not on the allow-list"));
    }

    static void verify(CoseSign1 message, CoseAlgorithm algorithm, VerificationKey key, byte[] externalAad)
            throws Rejection {
        if (key.algorithm() != algorithm) {
            throw new Rejection(Reason.UNSUPPORTED_ALG, "header alg differs from the key's");
        }
        if (!key.verify(message.toBeSigned(externalAad), message.signature())) {
            throw new Rejection(Reason.BAD_SIGNATURE, "signature does not verify");
        }
    }

    /** All steps; returns the verified message. */
    static CoseSign1 verifyAll(byte[] wire, VerificationKey key, byte[] externalAad) throws Rejection {
        CoseSign1 message = decodeAndParse(wire);
        verify(message, protectedAlgorithm(message), key, externalAad);
        return message;
    }
}
