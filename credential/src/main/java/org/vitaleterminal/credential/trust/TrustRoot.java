package org.vitaleterminal.credential.trust;

import java.util.Base64;
import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.Rejection;
import org.vitaleterminal.credential.crypto.CoseAlgorithm;
import org.vitaleterminal.credential.crypto.Kid;
import org.vitaleterminal.credential.crypto.PublicKeys;
import org.vitaleterminal.credential.crypto.VerificationKey;

/**
 * A pinned trust-list signer key (P-256 or Ed25519), installed on the terminal at provisioning.
 * Its kid is the first 8 bytes of SHA-256 over its SubjectPublicKeyInfo DER.
 */
public record TrustRoot(Kid kid, VerificationKey key) {
    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";

    public TrustRoot {
        if (key.algorithm() == CoseAlgorithm.PS256) {
            throw new IllegalArgumentException("trust roots are P-256 or Ed25519 keys");
        }
    }

    public static TrustRoot fromSubjectPublicKeyInfo(byte[] der) throws Rejection {
        VerificationKey key = PublicKeys.fromSubjectPublicKeyInfo(der);
        if (key.algorithm() == CoseAlgorithm.PS256) {
            throw new Rejection(Reason.FORMAT, "trust root: must be a P-256 or Ed25519 key");
        }
        return new TrustRoot(Kid.derivedFrom(der), key);
    }

    /** Parses one PEM "PUBLIC KEY" block (text around it is ignored, as in most PEM tools). */
    public static TrustRoot fromPem(String pem) throws Rejection {
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new Rejection(Reason.FORMAT, "trust root: no PEM PUBLIC KEY block");
        }
        if (pem.indexOf(BEGIN, begin + 1) >= 0) {
            throw new Rejection(Reason.FORMAT, "trust root: more than one key in one PEM file");
        }
        String body = pem.substring(begin + BEGIN.length(), end).replaceAll("\\s", "");
        try {
            return fromSubjectPublicKeyInfo(Base64.getDecoder().decode(body));
        } catch (IllegalArgumentException e) {
            throw new Rejection(Reason.FORMAT, "trust root: PEM body is not base64");
        }
    }
}
