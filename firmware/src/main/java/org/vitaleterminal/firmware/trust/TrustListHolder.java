package org.vitaleterminal.firmware.trust;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.vitaleterminal.credential.trust.TrustList;

/**
 * The trust list in use. Verifications read it once each ({@link #current()}), so an update
 * applies from the next verification on and never changes one in progress.
 */
public final class TrustListHolder {
    private final AtomicReference<TrustList> current;

    /** @param initial the list loaded at start, or {@code null} when the terminal has none */
    public TrustListHolder(TrustList initial) {
        this.current = new AtomicReference<>(initial);
    }

    public Optional<TrustList> current() {
        return Optional.ofNullable(current.get());
    }

    void replace(TrustList list) {
        current.set(list);
    }
}
