package org.vitaleterminal.sim.nfc.phone;

/** The ISO 7816-4 status words the simulated applications answer. */
public final class StatusWords {
    public static final int OK = 0x9000;
    public static final int WRONG_LENGTH = 0x6700;
    public static final int CONDITIONS_NOT_SATISFIED = 0x6985;
    public static final int COMMAND_NOT_ALLOWED = 0x6900;
    public static final int FILE_NOT_FOUND = 0x6A82;
    public static final int INCORRECT_P1P2 = 0x6A86;
    public static final int REFERENCED_DATA_NOT_FOUND = 0x6A88;
    public static final int INS_NOT_SUPPORTED = 0x6D00;
    public static final int CLA_NOT_SUPPORTED = 0x6E00;
    /** What Android's HCE router answers to an APDU before any SELECT reached a service. */
    public static final int UNKNOWN_ERROR = 0x6F00;

    private StatusWords() {
    }

    public static byte[] sw(int sw) {
        return new byte[] {(byte) (sw >> 8), (byte) sw};
    }

    /** {@code data} followed by SW1 SW2. */
    public static byte[] withSw(byte[] data, int sw) {
        byte[] out = new byte[data.length + 2];
        System.arraycopy(data, 0, out, 0, data.length);
        out[data.length] = (byte) (sw >> 8);
        out[data.length + 1] = (byte) sw;
        return out;
    }
}
