package org.vitaleterminal.hal.nfc.pn532.spi;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.vitaleterminal.hal.nfc.pn532.Deadline;
import org.vitaleterminal.hal.nfc.pn532.Pn532Frame;
import org.vitaleterminal.hal.nfc.pn532.Pn532FrameParser;
import org.vitaleterminal.hal.nfc.pn532.Pn532Frames;
import org.vitaleterminal.hal.nfc.pn532.Pn532Transport;
import org.vitaleterminal.hal.nfc.pn532.TimeSource;

/**
 * The PN532 on SPI: mode 0, LSB first, about 1 MHz. The first byte of every chip-select-low
 * transfer says what it is: {@code 01} data write (DW) followed by the frame, {@code 02} status
 * read (SR) answered by one byte whose bit 0 is RDY, {@code 03} data read (DR) followed by the
 * frame. Every byte is bit-reversed in software both ways ({@link BitOrder}), so on the wire
 * (MSB-first controller) DW, SR and DR are {@code 80}, {@code 40} and {@code C0}.
 *
 * <p>Reading: poll SR every {@code pollInterval} until RDY, then one DR transfer of
 * {@code maxFrameLength} bytes: libnfc notes that a DR split over several chip-select periods
 * loses a byte, so the whole frame is clocked in one transfer.
 *
 * <p>Wake-up: the chip wakes when chip select goes low; one SR transfer provides that edge, then
 * the transport waits 10 ms before the first command (Adafruit's CircuitPython driver waits the
 * same after its wake-up byte).
 */
public final class SpiTransport implements Pn532Transport {
    static final int DATA_WRITE = 0x01;
    static final int STATUS_READ = 0x02;
    static final int DATA_READ = 0x03;
    public static final Duration POLL_INTERVAL = Duration.ofMillis(2);
    public static final Duration WAKE_UP_DELAY = Duration.ofMillis(10);
    private static final int READY = 0x01;

    private final SpiBus bus;
    private final TimeSource time;
    private final Duration pollInterval;

    public SpiTransport(SpiBus bus, TimeSource time) {
        this(bus, time, POLL_INTERVAL);
    }

    public SpiTransport(SpiBus bus, TimeSource time, Duration pollInterval) {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("the status poll interval must be positive");
        }
        this.bus = bus;
        this.time = time;
        this.pollInterval = pollInterval;
    }

    @Override
    public void wakeUp() throws IOException {
        status();
        time.sleep(WAKE_UP_DELAY);
    }

    @Override
    public void write(byte[] frame) throws IOException {
        byte[] tx = new byte[1 + frame.length];
        tx[0] = DATA_WRITE;
        System.arraycopy(frame, 0, tx, 1, frame.length);
        transfer(tx);
    }

    @Override
    public Optional<Pn532Frame> read(int maxFrameLength, Duration timeout) throws IOException {
        Deadline deadline = Deadline.after(time, timeout);
        while (true) {
            if ((status() & READY) != 0) {
                return Optional.of(Pn532FrameParser.frameIn(dataRead(maxFrameLength), 0, maxFrameLength));
            }
            if (deadline.passed()) {
                return Optional.empty();
            }
            Duration left = deadline.remaining();
            time.sleep(left.compareTo(pollInterval) < 0 ? left : pollInterval);
        }
    }

    @Override
    public void discardInput() throws IOException {
        for (int i = 0; i < 2 && (status() & READY) != 0; i++) {
            dataRead(Pn532Frames.frameLength(Pn532Frames.MAX_FRAME_DATA - 1));
        }
    }

    @Override
    public String describe() {
        return "spi:" + bus.describe();
    }

    @Override
    public void close() {
        bus.close();
    }

    // ---------------------------------------------------------------------------------------

    private int status() throws IOException {
        return transfer(new byte[] {STATUS_READ, 0x00})[1] & 0xFF;
    }

    /** The bytes clocked in after the DR byte. */
    private byte[] dataRead(int length) throws IOException {
        byte[] tx = new byte[1 + length];
        tx[0] = DATA_READ;
        byte[] rx = transfer(tx);
        byte[] data = new byte[length];
        System.arraycopy(rx, 1, data, 0, length);
        return data;
    }

    private byte[] transfer(byte[] tx) throws IOException {
        byte[] rx = bus.transfer(BitOrder.reverse(tx));
        if (rx.length != tx.length) {
            throw new IOException("SPI transfer on " + bus.describe() + " returned " + rx.length + " of "
                    + tx.length + " bytes");
        }
        return BitOrder.reverse(rx);
    }
}
