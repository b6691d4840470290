package org.vitaleterminal.sim.wallet;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import org.vitaleterminal.sim.cbor.CborMapBuilder;
import org.vitaleterminal.sim.codec.Vt1QrText;
import org.vitaleterminal.sim.cose.CoseHeaders;
import org.vitaleterminal.sim.cose.CoseSign1Builder;
import org.vitaleterminal.sim.cose.Vt1ExternalAad;
import org.vitaleterminal.sim.issuer.MintedCredential;
import org.vitaleterminal.sim.keys.SimKeyPair;

/**
 * The holder's phone app: holds one credential and signs presentations with its device key,
 * disclosing only the beneficiaries asked for. Outer protected header exactly {@code {1: -7}},
 * unprotected {@code {}}, external AAD "VT1/presentation".
 */
public final class Wallet {
    private final MintedCredential credential;

    public Wallet(MintedCredential credential) {
        this.credential = Objects.requireNonNull(credential, "credential");
    }

    public MintedCredential credential() {
        return credential;
    }

    /**
     * The QR text of a fresh presentation: channel 1, a random 16-byte nonce.
     *
     * @param beneficiaryIndexes which beneficiaries to disclose (indexes into the credential's
     *                           list), in this order; at least one
     */
    public String presentQr(Instant iat, SecureRandom random, int... beneficiaryIndexes) {
        return Vt1QrText.of(presentQrBytes(iat, random, beneficiaryIndexes));
    }

    /** The presentation bytes that {@link #presentQr} compresses and Base45-encodes. */
    public byte[] presentQrBytes(Instant iat, SecureRandom random, int... beneficiaryIndexes) {
        byte[] nonce = new byte[PresentationClaims.NONCE_LENGTH];
        random.nextBytes(nonce);
        return signPresentation(claims(iat, nonce, PresentationChannel.QR, beneficiaryIndexes).toMap());
    }

    /**
     * The raw presentation bytes returned over NFC: channel 2, the terminal's challenge as the
     * nonce (used verbatim, whatever its length).
     */
    public byte[] presentNfc(byte[] challenge, Instant iat, int... beneficiaryIndexes) {
        return signPresentation(claims(iat, challenge, PresentationChannel.NFC, beneficiaryIndexes).toMap());
    }

    /** Claims prefilled with this credential and the chosen disclosures, for a test to change. */
    public PresentationClaims claims(Instant iat, byte[] nonce, PresentationChannel channel, int... beneficiaryIndexes) {
        if (beneficiaryIndexes.length == 0) {
            throw new IllegalArgumentException(
                    "disclose at least one beneficiary (build PresentationClaims directly for an empty list)");
        }
        PresentationClaims claims = PresentationClaims.builder()
                .credential(credential.credential())
                .issuedAt(iat)
                .nonce(nonce)
                .channel(channel);
        for (int index : beneficiaryIndexes) {
            claims.disclosure(credential.disclosure(index));
        }
        return claims;
    }

    /** Signs claims with the device key: tagged COSE_Sign1 bytes. */
    public byte[] signPresentation(CborMapBuilder claims) {
        return signPresentation(claims, credential.deviceKey());
    }

    /** Signs claims with another key than the one the credential binds (a wrong holder). */
    public byte[] signPresentation(CborMapBuilder claims, SimKeyPair key) {
        return presentationSigner(claims).signer(key).sign().encode();
    }

    /** A builder preset as a presentation signed by the device key, for envelope tweaks. */
    public CoseSign1Builder presentationSigner(CborMapBuilder claims) {
        return CoseSign1Builder.create()
                .protectedHeader(CoseHeaders.alg(SimKeyPair.ES256))
                .payload(claims)
                .externalAad(Vt1ExternalAad.PRESENTATION)
                .signer(credential.deviceKey());
    }
}
