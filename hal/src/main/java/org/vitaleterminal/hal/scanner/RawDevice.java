package org.vitaleterminal.hal.scanner;

import java.io.IOException;
import java.time.Duration;

/** The bytes of an open scanner device (an evdev node, a serial port, a recorded file in tests). */
public interface RawDevice extends AutoCloseable {

    /**
     * Reads what is there into {@code buffer}, waiting up to {@code timeout} for something.
     *
     * @return bytes read; 0 when nothing came in time; -1 when the device reached its end or
     *         went away (it is then closed by the caller and opened again later)
     * @throws IOException on a read error, treated like the device going away
     */
    int read(byte[] buffer, Duration timeout) throws IOException;

    @Override
    void close();

    /** Opens the device anew: at start and after it went away. */
    @FunctionalInterface
    interface Opener {
        RawDevice open() throws IOException;
    }
}
