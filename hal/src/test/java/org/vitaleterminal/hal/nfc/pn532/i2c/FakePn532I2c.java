package org.vitaleterminal.hal.nfc.pn532.i2c;

import com.pi4j.exception.Pi4JException;
import com.pi4j.io.i2c.I2C;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.vitaleterminal.hal.nfc.pn532.FakeTime;

/**
 * A PN532 behind Pi4J's {@link I2C} interface, made with {@link Proxy} so the real
 * {@link Pi4jI2cBus} adapter is exercised: every read transaction starts with the status byte
 * (bit 0 = a frame is ready), a 1-byte read does not consume the frame, a longer one does.
 * A busy chip NAKs its address, which Pi4J reports as a runtime exception.
 */
final class FakePn532I2c {
    record Transaction(String kind, int length, long atNanos) {}

    private final FakeTime time;
    final List<Transaction> transactions = new ArrayList<>();
    final List<byte[]> writes = new ArrayList<>();
    /** Chip output: each frame becomes ready after {@code notReadyPolls} more status reads. */
    final Deque<byte[]> frames = new ArrayDeque<>();
    int notReadyPolls;
    /** How many upcoming transactions (reads or writes) are NAKed. */
    int naks;
    /** Frames the chip produces for a written frame. */
    Function<byte[], List<byte[]>> onWrite = w -> List.of();
    /** A non-null value makes reads return that count, like a short read. */
    Integer shortRead;
    boolean closed;

    FakePn532I2c(FakeTime time) {
        this.time = time;
    }

    I2C device() {
        return (I2C) Proxy.newProxyInstance(I2C.class.getClassLoader(), new Class<?>[] {I2C.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "write" -> {
                        if (args.length != 3 || !(args[0] instanceof byte[] data)) {
                            throw new AssertionError("the adapter must write one byte array: " + method);
                        }
                        yield write(Arrays.copyOfRange(data, (int) args[1], (int) args[1] + (int) args[2]));
                    }
                    case "read" -> {
                        if (args == null || args.length != 3 || !(args[0] instanceof byte[] buffer)) {
                            throw new AssertionError("the adapter must read into a byte array: " + method);
                        }
                        yield read(buffer, (int) args[1], (int) args[2]);
                    }
                    case "close" -> {
                        closed = true;
                        yield null;
                    }
                    case "toString" -> "FakePn532I2c";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new AssertionError("the adapter must not call " + method);
                });
    }

    private int write(byte[] data) {
        transactions.add(new Transaction("write", data.length, time.nanoTime()));
        if (transactions.size() > 10_000) {
            throw new AssertionError("the transport polls without pausing");
        }
        if (naks > 0) {
            naks--;
            throw new Pi4JException("Remote I/O error");
        }
        writes.add(data);
        frames.addAll(onWrite.apply(data));
        return data.length;
    }

    private int read(byte[] buffer, int offset, int length) {
        transactions.add(new Transaction("read", length, time.nanoTime()));
        if (transactions.size() > 10_000) {
            throw new AssertionError("the transport polls without pausing");
        }
        if (naks > 0) {
            naks--;
            throw new Pi4JException("Input/output error");
        }
        Arrays.fill(buffer, offset, offset + length, (byte) 0);
        boolean ready = !frames.isEmpty() && notReadyPolls == 0;
        if (!frames.isEmpty() && notReadyPolls > 0) {
            notReadyPolls--;
        }
        buffer[offset] = (byte) (ready ? 0x01 : 0x00);
        if (ready && length > 1) {
            byte[] frame = frames.poll();
            System.arraycopy(frame, 0, buffer, offset + 1, Math.min(frame.length, length - 1));
        }
        return shortRead != null ? shortRead : length;
    }
}
