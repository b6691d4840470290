package org.vitaleterminal.hal.scanner.evdev;

import java.util.Locale;

/**
 * How {@code struct input_event} is laid out in what {@code read()} returns from
 * {@code /dev/input/eventN}: a {@code struct timeval} (two C {@code long}s, so its size follows
 * the reading process's word size), then {@code __u16 type}, {@code __u16 code},
 * {@code __s32 value} (linux/input.h). A 32-bit process on a 64-bit kernel gets the 32-bit
 * layout (the kernel's compat path), so what counts is the JVM's word size, not the kernel's.
 *
 * <p>Little-endian: every target (Raspberry Pi OS arm64 and armhf, x86-64 for development) is.
 */
public enum EventRecordLayout {
    /** 64-bit userland (Raspberry Pi OS 64-bit, the target; x86-64): 8 + 8 + 2 + 2 + 4 = 24 bytes. */
    LP64(24),
    /** 32-bit userland (armhf): 4 + 4 + 2 + 2 + 4 = 16 bytes. */
    ILP32(16);

    private final int size;

    EventRecordLayout(int size) {
        this.size = size;
    }

    public int size() {
        return size;
    }

    /** The layout this JVM's reads return. */
    public static EventRecordLayout ofThisJvm() {
        String model = System.getProperty("sun.arch.data.model", "");
        if (model.equals("32")) {
            return ILP32;
        }
        if (model.equals("64")) {
            return LP64;
        }
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return arch.contains("64") ? LP64 : ILP32;
    }

    /** Decodes the record starting at {@code offset}; {@code size()} bytes must be there. */
    public InputEvent decode(byte[] record, int offset) {
        int at = offset + size - 8; // type, code, value are the last 8 bytes
        int type = u16(record, at);
        int code = u16(record, at + 2);
        int value = (record[at + 4] & 0xFF) | (record[at + 5] & 0xFF) << 8 | (record[at + 6] & 0xFF) << 16
                | record[at + 7] << 24;
        return new InputEvent(type, code, value);
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }
}
