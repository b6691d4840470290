package org.vitaleterminal.sim.nfc.chip;

import java.io.ByteArrayOutputStream;

/** A target the chip activated and numbers for the host (Tg); tied to one tap of a phone. */
final class Target {
    final int tg;
    final Tap tap;
    boolean deselected;
    /** An exchange already reported the target gone: later ones say 0x2B. */
    boolean lossReported;
    /** DataOut received with the MI bit, waiting for the last part. */
    final ByteArrayOutputStream chainIn = new ByteArrayOutputStream();
    /** The rest of a response longer than one frame, sent on {@code 40 Tg}. */
    byte[] chainOut;

    Target(int tg, Tap tap) {
        this.tg = tg;
        this.tap = tap;
    }
}
