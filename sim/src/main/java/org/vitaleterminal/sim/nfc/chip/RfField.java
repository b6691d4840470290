package org.vitaleterminal.sim.nfc.chip;

import org.vitaleterminal.sim.nfc.phone.Phone;

/**
 * The antenna's field and the phone in it (one at a time). A phone is powered only while the
 * field is on; each power-up is a new {@link Tap} with a new random UID, and its application is
 * told when the tap ends. Guarded by the chip's lock.
 */
final class RfField {
    private boolean on;
    private Phone phone;
    private Tap tap;
    private long taps;

    boolean on() {
        return on;
    }

    Phone phone() {
        return phone;
    }

    /** The current tap, or null when no phone is powered. */
    Tap tap() {
        return tap;
    }

    void place(Phone newPhone) {
        remove();
        phone = newPhone;
        if (on) {
            startTap();
        }
    }

    void remove() {
        endTap();
        phone = null;
    }

    void setOn(boolean value) {
        if (value == on) {
            return;
        }
        on = value;
        if (on && phone != null) {
            startTap();
        } else if (!on) {
            endTap();
        }
    }

    /** The phone goes from ACTIVE to HALT (S(DESELECT)); its application sees a deactivation. */
    void halt(Tap t) {
        t.state = Tap.PiccState.HALT;
        t.isoDep = false;
        t.phone.card().deactivated();
    }

    private void startTap() {
        tap = new Tap(++taps, phone, phone.newUid());
    }

    private void endTap() {
        if (tap != null) {
            tap.phone.card().deactivated();
            tap = null;
        }
    }
}
