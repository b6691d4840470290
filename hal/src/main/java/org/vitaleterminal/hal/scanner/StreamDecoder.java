package org.vitaleterminal.hal.scanner;

/**
 * Turns the raw bytes of one kind of scanner device into characters and line ends for a
 * {@link LineAssembler}. Used from the scanner's thread only.
 */
public interface StreamDecoder {

    /** The next {@code length} bytes read from the device; records may be split across calls. */
    void decode(byte[] data, int length);

    /** The device went away or reached its end: forget partial input (a half record, a half line). */
    void deviceLost();
}
