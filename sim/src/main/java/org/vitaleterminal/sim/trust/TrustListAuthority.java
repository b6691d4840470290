package org.vitaleterminal.sim.trust;

import java.util.Objects;
import org.vitaleterminal.sim.cbor.CborMapBuilder;
import org.vitaleterminal.sim.cose.CoseHeaders;
import org.vitaleterminal.sim.cose.CoseSign1Builder;
import org.vitaleterminal.sim.cose.Vt1ExternalAad;
import org.vitaleterminal.sim.keys.SimKeyPair;

/**
 * Signs trust lists with a root key; terminals pin the root's PEM. Protected header
 * {@code {1: alg, 4: root kid}}, external AAD "VT1/trust-list".
 */
public final class TrustListAuthority {
    private final String authorityId;
    private final SimKeyPair root;

    public TrustListAuthority(String authorityId, SimKeyPair root) {
        this.authorityId = Objects.requireNonNull(authorityId, "authorityId");
        this.root = Objects.requireNonNull(root, "root");
    }

    public String authorityId() {
        return authorityId;
    }

    public SimKeyPair root() {
        return root;
    }

    /** The trust root as a terminal is provisioned with it. */
    public String rootPem() {
        return root.spkiPem();
    }

    public byte[] rootKid() {
        return root.kid();
    }

    /** The tagged COSE_Sign1 bytes of the trust list. */
    public byte[] sign(TrustListContent content) {
        return signClaims(content.toClaims(authorityId));
    }

    /** Signs claims a test has edited. */
    public byte[] signClaims(CborMapBuilder claims) {
        return trustListSigner(claims).sign().encode();
    }

    /** A builder preset for a trust list, for tests that spoil the envelope or the signature. */
    public CoseSign1Builder trustListSigner(CborMapBuilder claims) {
        return CoseSign1Builder.create()
                .protectedHeader(CoseHeaders.algAndKid(root.alg(), root.kid()))
                .payload(claims)
                .externalAad(Vt1ExternalAad.TRUST_LIST)
                .signer(root);
    }
}
