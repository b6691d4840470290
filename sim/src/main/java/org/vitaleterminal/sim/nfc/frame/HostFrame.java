package org.vitaleterminal.sim.nfc.frame;

/** One thing the chip recognised in the host's byte stream. */
public sealed interface HostFrame {

    /** {@code 00 00 FF 00 FF 00}: abort the running command (UM §6.2.1.3). */
    record Ack() implements HostFrame {}

    /** {@code 00 00 FF FF 00 00}: resend the last response (UM §6.2.1.4). */
    record Nack() implements HostFrame {}

    /**
     * A well-formed information frame with TFI D4.
     *
     * @param data    PD0..PDn (command code and parameters); empty when the frame held only TFI
     * @param extended whether the host used the extended frame format
     */
    record Command(byte[] data, boolean extended) implements HostFrame {
        public Command {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        /** PD0, or -1 for a frame that held only the TFI. */
        public int code() {
            return data.length == 0 ? -1 : data[0] & 0xFF;
        }
    }

    /** Bytes that started like a frame but broke a rule; the chip drops them without answering. */
    record Rejected(String reason) implements HostFrame {}
}
