package org.vitaleterminal.sim.world;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.sim.issuer.Issuer;
import org.vitaleterminal.sim.issuer.MintedCredential;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.testing.CoseView;
import org.vitaleterminal.sim.testing.JdkSignatures;
import org.vitaleterminal.sim.wallet.Wallet;

class SampleWorldTest {
    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    private final SampleWorld world = SampleWorld.create(SimRandom.seeded(2026), NOW);

    private static Map<?, ?> vitaleData(Wallet wallet) {
        return (Map<?, ?>) CoseView.decode(wallet.credential().credential()).claims().get(-70001L);
    }

    @Test
    void trustListIsSignedByTheRootAndListsTheThreeIssuerKeys() throws Exception {
        CoseView view = CoseView.decode(world.trustList());
        assertTrue(JdkSignatures.verify(world.authority().root().spkiDer(), world.authority().root().alg(),
                view.sigStructure("VT1/trust-list"), view.signature()));
        Map<Object, Object> claims = view.claims();
        assertEquals(1L, claims.get(-70010L));
        assertEquals(NOW.getEpochSecond(), claims.get(6L));
        assertEquals(NOW.plus(Duration.ofDays(7)).getEpochSecond(), claims.get(4L));
        List<?> keys = (List<?>) claims.get(-70011L);
        assertEquals(3, keys.size());
        List<Issuer> issuers = List.of(world.cnam(), world.msa(), world.demoIssuer());
        for (int i = 0; i < 3; i++) {
            Map<?, ?> key = (Map<?, ?>) keys.get(i);
            assertArrayEquals(issuers.get(i).kid(), (byte[]) key.get(1L));
            assertEquals(issuers.get(i).issuerId(), key.get(2L));
            assertEquals(i == 2 ? Boolean.TRUE : null, key.get(7L));
        }
        assertEquals(-7L, ((Map<?, ?>) keys.get(0)).get(3L));
        assertEquals(-8L, ((Map<?, ?>) keys.get(1)).get(3L));
        List<?> revocations = (List<?>) claims.get(-70012L);
        assertEquals(1, revocations.size());
        assertArrayEquals(world.revoked().credential().cti(), (byte[]) ((List<?>) revocations.get(0)).get(0));
    }

    @Test
    void everyCredentialVerifiesWithItsIssuerKeyAndIsWithinTheKeyWindow() throws Exception {
        Map<String, Issuer> byId = Map.of("FR-CNAM", world.cnam(), "FR-MSA", world.msa(), "FR-DEMO", world.demoIssuer());
        for (var named : world.wallets().entrySet()) {
            CoseView view = CoseView.decode(named.getValue().credential().credential());
            Map<Object, Object> claims = view.claims();
            Issuer issuer = byId.get((String) claims.get(1L));
            assertArrayEquals(issuer.kid(), (byte[]) view.protectedHeader().get(4L), named.getKey());
            assertTrue(JdkSignatures.verify(issuer.key().spkiDer(), issuer.key().alg(),
                    view.sigStructure("VT1/credential"), view.signature()), named.getKey());
            assertTrue((Long) claims.get(6L) >= NOW.minus(Duration.ofDays(180)).getEpochSecond(), named.getKey());
            assertTrue((Long) claims.get(4L) <= NOW.plus(Duration.ofDays(730)).getEpochSecond(), named.getKey());
        }
        assertEquals(8, world.wallets().size());
    }

    @Test
    void eachWalletIsTheCaseItsNameSays() {
        long now = NOW.getEpochSecond();
        for (Wallet ok : List.of(world.singleAdult(), world.family(), world.closedRights(), world.revoked(),
                world.msaFarmer(), world.demo(), world.delegated())) {
            MintedCredential credential = ok.credential();
            assertTrue(credential.notBefore().getEpochSecond() <= now && now <= credential.expiresAt().getEpochSecond());
        }
        assertTrue(world.expired().credential().expiresAt().isBefore(NOW));

        assertEquals(List.of(0, 2, 6, 6), world.family().credential().beneficiaries().stream()
                .map(b -> b.qualite()).toList());
        assertEquals(4, ((List<?>) vitaleData(world.family()).get(3L)).size());

        String rightsEnd = world.closedRights().credential().beneficiary(0).amoPeriods().get(0).to();
        assertTrue(rightsEnd.compareTo("20260315") < 0);

        assertEquals(Boolean.TRUE, vitaleData(world.demo()).get(5L));
        assertArrayEquals(world.demoIssuer().kid(), world.demo().credential().issuerKid());
        assertNull(vitaleData(world.singleAdult()).get(5L));

        Map<?, ?> delegation = (Map<?, ?>) vitaleData(world.delegated()).get(4L);
        assertEquals("Françoise DURAND", delegation.get(1L));
        assertEquals(world.family().credential().insured(), world.delegated().credential().insured());

        assertEquals(-8L, CoseView.decode(world.msaFarmer().credential().credential()).protectedHeader().get(1L));
        assertEquals("02", world.msaFarmer().credential().insured().organisme().regime());
    }

    @Test
    void everyDeviceKeyIsP256AndDistinct() {
        List<byte[]> kids = world.wallets().values().stream().map(w -> w.credential().deviceKey().kid()).toList();
        for (int i = 0; i < kids.size(); i++) {
            assertEquals(-7, world.wallets().values().stream().toList().get(i).credential().deviceKey().alg());
            for (int j = i + 1; j < kids.size(); j++) {
                assertFalse(Arrays.equals(kids.get(i), kids.get(j)));
            }
        }
    }
}
