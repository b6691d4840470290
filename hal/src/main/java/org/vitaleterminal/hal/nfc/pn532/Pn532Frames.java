package org.vitaleterminal.hal.nfc.pn532;

/**
 * Builds the frames a host sends to the PN532 (user manual §6.2.1): information frames, normal
 * or extended, and the ACK and NACK frames. Stateless; every method returns a fresh array.
 *
 * <pre>
 * normal    00 00 FF LEN LCS TFI PD0..PDn DCS 00                 (TFI..PDn: 1..255 bytes)
 * extended  00 00 FF FF FF LENM LENL LCS TFI PD0..PDn DCS 00     (TFI..PDn: up to 265 bytes)
 * LCS: LEN + LCS = 0 (mod 256), over LENM + LENL for extended; DCS: TFI + PD0..PDn + DCS = 0
 * </pre>
 */
public final class Pn532Frames {
    /** Frame identifier of host-to-chip information frames. */
    public static final int TFI_HOST = 0xD4;
    /** Frame identifier of chip-to-host information frames. */
    public static final int TFI_CHIP = 0xD5;
    /** TFI and PD0..PD263: the firmware's limit for one frame, in either direction (UM §6.2.1.2). */
    public static final int MAX_FRAME_DATA = 265;
    /** The largest TFI..PDn a normal frame can carry (LEN is one byte). */
    public static final int MAX_NORMAL_FRAME_DATA = 255;
    /** Length of an ACK or NACK frame. */
    public static final int ACK_LENGTH = 6;

    private static final byte[] ACK = {0x00, 0x00, (byte) 0xFF, 0x00, (byte) 0xFF, 0x00};
    private static final byte[] NACK = {0x00, 0x00, (byte) 0xFF, (byte) 0xFF, 0x00, 0x00};
    private static final byte[] ERROR = {0x00, 0x00, (byte) 0xFF, 0x01, (byte) 0xFF, 0x7F, (byte) 0x81, 0x00};

    private Pn532Frames() {}

    /** {@code 00 00 FF 00 FF 00}: from the host, aborts the command the chip is running. */
    public static byte[] ack() {
        return ACK.clone();
    }

    /** {@code 00 00 FF FF 00 00}: asks the chip to send its last response again. */
    public static byte[] nack() {
        return NACK.clone();
    }

    /** {@code 00 00 FF 01 FF 7F 81 00}: the chip's application-level (syntax) error frame. */
    public static byte[] applicationError() {
        return ERROR.clone();
    }

    /** A host command frame (TFI D4) carrying the command code followed by its parameters. */
    public static byte[] hostCommand(byte[] codeAndParameters) {
        return information(TFI_HOST, codeAndParameters);
    }

    /**
     * An information frame. The extended form is used only when it must be, i.e. when
     * TFI + data exceed 255 bytes (data longer than 254), which is where libnfc and nfcpy switch.
     *
     * @throws IllegalArgumentException when TFI + data exceed {@link #MAX_FRAME_DATA}, which the
     *                                  PN532 firmware would reject
     */
    public static byte[] information(int tfi, byte[] data) {
        int n = data.length + 1;
        if (n > MAX_FRAME_DATA) {
            throw new IllegalArgumentException("a PN532 frame carries at most " + (MAX_FRAME_DATA - 1)
                    + " bytes after the TFI, not " + data.length);
        }
        boolean extended = n > MAX_NORMAL_FRAME_DATA;
        byte[] frame = new byte[frameLength(data.length)];
        int i = 0;
        frame[i++] = 0x00;
        frame[i++] = 0x00;
        frame[i++] = (byte) 0xFF;
        if (extended) {
            frame[i++] = (byte) 0xFF;
            frame[i++] = (byte) 0xFF;
            frame[i++] = (byte) (n >>> 8);
            frame[i++] = (byte) n;
            frame[i++] = (byte) -((n >>> 8) + n);
        } else {
            frame[i++] = (byte) n;
            frame[i++] = (byte) -n;
        }
        int sum = tfi;
        frame[i++] = (byte) tfi;
        for (byte b : data) {
            frame[i++] = b;
            sum += b & 0xFF;
        }
        frame[i++] = (byte) -sum;
        frame[i] = 0x00;
        return frame;
    }

    /**
     * The length of the information frame that carries {@code dataLength} bytes after the TFI,
     * with one preamble and one postamble byte: what an I2C or SPI read must fetch to get it whole.
     */
    public static int frameLength(int dataLength) {
        int n = dataLength + 1;
        return (n > MAX_NORMAL_FRAME_DATA ? 10 : 7) + n;
    }
}
