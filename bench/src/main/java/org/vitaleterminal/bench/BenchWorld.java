package org.vitaleterminal.bench;

import java.time.Instant;
import java.util.List;
import org.vitaleterminal.credential.Rejection;
import org.vitaleterminal.credential.TerminalState;
import org.vitaleterminal.credential.VerificationResult;
import org.vitaleterminal.credential.hc1.Hc1TrustStore;
import org.vitaleterminal.credential.trust.TrustList;
import org.vitaleterminal.credential.trust.TrustListException;
import org.vitaleterminal.credential.trust.TrustListReader;
import org.vitaleterminal.credential.trust.TrustRoot;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.world.SampleWorld;

/**
 * The simulated world every VT1 benchmark starts from: {@link SampleWorld} drawn from a fixed
 * seed at a fixed instant, so that each fork verifies byte-identical payloads. The terminal's
 * clock is pinned to that instant (no wall clock): presentations minted "now" stay fresh for the
 * whole run, and the trust list never goes stale.
 */
final class BenchWorld {
    static final long SEED = 20_260_101L;
    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    private BenchWorld() {}

    static SampleWorld create() {
        return SampleWorld.create(SimRandom.seeded(SEED), NOW);
    }

    /** The world's signed trust list, read and verified as the terminal does (pinned root PEM). */
    static TrustList trustList(SampleWorld world) {
        try {
            return TrustListReader.read(world.trustList(), List.of(TrustRoot.fromPem(world.rootPem())));
        } catch (TrustListException | Rejection e) {
            throw new IllegalStateException("the sample world's trust list does not verify", e);
        }
    }

    /** A trusted clock at {@link #NOW}, the world's trust list, no HC1 signers. */
    static TerminalState terminalState(SampleWorld world) {
        return new TerminalState(NOW, true, trustList(world), Hc1TrustStore.empty());
    }

    /** Throws unless {@code result} is an acceptance: a benchmark must never time a rejection. */
    static VerificationResult requireAccepted(String what, VerificationResult result) {
        if (!result.accepted()) {
            throw new IllegalStateException(what + " was not accepted: " + result);
        }
        return result;
    }
}
