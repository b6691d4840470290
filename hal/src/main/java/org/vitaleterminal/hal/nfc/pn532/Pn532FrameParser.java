package org.vitaleterminal.hal.nfc.pn532;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Optional;

/**
 * Finds PN532 frames in a byte stream that may also hold noise: wake-up bytes, extra preamble
 * zeros, leftovers of an aborted answer, line glitches. Bytes are fed in any chunks; complete
 * frames come out of {@link #next()} in order.
 *
 * <p>Every frame starts with the start code {@code 00 FF}; anything before one is dropped. A
 * start code followed by a bad length checksum, an impossible length or a bad data checksum is
 * reported as {@link Pn532Frame.Corrupt} and scanning resumes two bytes later, so a real frame
 * hidden behind a false start (or after a frame cut short) is still found. The postamble is not
 * waited for: a frame is complete at its DCS, and a trailing {@code 00} is noise to the next scan.
 *
 * <p>Memory is bounded: the buffer never holds more than one incomplete frame plus one fed
 * chunk, and at most {@value #MAX_QUEUED_FRAMES} complete frames wait to be taken (older ones
 * are dropped). No input makes it throw.
 */
public final class Pn532FrameParser {
    static final int MAX_QUEUED_FRAMES = 32;
    private static final int CAPACITY = 1024;

    private final byte[] buffer = new byte[CAPACITY];
    private int length;
    private final ArrayDeque<Pn532Frame> frames = new ArrayDeque<>();

    /** Adds bytes; out-of-range offsets and counts are clipped rather than thrown on. */
    public void feed(byte[] data, int offset, int count) {
        if (data == null) {
            return;
        }
        int from = Math.max(0, Math.min(offset, data.length));
        int remaining = Math.max(0, Math.min(count, data.length - from));
        while (remaining > 0) {
            int n = Math.min(remaining, CAPACITY - length);
            System.arraycopy(data, from, buffer, length, n);
            length += n;
            from += n;
            remaining -= n;
            parse();
        }
    }

    public void feed(byte[] data) {
        feed(data, 0, data == null ? 0 : data.length);
    }

    /**
     * The frame in a block read in one go (I2C, SPI: a fixed number of bytes after RDY, padded
     * after the frame). A valid frame wins over a corrupt false start before it; a block with
     * no frame, or one cut short, is {@link Pn532Frame.Corrupt}.
     */
    public static Pn532Frame frameIn(byte[] block, int offset, int length) {
        Pn532FrameParser parser = new Pn532FrameParser();
        parser.feed(block, offset, length);
        Pn532Frame corrupt = null;
        for (Optional<Pn532Frame> f = parser.next(); f.isPresent(); f = parser.next()) {
            if (!(f.get() instanceof Pn532Frame.Corrupt)) {
                return f.get();
            }
            corrupt = corrupt == null ? f.get() : corrupt;
        }
        if (corrupt != null) {
            return corrupt;
        }
        return new Pn532Frame.Corrupt(parser.inFrame()
                ? "frame longer than the " + length + " bytes read"
                : "no frame in the " + length + " bytes read");
    }

    /** The oldest complete frame not taken yet. */
    public Optional<Pn532Frame> next() {
        return Optional.ofNullable(frames.poll());
    }

    /** Whether a start code has been seen whose frame is not complete yet. */
    public boolean inFrame() {
        return length >= 2 && buffer[0] == 0x00 && buffer[1] == (byte) 0xFF;
    }

    /** Forgets every byte and frame (after the host flushed its input). */
    public void reset() {
        length = 0;
        frames.clear();
    }

    private void parse() {
        int pos = 0;
        while (true) {
            int start = startCode(pos);
            if (start < 0) {
                // a last 00 may be the first half of a start code still in flight
                pos = length > pos && buffer[length - 1] == 0x00 ? length - 1 : length;
                break;
            }
            pos = start;
            int available = length - pos;
            if (available < 4) {
                break;
            }
            int a = u(pos + 2);
            int b = u(pos + 3);
            if (a == 0x00 && b == 0xFF) {
                emit(new Pn532Frame.Ack());
                pos += 4;
                continue;
            }
            if (a == 0xFF && b == 0x00) {
                emit(new Pn532Frame.Nack());
                pos += 4;
                continue;
            }
            int header;
            int n;
            if (a == 0xFF && b == 0xFF) {
                if (available < 7) {
                    break;
                }
                if (((u(pos + 4) + u(pos + 5) + u(pos + 6)) & 0xFF) != 0) {
                    emit(new Pn532Frame.Corrupt("bad extended length checksum"));
                    pos += 2;
                    continue;
                }
                n = (u(pos + 4) << 8) | u(pos + 5);
                header = 7;
            } else {
                if (((a + b) & 0xFF) != 0) {
                    emit(new Pn532Frame.Corrupt("bad length checksum"));
                    pos += 2;
                    continue;
                }
                n = a;
                header = 4;
            }
            if (n == 0 || n > Pn532Frames.MAX_FRAME_DATA) {
                emit(new Pn532Frame.Corrupt("impossible frame length " + n));
                pos += 2;
                continue;
            }
            if (available < header + n + 1) {
                break;
            }
            int sum = 0;
            for (int i = 0; i <= n; i++) {
                sum += u(pos + header + i);
            }
            if ((sum & 0xFF) != 0) {
                emit(new Pn532Frame.Corrupt("bad data checksum"));
                pos += 2;
                continue;
            }
            int tfi = u(pos + header);
            if (tfi == 0x7F && n == 1) {
                emit(new Pn532Frame.ApplicationError());
            } else {
                emit(new Pn532Frame.Information(tfi, Arrays.copyOfRange(buffer, pos + header + 1, pos + header + n)));
            }
            pos += header + n + 1;
        }
        System.arraycopy(buffer, pos, buffer, 0, length - pos);
        length -= pos;
    }

    private int startCode(int from) {
        for (int i = from; i + 1 < length; i++) {
            if (buffer[i] == 0x00 && buffer[i + 1] == (byte) 0xFF) {
                return i;
            }
        }
        return -1;
    }

    private int u(int index) {
        return buffer[index] & 0xFF;
    }

    private void emit(Pn532Frame frame) {
        if (frames.size() == MAX_QUEUED_FRAMES) {
            frames.poll();
        }
        frames.add(frame);
    }
}
