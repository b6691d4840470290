package org.vitaleterminal.bench;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vitaleterminal.credential.Rejection;
import org.vitaleterminal.credential.trust.TrustList;
import org.vitaleterminal.credential.trust.TrustListException;
import org.vitaleterminal.credential.trust.TrustListReader;
import org.vitaleterminal.credential.trust.TrustRoot;
import org.vitaleterminal.sim.keys.SimKeyPair;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.trust.IssuerKeyEntry;
import org.vitaleterminal.sim.trust.TrustListAuthority;
import org.vitaleterminal.sim.trust.TrustListContent;

/**
 * A signed trust list of a given size, minted with the sim: {@code keys} distinct ES256
 * (P-256) issuer keys, each for its own issuer id, and {@code revoked} random 16-byte credential
 * ids, signed by an ES256 root. Seeded, so every fork reads the same bytes.
 *
 * @param bytes        the tagged COSE_Sign1 bytes, as the terminal downloads them
 * @param roots        the pinned root that signed them
 * @param kids         every issuer key's 8-byte kid, in list order
 * @param revokedCtis  every revoked cti, in list order
 */
record SyntheticTrustList(byte[] bytes, List<TrustRoot> roots, List<byte[]> kids, List<byte[]> revokedCtis) {

    /** "KEYS/REVOKED", e.g. {@code 1000/100000}: the form the benchmarks' {@code lists} parameter takes. */
    static SyntheticTrustList mint(String size) {
        String[] parts = size.split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("list size must be KEYS/REVOKED, e.g. 1000/100000: " + size);
        }
        return mint(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
    }

    static SyntheticTrustList mint(int keyCount, int revokedCount) {
        SecureRandom random = SimRandom.seeded(BenchWorld.SEED + 31L * keyCount + revokedCount);
        Instant now = BenchWorld.NOW;
        TrustListAuthority authority = new TrustListAuthority("FR-VT1-TRUST", SimKeyPair.p256(random));
        TrustListContent content = TrustListContent.builder()
                .version(1)
                .issuedAt(now)
                .expiresAt(now.plus(Duration.ofDays(7)));
        List<byte[]> kids = new ArrayList<>(keyCount);
        for (int i = 0; i < keyCount; i++) {
            SimKeyPair key = SimKeyPair.p256(random);
            content.issuerKey(IssuerKeyEntry.of(String.format("FR-ISSUER-%05d", i), key,
                    now.minus(Duration.ofDays(180)), now.plus(Duration.ofDays(730)), false));
            kids.add(key.kid());
        }
        List<byte[]> ctis = new ArrayList<>(revokedCount);
        Instant dropAfter = now.plus(Duration.ofDays(30));
        for (int i = 0; i < revokedCount; i++) {
            byte[] cti = new byte[16];
            random.nextBytes(cti);
            content.revoke(cti, dropAfter);
            ctis.add(cti);
        }
        try {
            List<TrustRoot> roots = List.of(TrustRoot.fromPem(authority.rootPem()));
            return new SyntheticTrustList(authority.sign(content), roots, List.copyOf(kids), List.copyOf(ctis));
        } catch (Rejection e) {
            throw new IllegalStateException("the sim's root PEM does not parse", e);
        }
    }

    /** Reads it as the terminal does; throws if it does not verify or has lost entries. */
    TrustList readChecked() {
        TrustList list;
        try {
            list = TrustListReader.read(bytes, roots);
        } catch (TrustListException e) {
            throw new IllegalStateException("the synthetic trust list does not verify", e);
        }
        return checkCounts(list);
    }

    /** Throws unless {@code list} holds as many keys and revocations as were minted. */
    TrustList checkCounts(TrustList list) {
        if (list.issuerKeyCount() != kids.size() || list.revocationCount() != revokedCtis.size()) {
            throw new IllegalStateException("read " + list + ", expected " + kids.size() + " keys and "
                    + revokedCtis.size() + " revocations (a random cti collision?)");
        }
        return list;
    }
}
