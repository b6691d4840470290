package org.vitaleterminal.credential.hc1;

import java.time.Instant;
import java.util.Set;
import org.vitaleterminal.credential.cbor.CborMap;
import org.vitaleterminal.credential.crypto.CoseAlgorithm;
import org.vitaleterminal.credential.crypto.Kid;

/**
 * What an accepted HC1 (EU Digital COVID Certificate) proved.
 *
 * @param kid           the document signer certificate's key id
 * @param algorithm     the signature algorithm (ES256 or PS256)
 * @param issuerCountry the CWT {@code iss} claim, or {@code null} when absent
 * @param issuedAt      the CWT {@code iat}
 * @param expiresAt     the CWT {@code exp}
 * @param entryTypes    which DCC entry types the payload holds (v / t / r)
 * @param dcc           the {@code eu_dgc_v1} map (claim -260 → 1), for the caller to render
 */
public record VerifiedHcert(Kid kid, CoseAlgorithm algorithm, String issuerCountry, Instant issuedAt,
                            Instant expiresAt, Set<HcertEntryType> entryTypes, CborMap dcc) {
    public VerifiedHcert {
        entryTypes = Set.copyOf(entryTypes);
    }

    /** The DCC holds names and birth dates: never print it. */
    @Override
    public String toString() {
        return "VerifiedHcert[kid=" + kid + ", alg=" + algorithm + ", types=" + entryTypes + "]";
    }
}
