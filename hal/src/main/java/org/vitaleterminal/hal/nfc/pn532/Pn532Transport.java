package org.vitaleterminal.hal.nfc.pn532;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * How frames reach the PN532 and come back: HSU (UART), I2C or SPI. Each transport hides its
 * own ready signalling (bytes available, status byte RDY bit, SPI status read) and framing
 * quirks (wake-up preamble, I2C status prefix, LSB-first SPI); the command layer above only
 * writes host frames and reads chip frames.
 */
public interface Pn532Transport extends AutoCloseable {

    /** Wakes the chip from low-battery or power-down mode (before SAMConfiguration). */
    void wakeUp() throws IOException;

    /** Writes one complete host frame (information, ACK or NACK), exactly as given. */
    void write(byte[] frame) throws IOException;

    /**
     * Reads the next frame from the chip, skipping any noise before it.
     *
     * @param maxFrameLength the longest frame the caller expects (6 for an ACK); transports that
     *                       must read a fixed number of bytes (I2C, SPI) read this many
     * @param timeout        how long to wait for the chip to be ready
     * @return the frame, or empty when nothing came within the timeout. A frame that began but
     *         could not be read whole (cut short on a stream, or longer than the fixed-size read
     *         of I2C and SPI) comes back as {@link Pn532Frame.Corrupt}, so the caller can NACK it
     */
    Optional<Pn532Frame> read(int maxFrameLength, Duration timeout) throws IOException;

    /** Drops anything the chip sent that was not read yet (before a new command). */
    void discardInput() throws IOException;

    /** A short description for logs and status, e.g. {@code uart:/dev/ttyS0@115200}. */
    String describe();

    @Override
    void close();
}
