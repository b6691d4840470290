package org.vitaleterminal.sim.nfc.chip;

/**
 * What the host configured: SetParameters flags, SAMConfiguration mode, RFConfiguration retries
 * and timeouts, the serial rate. Reset values are the manual's where it gives them; the
 * SetParameters default has automatic RATS on because Adafruit's libraries never send
 * SetParameters and still talk ISO-DEP to phones through InDataExchange.
 */
final class ChipSettings {
    static final int PARAM_AUTO_RATS = 0x10;
    static final int INFINITE = 0xFF;
    /** SetSerialBaudrate BR index 0..8 (nfcpy, UM §7.2.5). */
    static final int[] BAUD_RATES = {9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600, 1288000};

    int parameters = PARAM_AUTO_RATS;
    int samMode;
    int maxRtyAtr = INFINITE;
    int maxRtyPsl = 0x01;
    int maxRtyPassiveActivation = INFINITE;
    int maxRtyCom;
    int atrTimeoutCode = 0x0B;
    /** RFConfiguration item 02, third byte: 100 µs · 2^(n−1), 0 = wait forever. */
    int commTimeoutCode = 0x0A;
    int wakeUpEnable = 0xFF;
    int baudIndex = 4;
    int pendingBaudIndex = -1;

    boolean autoRats() {
        return (parameters & PARAM_AUTO_RATS) != 0;
    }

    /** The RF timeout for one exchange, in nanoseconds; Long.MAX_VALUE for none. */
    long commTimeoutNanos() {
        if (commTimeoutCode == 0) {
            return Long.MAX_VALUE;
        }
        long single = 100_000L << Math.min(commTimeoutCode - 1, 20);
        return single * (maxRtyCom == INFINITE ? 1 : maxRtyCom + 1);
    }
}
