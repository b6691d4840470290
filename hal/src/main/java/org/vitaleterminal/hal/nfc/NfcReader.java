package org.vitaleterminal.hal.nfc;

import java.time.Duration;
import java.util.Optional;

/**
 * A contactless reader that finds ISO-DEP (ISO/IEC 14443-4) targets — phones emulating a card —
 * and exchanges short APDUs with them. Every call returns within its timeout (plus the reader's
 * own command timeout): a reader never hangs its caller and never starts threads of its own.
 */
public interface NfcReader extends AutoCloseable {

    /**
     * Waits up to {@code timeout} for an ISO-DEP target in the field (SAK bit 0x20 set); other
     * targets are released and ignored.
     *
     * @return the target, or empty when none came within the timeout
     * @throws ReaderFailureException when the reader itself fails (it tries to recover on the next call)
     */
    Optional<NfcTarget> poll(Duration timeout) throws NfcException;

    /**
     * Sends one short command APDU and returns the response. A {@code 61 XX} status ("more data")
     * is followed with GET RESPONSE and the chunks are joined, so the caller sees one response.
     *
     * @param maxResponseBytes the most response data (without the status word) the caller accepts
     * @throws TargetLostException         when the target left the field or stopped answering
     * @throws ResponseTooLargeException   when the joined response would exceed {@code maxResponseBytes}
     * @throws ReaderFailureException      when the reader itself fails
     */
    ResponseApdu transmit(NfcTarget target, byte[] commandApdu, int maxResponseBytes) throws NfcException;

    /**
     * Whether the target is still in the field and answering (an ISO-DEP presence check that
     * does not disturb the application on the phone). Used to keep quiet while a phone is left
     * on the reader.
     *
     * @throws ReaderFailureException when the reader itself fails
     */
    boolean isPresent(NfcTarget target) throws NfcException;

    /** Releases the target (deselect) so that the next poll starts afresh. Never throws. */
    void release(NfcTarget target);

    /** One line for status and logs, e.g. {@code PN532 v1.6 on pn532:uart:/dev/ttyS0}. */
    String describe();

    /** Turns the RF field off and frees the transport. Never throws. */
    @Override
    void close();
}
