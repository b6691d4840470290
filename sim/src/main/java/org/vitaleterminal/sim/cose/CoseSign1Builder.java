package org.vitaleterminal.sim.cose;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import org.vitaleterminal.sim.cbor.Cbor;
import org.vitaleterminal.sim.cbor.CborValue;
import org.vitaleterminal.sim.keys.SimKeyPair;

/**
 * Builds a COSE_Sign1 (RFC 9052 §4.2) with every part under the caller's control. The defaults
 * give what VT1 wants (tag 18, empty unprotected header, the signer's raw 64-byte signature);
 * the other setters exist so that tests can produce each deviation the verifier must refuse.
 */
public final class CoseSign1Builder {
    /** CBOR tag of COSE_Sign1. */
    public static final long TAG = 18;

    private byte[] protectedBytes;
    private CborValue unprotectedHeader = Cbor.map();
    private byte[] payload;
    private byte[] externalAad = new byte[0];
    private byte[] signingAad;
    private SimKeyPair signer;
    private boolean derSignature;
    private UnaryOperator<byte[]> signatureChange = UnaryOperator.identity();
    private OptionalLong tag = OptionalLong.of(TAG);

    public static CoseSign1Builder create() {
        return new CoseSign1Builder();
    }

    /** The protected header, as a map to encode (the bstr content is its encoding). */
    public CoseSign1Builder protectedHeader(CborValue header) {
        return protectedHeaderBytes(header.encode());
    }

    /** The protected header's bstr content, verbatim (may be anything, even empty or not CBOR). */
    public CoseSign1Builder protectedHeaderBytes(byte[] bytes) {
        this.protectedBytes = bytes.clone();
        return this;
    }

    public CoseSign1Builder unprotectedHeader(CborValue header) {
        this.unprotectedHeader = Objects.requireNonNull(header, "header");
        return this;
    }

    public CoseSign1Builder payload(byte[] payload) {
        this.payload = payload.clone();
        return this;
    }

    /** The payload as the encoding of {@code claims} (CDDL {@code bstr .cbor}), taken now. */
    public CoseSign1Builder payload(CborValue claims) {
        return payload(claims.encode());
    }

    public CoseSign1Builder externalAad(byte[] aad) {
        this.externalAad = aad.clone();
        return this;
    }

    public CoseSign1Builder externalAad(Vt1ExternalAad aad) {
        return externalAad(aad.bytes());
    }

    public CoseSign1Builder signer(SimKeyPair signer) {
        this.signer = Objects.requireNonNull(signer, "signer");
        return this;
    }

    /**
     * Signs over another external AAD than the one a verifier will use, e.g. a credential signed
     * as if it were a trust list: the signature is valid, just not for this purpose.
     */
    public CoseSign1Builder signWithAad(byte[] aad) {
        this.signingAad = aad.clone();
        return this;
    }

    public CoseSign1Builder signWithAad(Vt1ExternalAad aad) {
        return signWithAad(aad.bytes());
    }

    /** Puts the ECDSA signature in ASN.1 DER form, which COSE forbids. */
    public CoseSign1Builder derSignature() {
        this.derSignature = true;
        return this;
    }

    /** Changes the computed signature before it is written; see {@link SignatureTweaks}. */
    public CoseSign1Builder changeSignature(UnaryOperator<byte[]> change) {
        this.signatureChange = Objects.requireNonNull(change, "change");
        return this;
    }

    /** Writes {@code signature} instead of a computed one. */
    public CoseSign1Builder replaceSignature(byte[] signature) {
        byte[] copy = signature.clone();
        return changeSignature(ignored -> copy.clone());
    }

    /** Writes the array with no tag around it. */
    public CoseSign1Builder untagged() {
        this.tag = OptionalLong.empty();
        return this;
    }

    /** Writes another tag than 18 (e.g. 98, COSE_Sign, or 61, CWT). */
    public CoseSign1Builder tag(long tag) {
        this.tag = OptionalLong.of(tag);
        return this;
    }

    public CoseSign1Message sign() {
        Objects.requireNonNull(protectedBytes, "protected header not set");
        Objects.requireNonNull(payload, "payload not set");
        Objects.requireNonNull(signer, "signer not set");
        byte[] toBeSigned = SigStructure.encode(protectedBytes, signingAad != null ? signingAad : externalAad, payload);
        byte[] signature = derSignature ? signer.signDer(toBeSigned) : signer.sign(toBeSigned);
        return new CoseSign1Message(protectedBytes, unprotectedHeader, payload, signatureChange.apply(signature), tag);
    }
}
