package org.vitaleterminal.credential.vt1;

import java.time.Instant;

/**
 * Remembers accepted (credential id, nonce) pairs until their freshness window ends, so that a
 * recorded presentation cannot be accepted twice (spec §4 step 8). The terminal persists it
 * across restarts; the verifier only asks and tells.
 *
 * <p>A guard that cannot answer (its store is damaged or unwritable) throws a runtime exception;
 * the verifier hands it on as {@link Unavailable} instead of turning it into a rejection of the
 * payload, so the terminal can report its own fault rather than blame the credential.
 */
public interface ReplayGuard {

    /** The guard could not answer: a fault of the terminal's state, not of the payload. */
    final class Unavailable extends RuntimeException {
        public Unavailable(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }
    }

    boolean wasAccepted(byte[] credentialId, byte[] nonce, Instant now);

    /** Records an accepted pair; it may be forgotten after {@code forgetAfter}. */
    void recordAccepted(byte[] credentialId, byte[] nonce, Instant forgetAfter);
}
