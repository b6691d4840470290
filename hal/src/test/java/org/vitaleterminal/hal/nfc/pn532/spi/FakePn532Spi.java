package org.vitaleterminal.hal.nfc.pn532.spi;

import com.pi4j.io.spi.Spi;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * A PN532 behind Pi4J's {@link Spi} interface ({@link Proxy}), speaking LSB first: it sees the
 * raw wire bytes of an MSB-first controller, so it mirrors every byte itself, as the chip would.
 */
final class FakePn532Spi {
    /** Every transfer as the wire saw it (controller to chip). */
    final List<byte[]> wire = new ArrayList<>();
    final List<byte[]> frames = new ArrayList<>();
    final Deque<byte[]> output = new ArrayDeque<>();
    Function<byte[], List<byte[]>> onWrite = w -> List.of();
    int notReadyPolls;
    /** A non-null value is what transfer returns (linuxfs returns -1 on failure). */
    Integer transferResult;
    boolean closed;

    Spi device() {
        return (Spi) Proxy.newProxyInstance(Spi.class.getClassLoader(), new Class<?>[] {Spi.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "transfer" -> {
                        if (args.length != 5 || !(args[0] instanceof byte[] tx) || !(args[2] instanceof byte[] rx)) {
                            throw new AssertionError("the adapter must use the full-duplex transfer: " + method);
                        }
                        yield transfer(tx, (int) args[1], rx, (int) args[3], (int) args[4]);
                    }
                    case "close" -> {
                        closed = true;
                        yield null;
                    }
                    case "toString" -> "FakePn532Spi";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new AssertionError("the adapter must not call " + method);
                });
    }

    private int transfer(byte[] tx, int txOffset, byte[] rx, int rxOffset, int n) {
        byte[] onWire = Arrays.copyOfRange(tx, txOffset, txOffset + n);
        wire.add(onWire);
        if (wire.size() > 10_000) {
            throw new AssertionError("the transport polls without pausing");
        }
        if (transferResult != null) {
            return transferResult;
        }
        byte[] in = BitOrder.reverse(onWire); // what the LSB-first chip reads
        byte[] out = new byte[n];
        switch (in[0]) {
            case 0x01 -> {
                byte[] frame = Arrays.copyOfRange(in, 1, n);
                frames.add(frame);
                output.addAll(onWrite.apply(frame));
            }
            case 0x02 -> {
                boolean ready = !output.isEmpty() && notReadyPolls == 0;
                if (!output.isEmpty() && notReadyPolls > 0) {
                    notReadyPolls--;
                }
                if (n > 1) {
                    out[1] = (byte) (ready ? 0x01 : 0x00);
                }
            }
            case 0x03 -> {
                byte[] frame = output.poll();
                if (frame != null) {
                    System.arraycopy(frame, 0, out, 1, Math.min(frame.length, n - 1));
                }
            }
            default -> {
                // a wake-up pulse or garbage: the chip ignores it
            }
        }
        System.arraycopy(BitOrder.reverse(out), 0, rx, rxOffset, n);
        return n;
    }
}
