package org.vitaleterminal.credential.vt1;

import java.time.Instant;

/**
 * Remembers accepted (credential id, nonce) pairs until their freshness window ends, so that a
 * recorded presentation cannot be accepted twice (spec §4 step 8). The terminal persists it
 * across restarts; the verifier only asks and tells.
 */
public interface ReplayGuard {

    boolean wasAccepted(byte[] credentialId, byte[] nonce, Instant now);

    /** Records an accepted pair; it may be forgotten after {@code forgetAfter}. */
    void recordAccepted(byte[] credentialId, byte[] nonce, Instant forgetAfter);
}
