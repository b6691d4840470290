package org.vitaleterminal.sim.nfc.frame;

import java.io.ByteArrayOutputStream;

/**
 * Encodes what the chip puts on the host link (PN532 user manual §6.2.1). Every frame starts with
 * exactly one preamble byte: libnfc's UART driver reads {@code 00 00 FF} at a fixed position and
 * breaks on longer preambles, although the manual allows them.
 */
public final class Pn532Frames {
    /** TFI of host-to-chip frames. */
    public static final int TFI_HOST = 0xD4;
    /** TFI of chip-to-host frames. */
    public static final int TFI_CHIP = 0xD5;
    /** Longest TFI + PD0..PDn the firmware handles (UM §6.2.1.2: 264 data bytes + TFI). */
    public static final int MAX_FRAME_LENGTH = 265;

    private static final byte[] ACK = {0x00, 0x00, (byte) 0xFF, 0x00, (byte) 0xFF, 0x00};
    private static final byte[] NACK = {0x00, 0x00, (byte) 0xFF, (byte) 0xFF, 0x00, 0x00};
    private static final byte[] ERROR = {0x00, 0x00, (byte) 0xFF, 0x01, (byte) 0xFF, 0x7F, (byte) 0x81, 0x00};

    private Pn532Frames() {
    }

    public static byte[] ack() {
        return ACK.clone();
    }

    public static byte[] nack() {
        return NACK.clone();
    }

    /** The application-level ("syntax") error frame: LEN 1, 0x7F in the TFI position. */
    public static byte[] applicationError() {
        return ERROR.clone();
    }

    /** A chip response: TFI D5 followed by {@code data} (response code and parameters). */
    public static byte[] response(byte[] data) {
        return information(TFI_CHIP, data);
    }

    /** A host command: TFI D4 followed by {@code data}; for tests that play the host. */
    public static byte[] command(byte[] data) {
        return information(TFI_HOST, data);
    }

    /**
     * A normal information frame when TFI + data fit in LEN (≤ 255), else an extended frame
     * ({@code 00 00 FF FF FF LENM LENL LCS ...}), as the chip does (UM §6.2.1.2).
     */
    public static byte[] information(int tfi, byte[] data) {
        return data.length + 1 <= 255 ? normal(tfi, data) : extended(tfi, data);
    }

    /** Always a normal frame (data ≤ 254 bytes). */
    public static byte[] normal(int tfi, byte[] data) {
        int len = data.length + 1;
        if (len > 255) {
            throw new IllegalArgumentException("a normal frame carries at most 254 data bytes, not " + data.length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(len + 6);
        out.write(0x00);
        out.write(0x00);
        out.write(0xFF);
        out.write(len);
        out.write(lengthChecksum(len));
        writeBody(out, tfi, data);
        return out.toByteArray();
    }

    /** Always an extended frame, even for short data (a host may use it; UM §6.2.1.2). */
    public static byte[] extended(int tfi, byte[] data) {
        int len = data.length + 1;
        if (len > 0xFFFF) {
            throw new IllegalArgumentException("too long for an extended frame: " + data.length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(len + 9);
        out.write(0x00);
        out.write(0x00);
        out.write(0xFF);
        out.write(0xFF);
        out.write(0xFF);
        out.write(len >> 8);
        out.write(len & 0xFF);
        out.write(lengthChecksum((len >> 8) + (len & 0xFF)));
        writeBody(out, tfi, data);
        return out.toByteArray();
    }

    /** The byte that makes {@code (sum + checksum) & 0xFF == 0}. */
    public static int lengthChecksum(int sum) {
        return (0x100 - (sum & 0xFF)) & 0xFF;
    }

    /** DCS over TFI and data. */
    public static int dataChecksum(int tfi, byte[] data, int offset, int length) {
        int sum = tfi;
        for (int i = offset; i < offset + length; i++) {
            sum += data[i] & 0xFF;
        }
        return lengthChecksum(sum);
    }

    private static void writeBody(ByteArrayOutputStream out, int tfi, byte[] data) {
        out.write(tfi);
        out.write(data, 0, data.length);
        out.write(dataChecksum(tfi, data, 0, data.length));
        out.write(0x00);
    }
}
