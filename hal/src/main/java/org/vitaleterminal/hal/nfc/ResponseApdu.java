package org.vitaleterminal.hal.nfc;

import java.util.HexFormat;

/** A response APDU: the data and the two status bytes. */
public record ResponseApdu(byte[] data, int sw) {
    public static final int SW_OK = 0x9000;

    public ResponseApdu {
        data = data.clone();
        if (sw < 0 || sw > 0xFFFF) {
            throw new IllegalArgumentException("a status word is two bytes");
        }
    }

    /** Splits raw response bytes (data followed by SW1 SW2). */
    public static ResponseApdu parse(byte[] raw) {
        if (raw.length < 2) {
            throw new IllegalArgumentException("a response APDU has at least the two status bytes");
        }
        int n = raw.length - 2;
        return new ResponseApdu(java.util.Arrays.copyOf(raw, n), ((raw[n] & 0xFF) << 8) | (raw[n + 1] & 0xFF));
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int sw1() {
        return sw >>> 8;
    }

    public int sw2() {
        return sw & 0xFF;
    }

    /** The response data may hold a credential: print only its size and the status word. */
    @Override
    public String toString() {
        return "ResponseApdu[" + data.length + " bytes, sw=" + HexFormat.of().toHexDigits((short) sw) + "]";
    }
}
