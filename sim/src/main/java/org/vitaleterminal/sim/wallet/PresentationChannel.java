package org.vitaleterminal.sim.wallet;

/** Presentation claim 4: how the presentation travels. */
public enum PresentationChannel {
    QR(1),
    NFC(2);

    private final int code;

    PresentationChannel(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
