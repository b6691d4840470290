package org.vitaleterminal.hal.nfc.pn532;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads frames from a byte stream (the UART, or a test's scripted chip) through a
 * {@link Pn532FrameParser} that lives as long as the stream, so that bytes read past one frame
 * (an ACK and its response often arrive in one chunk) are kept for the next read.
 *
 * <p>A frame still arriving when the caller's timeout runs out gets a short grace period (the
 * time the rest of a frame needs on the wire); if it does not complete, it is reported as
 * {@link Pn532Frame.Corrupt} so that the command layer can ask for it again with a NACK instead
 * of waiting for bytes that will never come.
 */
public final class FrameStream {

    /** The bytes underneath: returns as soon as at least one byte is there, 0 on timeout. */
    @FunctionalInterface
    public interface ByteSource {
        int read(byte[] buffer, Duration timeout) throws IOException;
    }

    private final ByteSource source;
    private final TimeSource time;
    private final Duration grace;
    private final Pn532FrameParser parser = new Pn532FrameParser();
    private final byte[] chunk = new byte[512];

    public FrameStream(ByteSource source, TimeSource time, Duration grace) {
        this.source = source;
        this.time = time;
        this.grace = grace;
    }

    public Optional<Pn532Frame> read(Duration timeout) throws IOException {
        Deadline deadline = Deadline.after(time, timeout);
        boolean graceGiven = false;
        boolean readOnce = false; // even a zero timeout looks at what has already arrived
        while (true) {
            Optional<Pn532Frame> frame = parser.next();
            if (frame.isPresent()) {
                return frame;
            }
            if (readOnce && deadline.passed()) {
                if (!parser.inFrame()) {
                    return Optional.empty();
                }
                if (graceGiven) {
                    parser.reset();
                    return Optional.of(new Pn532Frame.Corrupt("frame cut short"));
                }
                graceGiven = true;
                deadline = Deadline.after(time, grace);
            }
            int n = source.read(chunk, deadline.remaining());
            readOnce = true;
            if (n > 0) {
                parser.feed(chunk, 0, n);
            }
        }
    }

    /** Forgets buffered bytes and frames (the caller flushes the source itself). */
    public void discard() {
        parser.reset();
    }
}
