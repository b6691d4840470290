package org.vitaleterminal.sim.nfc.chip;

import org.vitaleterminal.sim.nfc.phone.Phone;

/**
 * A phone powered by the field: from when it enters a live field (or the field comes on around
 * it) until it leaves or the field drops. Carries the ISO 14443-3 state and the random UID the
 * phone chose for this activation.
 */
final class Tap {
    enum PiccState { IDLE, ACTIVE, HALT }

    final long id;
    final Phone phone;
    final byte[] uid;
    PiccState state = PiccState.IDLE;
    /** RATS done: the phone speaks ISO-DEP blocks. */
    boolean isoDep;
    /** The PICC's block number (ISO 14443-4 §7.5.3: starts at 1, toggles per I-block). */
    int piccBlock = 1;
    int apdusAnswered;

    Tap(long id, Phone phone, byte[] uid) {
        this.id = id;
        this.phone = phone;
        this.uid = uid;
    }
}
