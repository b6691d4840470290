package org.vitaleterminal.sim.nfc.host;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.vitaleterminal.sim.nfc.chip.HostLink;
import org.vitaleterminal.sim.nfc.chip.VirtualPn532;

/**
 * The chip as an I2C slave (address 0x24), one method per bus transaction:
 * <ul>
 * <li>{@link #write(byte[])}: a write transaction carrying a host frame. A sleeping chip wakes on
 * its address (clock stretching) and receives the frame whole.</li>
 * <li>{@link #read(int)}: a read transaction of {@code n} bytes: the status byte first
 * ({@code 01} ready, {@code 00} busy), then the pending frame (ACK or response), padded with 00
 * to {@code n}. A 1-byte read only looks at the status and leaves the frame for the next read
 * (Adafruit's CircuitPython driver relies on this); a longer read consumes the frame, even when
 * {@code n} is too short to hold it (the rest is lost, as when a driver reads too few bytes).</li>
 * </ul>
 * Bus-level failures (a busy chip NAKing its address) are not modelled: busy reads return status
 * 00 followed by zeros.
 */
public final class Pn532I2cView {
    public static final int ADDRESS = 0x24;
    public static final int READY = 0x01;
    public static final int BUSY = 0x00;

    private final VirtualPn532 chip;

    public Pn532I2cView(VirtualPn532 chip) {
        this.chip = Objects.requireNonNull(chip, "chip");
    }

    public void write(byte[] transaction) {
        chip.wake(HostLink.I2C);
        chip.receive(transaction.clone(), HostLink.I2C);
    }

    public byte[] read(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a read transaction has at least the status byte: " + n);
        }
        byte[] out = new byte[n];
        Optional<byte[]> frame = chip.readyTransmission();
        if (frame.isEmpty()) {
            out[0] = BUSY;
            return out;
        }
        out[0] = READY;
        if (n > 1) {
            byte[] bytes = frame.get();
            System.arraycopy(bytes, 0, out, 1, Math.min(bytes.length, n - 1));
            chip.consumeTransmission();
        }
        return out;
    }

    /** {@link #read(int)} without the status byte, for tests: the frame bytes read. */
    public byte[] readFrame(int n) {
        byte[] raw = read(n + 1);
        return Arrays.copyOfRange(raw, 1, raw.length);
    }
}
