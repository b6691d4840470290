package org.vitaleterminal.firmware.nfc;

/**
 * What the NFC flow tells the terminal between taps: for the LEDs and buzzer, and for counters.
 * No method receives personal data. Default methods do nothing.
 */
public interface NfcListener {
    /** A phone entered the field (before anything was read). */
    default void phoneDetected() {}

    /** The wallet is waiting for its holder to unlock it ({@code 69 85}). */
    default void waitingForHolder() {}

    /** The tap ended without a decision: not a VT1 wallet, lost mid-read, or never unlocked. */
    default void tapAbandoned(String why) {}

    /** A second read of the same credential while the phone stayed on the reader: no new event. */
    default void debounced() {}

    NfcListener NONE = new NfcListener() {};
}
