package org.vitaleterminal.sim.nfc.fault;

import java.time.Duration;
import java.util.Objects;

/**
 * One way the chip's output for a command goes wrong. Faults change what the host receives, never
 * what the chip did: a command whose ACK is dropped is still executed, and a host NACK after a
 * corrupted response gets the clean frame (UM §6.2.1.4).
 */
public sealed interface Fault {

    /** The chip executes the command but its ACK never reaches the host. */
    record DropAck() implements Fault {}

    /** Bytes appear on the link before the ACK. */
    record GarbageBeforeAck(byte[] bytes) implements Fault {
        public GarbageBeforeAck {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /** Bytes appear on the link before the response frame. */
    record GarbageBeforeResponse(byte[] bytes) implements Fault {
        public GarbageBeforeResponse {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /**
     * Bytes are inserted inside the response frame, after {@code offset} of its bytes (a glitch on
     * the line while the frame is being sent).
     */
    record GarbageInsideResponse(int offset, byte[] bytes) implements Fault {
        public GarbageInsideResponse {
            if (offset < 0) {
                throw new IllegalArgumentException("offset " + offset);
            }
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /** The response's length checksum is off by one. */
    record CorruptLcs() implements Fault {}

    /** The response's data checksum is off by one. */
    record CorruptDcs() implements Fault {}

    /** Only the first {@code keep} bytes of the response are sent (power glitch, cut cable). */
    record Truncate(int keep) implements Fault {
        public Truncate {
            if (keep < 0) {
                throw new IllegalArgumentException("keep " + keep);
            }
        }
    }

    /** The response comes {@code delay} later than it would have. */
    record Delay(Duration delay) implements Fault {
        public Delay {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay " + delay);
            }
        }
    }

    /** The chip sends the ACK and then never responds (until the host aborts with an ACK). */
    record Zombie() implements Fault {}

    static Fault dropAck() {
        return new DropAck();
    }

    static Fault garbageBeforeAck(int... bytes) {
        return new GarbageBeforeAck(toBytes(bytes));
    }

    static Fault garbageBeforeResponse(int... bytes) {
        return new GarbageBeforeResponse(toBytes(bytes));
    }

    static Fault garbageInsideResponse(int offset, int... bytes) {
        return new GarbageInsideResponse(offset, toBytes(bytes));
    }

    static Fault corruptLcs() {
        return new CorruptLcs();
    }

    static Fault corruptDcs() {
        return new CorruptDcs();
    }

    static Fault truncate(int keep) {
        return new Truncate(keep);
    }

    static Fault delay(Duration delay) {
        return new Delay(delay);
    }

    static Fault zombie() {
        return new Zombie();
    }

    private static byte[] toBytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
