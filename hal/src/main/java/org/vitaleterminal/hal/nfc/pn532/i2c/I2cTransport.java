package org.vitaleterminal.hal.nfc.pn532.i2c;

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
 * The PN532 on I2C (7-bit address 0x24).
 *
 * <p>Every read transaction starts with a status byte whose bit 0 (RDY) says whether a frame
 * is waiting. The transport polls with one-byte reads, which do not consume the frame (the
 * Adafruit CircuitPython driver relies on this too), then reads the status byte and
 * {@code maxFrameLength} bytes in one transaction and parses the frame after the status byte.
 * An ACK and the response are two separate ready events. A busy PN532 may NAK its address; Linux
 * reports that as EIO on the BCM283x controller and EREMOTEIO on the Pi 5, and Pi4J throws a
 * runtime exception, which {@link Pi4jI2cBus} turns into an IOException: during polling that
 * only means "not ready yet". At least 5 ms of bus-free time separate transactions (libnfc,
 * citing the datasheet's tBUF) and a failed write is tried three times, since the chip answers
 * late on large writes and NAKs the first write after a power-down while it wakes (libnfc, the
 * kernel driver). Waking needs nothing else: the chip wakes on its address, stretching the clock.
 *
 * <p><b>Raspberry Pi caveat.</b> The PN532 stretches the I2C clock (while waking and while
 * answering), and the BCM2835-family I2C master (Pi 1 to 4) mishandles clock stretching: it can
 * emit a too-short clock pulse and sample SDA while SCL is still held, corrupting bytes or
 * hanging the bus (raspberrypi/linux #254, still reported on the Pi 4 in #4884). Corrupt
 * frames are retried with NACKs, but the remedies are outside this class: lower the bus clock
 * ({@code dtparam=i2c_arm_baudrate=10000}, which makes a 3 KB exchange take seconds), use the
 * software {@code i2c-gpio} overlay, or better, wire the PN532 for SPI or the UART. The Pi 5's
 * DesignWare controller does not have this bug.
 */
public final class I2cTransport implements Pn532Transport {
    /** tBUF between transactions, as libnfc does. */
    public static final Duration BUS_FREE_TIME = Duration.ofMillis(5);
    static final int WRITE_ATTEMPTS = 3;
    private static final int READY = 0x01;

    private final I2cBus bus;
    private final TimeSource time;
    private final Duration busFreeTime;
    private long lastTransactionEnd;
    private boolean anyTransaction;

    public I2cTransport(I2cBus bus, TimeSource time) {
        this(bus, time, BUS_FREE_TIME);
    }

    /** @param busFreeTime the pause before every transaction, which also paces status polling */
    public I2cTransport(I2cBus bus, TimeSource time, Duration busFreeTime) {
        if (busFreeTime.isNegative() || busFreeTime.isZero()) {
            throw new IllegalArgumentException("the bus-free time paces polling and must be positive");
        }
        this.bus = bus;
        this.time = time;
        this.busFreeTime = busFreeTime;
    }

    /** Nothing to send: the PN532 wakes when addressed (the first write may be NAKed, and is retried). */
    @Override
    public void wakeUp() {}

    @Override
    public void write(byte[] frame) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            awaitBusFree();
            try {
                bus.write(frame);
                return;
            } catch (IOException e) {
                last = e;
            } finally {
                transactionEnded();
            }
        }
        throw last;
    }

    @Override
    public Optional<Pn532Frame> read(int maxFrameLength, Duration timeout) throws IOException {
        Deadline deadline = Deadline.after(time, timeout);
        while (true) {
            if (ready()) {
                byte[] buffer = new byte[1 + maxFrameLength];
                boolean read = readTransaction(buffer);
                if (read && (buffer[0] & READY) != 0) {
                    return Optional.of(Pn532FrameParser.frameIn(buffer, 1, maxFrameLength));
                }
            }
            if (deadline.passed()) {
                return Optional.empty();
            }
            // the bus-free wait before the next status read is the polling interval
        }
    }

    /** A frame left from an aborted command is read and dropped. */
    @Override
    public void discardInput() throws IOException {
        for (int i = 0; i < 2 && ready(); i++) {
            readTransaction(new byte[1 + Pn532Frames.frameLength(Pn532Frames.MAX_FRAME_DATA - 1)]);
        }
    }

    @Override
    public String describe() {
        return "i2c:" + bus.describe();
    }

    @Override
    public void close() {
        bus.close();
    }

    // ---------------------------------------------------------------------------------------

    private boolean ready() throws IOException {
        byte[] status = new byte[1];
        return readTransaction(status) && (status[0] & READY) != 0;
    }

    /** One read transaction; false when the chip NAKed (busy). */
    private boolean readTransaction(byte[] buffer) throws IOException {
        awaitBusFree();
        try {
            bus.read(buffer);
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            transactionEnded();
        }
    }

    private void awaitBusFree() throws IOException {
        if (anyTransaction) {
            long wait = lastTransactionEnd + busFreeTime.toNanos() - time.nanoTime();
            if (wait > 0) {
                time.sleep(Duration.ofNanos(wait));
            }
        }
    }

    private void transactionEnded() {
        lastTransactionEnd = time.nanoTime();
        anyTransaction = true;
    }
}
