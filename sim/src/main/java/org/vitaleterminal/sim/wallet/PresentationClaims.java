package org.vitaleterminal.sim.wallet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.vitaleterminal.sim.cbor.Cbor;
import org.vitaleterminal.sim.cbor.CborMapBuilder;

/**
 * Builds the presentation-claims map (spec §2.3) the device key signs. {@link #toMap()} is
 * editable, for tests that tamper before {@link Wallet#signPresentation}.
 */
public final class PresentationClaims {
    public static final long CREDENTIAL = 1;
    public static final long IAT = 2;
    public static final long NONCE = 3;
    public static final long CHANNEL = 4;
    public static final long DISCLOSURES = 5;

    public static final int NONCE_LENGTH = 16;

    private byte[] credential;
    private Instant issuedAt;
    private byte[] nonce;
    private long channel;
    private final List<byte[]> disclosures = new ArrayList<>();

    public static PresentationClaims builder() {
        return new PresentationClaims();
    }

    /** The exact bytes of the issuer's credential (tagged COSE_Sign1). */
    public PresentationClaims credential(byte[] credential) {
        this.credential = credential.clone();
        return this;
    }

    public PresentationClaims issuedAt(Instant issuedAt) {
        this.issuedAt = issuedAt;
        return this;
    }

    public PresentationClaims nonce(byte[] nonce) {
        this.nonce = nonce.clone();
        return this;
    }

    public PresentationClaims channel(PresentationChannel channel) {
        return channel(channel.code());
    }

    /** Any number, for tests of channels other than 1 and 2. */
    public PresentationClaims channel(long channel) {
        this.channel = channel;
        return this;
    }

    public PresentationClaims disclosure(byte[] disclosure) {
        disclosures.add(disclosure.clone());
        return this;
    }

    /** Keys in CDDL order; claim 5 holds the disclosures as byte strings, in the order added. */
    public CborMapBuilder toMap() {
        Objects.requireNonNull(credential, "credential not set");
        Objects.requireNonNull(issuedAt, "iat not set");
        Objects.requireNonNull(nonce, "nonce not set");
        return Cbor.map()
                .put(CREDENTIAL, Cbor.bytes(credential))
                .put(IAT, Cbor.integer(issuedAt.getEpochSecond()))
                .put(NONCE, Cbor.bytes(nonce))
                .put(CHANNEL, Cbor.integer(channel))
                .put(DISCLOSURES, Cbor.array(disclosures.stream().map(Cbor::bytes).toList()));
    }
}
