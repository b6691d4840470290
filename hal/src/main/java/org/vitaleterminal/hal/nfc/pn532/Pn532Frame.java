package org.vitaleterminal.hal.nfc.pn532;

/**
 * One frame read from the PN532 (user manual §6.2.1): an ACK, a NACK, the application-level
 * error frame, an information frame carrying a response, or bytes that looked like a frame but
 * failed a checksum (the driver answers those with a NACK to have the chip send them again).
 */
public sealed interface Pn532Frame {

    /** {@code 00 00 FF 00 FF 00}: the previous frame was received. */
    record Ack() implements Pn532Frame {}

    /** {@code 00 00 FF FF 00 00}. */
    record Nack() implements Pn532Frame {}

    /** {@code 00 00 FF 01 FF 7F 81 00}: the chip found a syntax error in the last command. */
    record ApplicationError() implements Pn532Frame {}

    /**
     * A normal or extended information frame.
     *
     * @param tfi  frame identifier: 0xD5 from the chip, 0xD4 from the host
     * @param data PD0..PDn: the command or response code followed by its parameters
     */
    record Information(int tfi, byte[] data) implements Pn532Frame {
        public Information {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        /** The response/command code (PD0), or -1 for an empty frame. */
        public int code() {
            return data.length == 0 ? -1 : data[0] & 0xFF;
        }

        @Override
        public String toString() {
            return "Information[tfi=" + Integer.toHexString(tfi) + ", code=" + Integer.toHexString(code()) + ", "
                    + data.length + " bytes]";
        }
    }

    /** A frame whose length or data checksum was wrong. */
    record Corrupt(String problem) implements Pn532Frame {}
}
