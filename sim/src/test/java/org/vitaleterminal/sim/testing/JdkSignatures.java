package org.vitaleterminal.sim.testing;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;

/**
 * Verifies signatures with the JDK's own providers (SunEC), never with BouncyCastle or the
 * credential module, so that the sim is checked against an independent implementation.
 */
public final class JdkSignatures {
    private JdkSignatures() {
    }

    public static PublicKey publicKey(byte[] spkiDer, int alg) throws GeneralSecurityException {
        String family = alg == -7 ? "EC" : "Ed25519";
        return KeyFactory.getInstance(family).generatePublic(new X509EncodedKeySpec(spkiDer));
    }

    /** ES256 (r ‖ s, P1363) or Ed25519, from the SPKI DER. */
    public static boolean verify(byte[] spkiDer, int alg, byte[] message, byte[] signature)
            throws GeneralSecurityException {
        Signature verifier = Signature.getInstance(alg == -7 ? "SHA256withECDSAinP1363Format" : "Ed25519");
        verifier.initVerify(publicKey(spkiDer, alg));
        verifier.update(message);
        return verifier.verify(signature);
    }

    /** ES256 with an ASN.1 DER signature. */
    public static boolean verifyDer(byte[] spkiDer, byte[] message, byte[] derSignature)
            throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(publicKey(spkiDer, -7));
        verifier.update(message);
        return verifier.verify(derSignature);
    }
}
