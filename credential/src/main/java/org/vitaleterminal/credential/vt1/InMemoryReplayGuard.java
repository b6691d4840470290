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
        return accepted.containsKey(key(credentialId, nonce));
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

    private void forgetExpired(Instant now) {
        accepted.values().removeIf(forgetAfter -> forgetAfter.isBefore(now));
    }

    private static ByteBuffer key(byte[] credentialId, byte[] nonce) {
        return ByteBuffer.allocate(credentialId.length + nonce.length).put(credentialId).put(nonce).flip();
    }
}
