package org.vitaleterminal.sim.nfc.host;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.vitaleterminal.sim.nfc.chip.HostLink;
import org.vitaleterminal.sim.nfc.chip.VirtualPn532;

/**
 * The chip as an SPI slave (mode 0, LSB first), one method per chip-select-low transfer. Bytes
 * are given and returned as they are on the wire for an MSB-first controller such as the
 * Raspberry Pi's: bit-reversed (the driver reverses them in software, as libnfc does). The
 * first byte selects the operation (UM §6.2.5):
 * <ul>
 * <li>{@code 01} (wire {@code 80}) data write: the rest of MOSI is a host frame;</li>
 * <li>{@code 02} (wire {@code 40}) status read: the next MISO byte is the status, bit0 = ready;</li>
 * <li>{@code 03} (wire {@code C0}) data read: the next MISO bytes are the pending frame (ACK or
 * response), 00 after its end. A frame can be read over several data reads: each continues where
 * the last stopped, and the status stays "ready" until the frame is fully read.</li>
 * </ul>
 * A transfer that finds the chip asleep wakes it (chip select is a wake-up source) and is itself
 * lost: MISO is all FF, which is how libnfc's SPI driver recognises a sleeping chip. An empty
 * transfer is a bare chip-select pulse. MISO during the operation byte is 00.
 */
public final class Pn532SpiView {
    public static final int DATA_WRITE = 0x01;
    public static final int STATUS_READ = 0x02;
    public static final int DATA_READ = 0x03;

    private final VirtualPn532 chip;
    private byte[] reading;
    private int readPos;

    public Pn532SpiView(VirtualPn532 chip) {
        this.chip = Objects.requireNonNull(chip, "chip");
    }

    /** Reverses the bit order of one byte (LSB-first wire value of an MSB-first byte, and back). */
    public static byte reverse(byte b) {
        return (byte) (Integer.reverse(b & 0xFF) >>> 24);
    }

    public static byte[] reverse(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = reverse(bytes[i]);
        }
        return out;
    }

    public synchronized byte[] transfer(byte[] mosi) {
        byte[] miso = new byte[mosi.length];
        boolean wasAsleep = chip.asleep();
        boolean awake = chip.wake(HostLink.SPI);
        if (wasAsleep || !awake) {
            Arrays.fill(miso, (byte) 0xFF);
            return miso;
        }
        if (mosi.length == 0) {
            return miso;
        }
        byte[] plain = reverse(mosi);
        switch (plain[0]) {
            case DATA_WRITE -> {
                reading = null;
                chip.receive(Arrays.copyOfRange(plain, 1, plain.length), HostLink.SPI);
            }
            case STATUS_READ -> {
                if (miso.length > 1) {
                    miso[1] = ready() ? (byte) 0x01 : 0x00;
                }
            }
            case DATA_READ -> {
                startRead();
                for (int i = 1; i < miso.length; i++) {
                    miso[i] = reading != null && readPos < reading.length ? reading[readPos++] : 0x00;
                }
            }
            default -> {
                // not an operation the chip knows: it ignores the transfer
            }
        }
        return reverse(miso);
    }

    private boolean ready() {
        return (reading != null && readPos < reading.length) || chip.readyTransmission().isPresent();
    }

    /** A data read continues the frame being read, or starts the next ready one. */
    private void startRead() {
        if (reading != null && readPos < reading.length) {
            return;
        }
        reading = null;
        Optional<byte[]> next = chip.readyTransmission();
        if (next.isPresent()) {
            chip.consumeTransmission();
            reading = next.get();
            readPos = 0;
        }
    }
}
