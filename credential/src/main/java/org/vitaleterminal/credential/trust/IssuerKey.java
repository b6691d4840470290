package org.vitaleterminal.credential.trust;

import java.time.Instant;
import org.vitaleterminal.credential.crypto.CoseAlgorithm;
import org.vitaleterminal.credential.crypto.Kid;
import org.vitaleterminal.credential.crypto.VerificationKey;

/**
 * An issuer key record from the trust list: which issuer it signs for, with which algorithm,
 * for credentials issued and expiring within which window, and whether it is a demo key.
 */
public record IssuerKey(Kid kid, String issuer, CoseAlgorithm algorithm, VerificationKey key, Instant validFrom,
                        Instant validUntil, boolean demo) {

    /** Whether a credential living from {@code issuedAt} to {@code expiresAt} fits the key's window. */
    public boolean covers(Instant issuedAt, Instant expiresAt) {
        return !issuedAt.isBefore(validFrom) && !expiresAt.isAfter(validUntil);
    }
}
