package org.vitaleterminal.sim.nfc.chip;

/**
 * What a finished command sends: response data (code + 1 and parameters) or the application
 * error frame, and what changes in the chip once it is sent (going to sleep, for instance).
 */
record Reply(byte[] data, Runnable afterSending) {
    static final Runnable NOTHING = () -> { };

    static Reply of(int... bytes) {
        byte[] data = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            data[i] = (byte) bytes[i];
        }
        return new Reply(data, NOTHING);
    }

    static Reply of(byte[] data) {
        return new Reply(data, NOTHING);
    }

    static Reply syntaxError() {
        return new Reply(null, NOTHING);
    }

    boolean isError() {
        return data == null;
    }

    Reply then(Runnable more) {
        Runnable first = afterSending;
        return new Reply(data, () -> {
            first.run();
            more.run();
        });
    }
}
