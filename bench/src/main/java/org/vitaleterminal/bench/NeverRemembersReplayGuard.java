package org.vitaleterminal.bench;

import java.time.Instant;
import org.vitaleterminal.credential.vt1.ReplayGuard;

/**
 * A {@link ReplayGuard} that never remembers anything: every presentation is new to it. Only for
 * the benchmarks, which verify the same presentation over and over and would otherwise measure
 * a {@code REPLAYED} rejection from the second call on. The terminal itself uses a real guard
 * ({@code InMemoryReplayGuard} or its persisted form); what that guard costs is measured
 * separately by {@link Vt1VerifyBenchmark#qrEs256RealReplayGuard}.
 */
final class NeverRemembersReplayGuard implements ReplayGuard {
    static final NeverRemembersReplayGuard INSTANCE = new NeverRemembersReplayGuard();

    private NeverRemembersReplayGuard() {}

    @Override
    public boolean wasAccepted(byte[] credentialId, byte[] nonce, Instant now) {
        return false;
    }

    @Override
    public void recordAccepted(byte[] credentialId, byte[] nonce, Instant forgetAfter) {
        // deliberately forgets
    }
}
