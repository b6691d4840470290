package org.vitaleterminal.sim.trust;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.sim.keys.SimKeyPair;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.testing.CoseView;
import org.vitaleterminal.sim.testing.JdkSignatures;

class TrustListAuthorityTest {
    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");

    @Test
    void trustListShapeAndSignature() throws Exception {
        for (SimKeyPair root : List.of(SimKeyPair.p256(SimRandom.seeded(1)), SimKeyPair.ed25519(SimRandom.seeded(1)))) {
            TrustListAuthority authority = new TrustListAuthority("FR-VT1-TRUST", root);
            SimKeyPair issuerKey = SimKeyPair.p256(SimRandom.seeded(2));
            IssuerKeyEntry entry = IssuerKeyEntry.of("FR-CNAM", issuerKey, NOW, NOW.plus(Duration.ofDays(365)), false);
            byte[] cti = new byte[16];
            cti[15] = 1;
            byte[] list = authority.sign(TrustListContent.builder().version(3).issuedAt(NOW)
                    .expiresAt(NOW.plus(Duration.ofDays(7))).issuerKey(entry).issuerKey(entry)
                    .revoke(cti, NOW.plus(Duration.ofDays(30))));

            CoseView view = CoseView.decode(list);
            assertEquals(18, view.tag());
            assertEquals(List.of(1L, 4L), List.copyOf(view.protectedHeader().keySet()));
            assertEquals((long) root.alg(), view.protectedHeader().get(1L));
            assertArrayEquals(root.kid(), (byte[]) view.protectedHeader().get(4L));
            assertEquals(Map.of(), view.unprotected());
            assertTrue(JdkSignatures.verify(root.spkiDer(), root.alg(), view.sigStructure("VT1/trust-list"),
                    view.signature()));

            Map<Object, Object> claims = view.claims();
            assertEquals(List.of(1L, 6L, 4L, -70010L, -70011L, -70012L), List.copyOf(claims.keySet()));
            assertEquals("FR-VT1-TRUST", claims.get(1L));
            assertEquals(NOW.getEpochSecond(), claims.get(6L));
            assertEquals(NOW.plus(Duration.ofDays(7)).getEpochSecond(), claims.get(4L));
            assertEquals(3L, claims.get(-70010L));
            List<?> keys = (List<?>) claims.get(-70011L);
            assertEquals(2, keys.size(), "duplicates are kept for negative tests");
            assertArrayEquals(issuerKey.kid(), (byte[]) ((Map<?, ?>) keys.get(0)).get(1L));
            List<?> revocation = (List<?>) ((List<?>) claims.get(-70012L)).get(0);
            assertArrayEquals(cti, (byte[]) revocation.get(0));
            assertEquals(NOW.plus(Duration.ofDays(30)).getEpochSecond(), revocation.get(1));
        }
    }

    @Test
    void rootPemIsTheRootSpki() {
        SimKeyPair root = SimKeyPair.p256(SimRandom.seeded(3));
        TrustListAuthority authority = new TrustListAuthority("FR-VT1-TRUST", root);
        String body = authority.rootPem().replaceAll("-----[A-Z ]+-----", "");
        assertArrayEquals(root.spkiDer(), Base64.getMimeDecoder().decode(body));
        assertArrayEquals(root.kid(), authority.rootKid());
    }
}
