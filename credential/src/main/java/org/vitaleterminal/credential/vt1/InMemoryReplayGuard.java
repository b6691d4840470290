package org.vitaleterminal.credential.vt1;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * A bounded in-memory {@link ReplayGuard}. Entries leave when their window has passed; if more
 * than {@code capacity} pairs are live at once (far beyond what one counter sees in a five-minute
 * window) the oldest are dropped first.
 */
public final class InMemoryReplayGuard implements ReplayGuard {
    private final int capacity;
    private final LinkedHashMap<ByteBuffer, Instant> accepted = new LinkedHashMap<>();

    public InMemoryReplayGuard(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized boolean wasAccepted(byte[] credentialId, byte[] nonce, Instant now) {
        forgetExpired(now);
        Instant forgetAfter = accepted.get(key(credentialId, nonce));
        return forgetAfter != null && !forgetAfter.isBefore(now);
    }

    @Override
    public synchronized void recordAccepted(byte[] credentialId, byte[] nonce, Instant forgetAfter) {
        accepted.put(key(credentialId, nonce), forgetAfter);
        while (accepted.size() > capacity) {
            Iterator<?> oldest = accepted.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    public synchronized int size() {
        return accepted.size();
    }

    /**
     * Drops expired entries from the oldest end and stops at the first live one: O(1) amortised
     * per call. Windows are nearly in insertion order; an expired entry stuck behind a live one
     * is harmless (the lookup checks its time) and leaves soon after.
     */
    private void forgetExpired(Instant now) {
        Iterator<Instant> oldest = accepted.values().iterator();
        while (oldest.hasNext() && oldest.next().isBefore(now)) {
            oldest.remove();
        }
    }

    private static ByteBuffer key(byte[] credentialId, byte[] nonce) {
        return ByteBuffer.allocate(credentialId.length + nonce.length).put(credentialId).put(nonce).flip();
    }
}
