package org.vitaleterminal.hal.nfc.pn532.uart;

import java.io.IOException;
import java.time.Duration;

/**
 * The few things the PN532 HSU transport needs from a serial port, so that it can be tested
 * with a fake and run over a real port ({@link JSerialCommLink}) or a pseudo-terminal.
 */
public interface SerialLink extends AutoCloseable {

    /** Writes all bytes (blocking until the driver took them). */
    void write(byte[] data) throws IOException;

    /**
     * Reads what is available into {@code buffer}, waiting up to {@code timeout} for the first
     * byte.
     *
     * @return the number of bytes read, 0 when none came in time
     */
    int read(byte[] buffer, Duration timeout) throws IOException;

    /** Drops every byte received and not read yet. Must not drop bytes still being sent. */
    void discardInput() throws IOException;

    /** e.g. {@code /dev/ttyS0@115200}. */
    String describe();

    @Override
    void close();
}
