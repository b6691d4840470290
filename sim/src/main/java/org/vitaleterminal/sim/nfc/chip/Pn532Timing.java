package org.vitaleterminal.sim.nfc.chip;

import java.time.Duration;

/**
 * How long the chip takes, on the chip's own clock (the host link's transfer time is the
 * transport's business, see the pseudo-terminal's pacing).
 *
 * @param ack              from the end of a command frame to its ACK
 * @param localCommand     processing of a command that does not touch the RF field
 * @param activation       anticollision, SELECT and RATS of a type A target
 * @param passiveTry       one InListPassiveTarget attempt that finds nothing
 * @param rfPerByte        one byte on air at 106 kbit/s (9 bits × 128/fc ≈ 85 µs)
 * @param rfPerFrame       per ISO-DEP block: SOF/EOF, CRC, frame delay times
 * @param honourRfTimeouts whether an exchange with a vanished target takes the RF timeout set
 *                         by RFConfiguration item 02 (off: it fails at once)
 */
public record Pn532Timing(Duration ack, Duration localCommand, Duration activation, Duration passiveTry,
        Duration rfPerByte, Duration rfPerFrame, boolean honourRfTimeouts) {

    /** Plausible figures for a PN532 at 106 kbit/s (derived; see shared/notes/pn532.md §3.6). */
    public static Pn532Timing realistic() {
        return new Pn532Timing(Duration.ofNanos(200_000), Duration.ofNanos(500_000), Duration.ofMillis(6),
                Duration.ofMillis(10), Duration.ofNanos(85_000), Duration.ofNanos(500_000), true);
    }

    /** Everything at once: for unit tests that only care about bytes. */
    public static Pn532Timing instant() {
        return new Pn532Timing(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO,
                Duration.ZERO, false);
    }

    /** On-air time of {@code bytes} bytes split into ISO-DEP blocks of up to 250 bytes. */
    long rfNanos(int bytes) {
        long frames = Math.max(1, (bytes + 249) / 250);
        return bytes * rfPerByte.toNanos() + frames * rfPerFrame.toNanos();
    }
}
