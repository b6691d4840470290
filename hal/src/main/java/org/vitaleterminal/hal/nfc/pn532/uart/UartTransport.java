package org.vitaleterminal.hal.nfc.pn532.uart;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.vitaleterminal.hal.nfc.pn532.FrameStream;
import org.vitaleterminal.hal.nfc.pn532.Pn532Frame;
import org.vitaleterminal.hal.nfc.pn532.Pn532Transport;
import org.vitaleterminal.hal.nfc.pn532.TimeSource;

/**
 * The PN532 over its high-speed UART (HSU), 115200 8N1 by default, no flow control.
 *
 * <p>Ready signalling is simply bytes arriving: the frame parser runs on the byte stream and
 * skips whatever is not a frame. The chip starts in low-battery mode (and sleeps after
 * PowerDown); it wakes on UART activity, so the first frame after opening the port, or after
 * {@link #wakeUp()}, is preceded by {@code 55 55} and fourteen {@code 00} (libnfc and the Linux
 * kernel send exactly these 16 bytes, about 1.4 ms at 115200, in the same write as the frame).
 */
public final class UartTransport implements Pn532Transport {
    private static final byte[] WAKE_UP = {0x55, 0x55, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    private final SerialLink link;
    private final FrameStream stream;
    private boolean wakeUpPending = true;

    /**
     * @param frameGrace extra time for a frame already arriving when a read times out: the time
     *                   a longest frame (275 bytes) needs on the wire, see {@link #frameGrace(int)}
     */
    public UartTransport(SerialLink link, TimeSource time, Duration frameGrace) {
        this.link = link;
        this.stream = new FrameStream(link::read, time, frameGrace);
    }

    /** At the PN532's default 115200 baud. */
    public UartTransport(SerialLink link, TimeSource time) {
        this(link, time, frameGrace(115_200));
    }

    /** 275 bytes of 10 bits at {@code baud}, plus 20 ms for USB and scheduling latency. */
    public static Duration frameGrace(int baud) {
        return Duration.ofMillis(20 + 275L * 10 * 1000 / Math.max(1, baud));
    }

    @Override
    public void wakeUp() {
        wakeUpPending = true;
    }

    @Override
    public void write(byte[] frame) throws IOException {
        if (wakeUpPending) {
            byte[] out = new byte[WAKE_UP.length + frame.length];
            System.arraycopy(WAKE_UP, 0, out, 0, WAKE_UP.length);
            System.arraycopy(frame, 0, out, WAKE_UP.length, frame.length);
            link.write(out);
        } else {
            link.write(frame);
        }
        wakeUpPending = false;
    }

    /** {@code maxFrameLength} does not matter here: a stream has no fixed read size. */
    @Override
    public Optional<Pn532Frame> read(int maxFrameLength, Duration timeout) throws IOException {
        return stream.read(timeout);
    }

    @Override
    public void discardInput() throws IOException {
        stream.discard();
        link.discardInput();
    }

    @Override
    public String describe() {
        return "uart:" + link.describe();
    }

    @Override
    public void close() {
        link.close();
    }
}
