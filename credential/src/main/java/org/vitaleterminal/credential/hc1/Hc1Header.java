package org.vitaleterminal.credential.hc1;

import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.Rejection;
import org.vitaleterminal.credential.cbor.CborBytes;
import org.vitaleterminal.credential.cbor.CborInteger;
import org.vitaleterminal.credential.cbor.CborItem;
import org.vitaleterminal.credential.cbor.CborMap;
import org.vitaleterminal.credential.cbor.CborText;
import org.vitaleterminal.credential.cose.CoseSign1;
import org.vitaleterminal.credential.crypto.CoseAlgorithm;
import org.vitaleterminal.credential.crypto.Kid;

/**
 * The two header parameters HC1 uses, read under the HCERT rules:
 * <ul>
 *   <li>{@code alg} (1) MUST be in the protected header: an unauthenticated alg is how algorithm
 *       confusion starts (RFC 9052 §3.1, dgc-testdata CO20/CO22/CO23);</li>
 *   <li>{@code kid} (4) from the protected header, else from the unprotected one (HCERT allows
 *       both; when both are present the protected one wins, so CO21 passes and CO22 fails);</li>
 *   <li>content type (3) only in the protected header and only as 61 ({@code application/cwt},
 *       what an HCERT payload is): ES 101–103, GR, HR and SK issuers send it;</li>
 *   <li>no other label, in either header. HCERT defines none, no issuer in dgc-testdata sends
 *       one, and a label we ignore might be {@code crit} or one that changes the meaning of the
 *       message. Refusing keeps "what was verified" equal to "what we understood".</li>
 * </ul>
 */
record Hc1Header(CoseAlgorithm algorithm, Kid kid) {
    private static final long HEADER_CONTENT_TYPE = 3;
    /** CoAP content format of {@code application/cwt} (RFC 8392 §9.2). */
    private static final long CONTENT_TYPE_CWT = 61;

    static Hc1Header of(CoseSign1 message) throws Rejection {
        CborMap protectedHeader = message.protectedHeader();
        CborMap unprotected = message.unprotected();
        for (CborItem label : protectedHeader.keys()) {
            if (isLabel(label, HEADER_CONTENT_TYPE)) {
                if (!(protectedHeader.get(HEADER_CONTENT_TYPE) instanceof CborInteger type)
                        || type.value() != CONTENT_TYPE_CWT) {
                    throw format("hc1: content type is not application/cwt");
                }
            } else if (!isLabel(label, CoseSign1.HEADER_ALG) && !isLabel(label, CoseSign1.HEADER_KID)) {
                throw format("hc1: unknown protected header label");
            }
        }
        for (CborItem label : unprotected.keys()) {
            if (isLabel(label, CoseSign1.HEADER_ALG)) {
                throw format("hc1: alg outside the protected header");
            }
            if (!isLabel(label, CoseSign1.HEADER_KID)) {
                throw format("hc1: unknown unprotected header label");
            }
        }
        CborItem alg = protectedHeader.get(CoseSign1.HEADER_ALG);
        if (alg == null) {
            throw format("hc1: alg missing from the protected header");
        }
        Kid kid = kid(protectedHeader, unprotected);
        return new Hc1Header(algorithm(alg), kid);
    }

    private static Kid kid(CborMap protectedHeader, CborMap unprotected) throws Rejection {
        CborItem inProtected = protectedHeader.get(CoseSign1.HEADER_KID);
        CborItem inUnprotected = unprotected.get(CoseSign1.HEADER_KID);
        // Both must at least be what COSE says a kid is, even the one we do not use.
        for (CborItem item : new CborItem[] {inProtected, inUnprotected}) {
            if (item != null && !(item instanceof CborBytes)) {
                throw format("hc1: kid is not a byte string");
            }
        }
        CborBytes chosen = (CborBytes) (inProtected != null ? inProtected : inUnprotected);
        if (chosen == null) {
            throw format("hc1: kid missing");
        }
        if (chosen.length() != Kid.LENGTH) {
            throw format("hc1: kid is not 8 bytes");
        }
        return Kid.of(chosen.value());
    }

    /** ES256 or PS256 (HCERT §2.3); any other registered or textual alg is not allowed here. */
    private static CoseAlgorithm algorithm(CborItem alg) throws Rejection {
        if (alg instanceof CborInteger value) {
            if (value.value() == CoseAlgorithm.ES256.coseValue()) {
                return CoseAlgorithm.ES256;
            }
            if (value.value() == CoseAlgorithm.PS256.coseValue()) {
                return CoseAlgorithm.PS256;
            }
            throw new Rejection(Reason.UNSUPPORTED_ALG, "hc1: alg is not ES256 or PS256");
        }
        if (alg instanceof CborText) {
            throw new Rejection(Reason.UNSUPPORTED_ALG, "hc1: alg is not ES256 or PS256");
        }
        throw format("hc1: alg is neither an integer nor text");
    }

    private static boolean isLabel(CborItem label, long value) {
        return label instanceof CborInteger integer && integer.value() == value;
    }

    private static Rejection format(String detail) {
        return new Rejection(Reason.FORMAT, detail);
    }
}
