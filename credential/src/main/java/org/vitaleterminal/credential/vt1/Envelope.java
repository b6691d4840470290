package org.vitaleterminal.credential.vt1;

import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.Rejection;
import org.vitaleterminal.credential.cbor.CborBytes;
import org.vitaleterminal.credential.cbor.CborDecoder;
import org.vitaleterminal.credential.cbor.CborInteger;
import org.vitaleterminal.credential.cbor.CborItem;
import org.vitaleterminal.credential.cbor.CborMap;
import org.vitaleterminal.credential.cbor.CborProfile;
import org.vitaleterminal.credential.cose.CoseSign1;
import org.vitaleterminal.credential.crypto.CoseAlgorithm;
import org.vitaleterminal.credential.crypto.Kid;

/**
 * Steps 2 and 3: the presentation and the credential inside it taken apart, with the exact
 * header shapes VT1 allows. Nothing here has been verified yet.
 *
 * @param presentation     the outer COSE_Sign1, signed by the holder's device key
 * @param claims           its payload, decoded for shape only
 * @param credential       the inner COSE_Sign1, signed by the issuer
 * @param credentialAlg    the issuer's algorithm from the credential's protected header
 * @param credentialKid    the issuer key id from the credential's protected header
 */
record Envelope(CoseSign1 presentation, PresentationClaims claims, CoseSign1 credential,
                CoseAlgorithm credentialAlg, Kid credentialKid) {
    private static final int SIGNATURE_LENGTH = 64;

    static Envelope open(byte[] presentationBytes) throws Rejection {
        if (presentationBytes.length > Vt1Text.MAX_PRESENTATION_BYTES) {
            throw new Rejection(Reason.TOO_LARGE, "presentation larger than 4096 bytes");
        }
        CoseSign1 presentation = parseSign1(presentationBytes, "presentation");
        PresentationClaims claims = PresentationClaims.decode(presentation.payload());
        CoseSign1 credential = parseSign1(claims.credential(), "credential");

        // Step 3, outer first: its header must be exactly {1: -7}.
        CborMap outer = presentation.protectedHeader();
        CborItem outerAlg = outer.get(CoseSign1.HEADER_ALG);
        if (outerAlg == null || outer.size() != 1) {
            throw new Rejection(Reason.FORMAT, "presentation protected header must be exactly {1: -7}");
        }
        if (!(outerAlg instanceof CborInteger holderAlg) || holderAlg.value() != CoseAlgorithm.ES256.coseValue()) {
            throw new Rejection(Reason.UNSUPPORTED_ALG, "holder signatures must be ES256");
        }
        requireEmpty(presentation.unprotected(), "presentation");

        CborMap inner = credential.protectedHeader();
        CborItem innerAlg = inner.get(CoseSign1.HEADER_ALG);
        if (innerAlg == null || inner.size() != 2
                || !(inner.get(CoseSign1.HEADER_KID) instanceof CborBytes kid) || kid.length() != Kid.LENGTH) {
            throw new Rejection(Reason.FORMAT, "credential protected header must be exactly {1: alg, 4: 8-byte kid}");
        }
        CoseAlgorithm credentialAlg = innerAlg instanceof CborInteger alg
                ? CoseAlgorithm.fromCose(alg.value()).filter(a -> a != CoseAlgorithm.PS256).orElse(null)
                : null;
        if (credentialAlg == null) {
            throw new Rejection(Reason.UNSUPPORTED_ALG, "issuer signatures must be ES256 or EdDSA");
        }
        requireEmpty(credential.unprotected(), "credential");
        if (presentation.signature().length != SIGNATURE_LENGTH || credential.signature().length != SIGNATURE_LENGTH) {
            throw new Rejection(Reason.FORMAT, "signatures must be exactly 64 bytes");
        }
        return new Envelope(presentation, claims, credential, credentialAlg, Kid.of(kid.value()));
    }

    private static CoseSign1 parseSign1(byte[] bytes, String what) throws Rejection {
        try {
            return CoseSign1.parse(CborDecoder.decode(bytes, CborProfile.VT1_COSE), CoseSign1.Tagging.TAG_18_REQUIRED,
                    CborProfile.VT1_PAYLOAD);
        } catch (Rejection e) {
            throw new Rejection(e.reason(), what + ": " + e.detail());
        }
    }

    private static void requireEmpty(CborMap unprotected, String what) throws Rejection {
        if (unprotected.size() != 0) {
            throw new Rejection(Reason.FORMAT, what + " unprotected header must be empty");
        }
    }
}
