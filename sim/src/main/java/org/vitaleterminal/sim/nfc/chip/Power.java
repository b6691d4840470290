package org.vitaleterminal.sim.nfc.chip;

/**
 * Power mode and sleep (AN10609, UM PowerDown). Asleep, the chip hears nothing but a wake-up on
 * an enabled interface. On HSU the byte that wakes it and the next {@code hsuWakeLostBytes} are
 * lost while its oscillator starts, which is why hosts send {@code 55 55 00 ...} first: a host
 * that sends its frame to a sleeping chip loses the frame's start and never gets an answer.
 */
final class Power {
    private final int hsuWakeLostBytes;
    private PowerState state = PowerState.LOW_VBAT;
    private boolean asleep = true;
    private int wakeEnable = 0xFF;
    private int toDiscard;

    Power(int hsuWakeLostBytes) {
        this.hsuWakeLostBytes = hsuWakeLostBytes;
    }

    PowerState state() {
        return state;
    }

    boolean asleep() {
        return asleep;
    }

    /**
     * Handles bytes arriving on {@code link} while the chip may sleep: returns how many leading
     * bytes of {@code length} are lost (all of them when the link may not wake the chip).
     */
    int lostOnArrival(HostLink link, int length) {
        if (asleep) {
            if (!mayWake(link)) {
                return length;
            }
            wake();
            toDiscard = link == HostLink.HSU ? 1 + hsuWakeLostBytes : 0;
        }
        int lost = Math.min(toDiscard, length);
        toDiscard -= lost;
        return lost;
    }

    /** A wake-up condition on {@code link} (SPI chip select, I2C address match); true if awake after. */
    boolean wakeBy(HostLink link) {
        if (asleep && mayWake(link)) {
            wake();
        }
        return !asleep;
    }

    private boolean mayWake(HostLink link) {
        return state == PowerState.LOW_VBAT || (wakeEnable & link.wakeBit()) != 0;
    }

    private void wake() {
        asleep = false;
        if (state == PowerState.POWER_DOWN) {
            state = PowerState.NORMAL;
        }
    }

    /** SAMConfiguration leaves LowVbat for good. */
    void samConfigured() {
        state = PowerState.NORMAL;
    }

    /** After a command in LowVbat other than SAMConfiguration: back to sleep. */
    void afterCommand() {
        if (state == PowerState.LOW_VBAT) {
            asleep = true;
            toDiscard = 0;
        }
    }

    void powerDown(int wakeUpEnable) {
        state = PowerState.POWER_DOWN;
        wakeEnable = wakeUpEnable;
        asleep = true;
        toDiscard = 0;
    }
}
