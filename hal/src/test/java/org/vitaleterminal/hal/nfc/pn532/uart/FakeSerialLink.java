package org.vitaleterminal.hal.nfc.pn532.uart;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.vitaleterminal.hal.nfc.pn532.FakeTime;
import org.vitaleterminal.hal.nfc.pn532.Hex;

/** A serial port in fake time: records writes, delivers scheduled chunks, answers writes via a hook. */
final class FakeSerialLink implements SerialLink {
    private record Chunk(long due, byte[] bytes) {}

    private final FakeTime time;
    private final List<Chunk> incoming = new ArrayList<>();
    final List<byte[]> written = new ArrayList<>();
    /** Bytes to send back after each write (may be empty). */
    Function<byte[], byte[]> onWrite = w -> new byte[0];
    int discards;
    boolean closed;

    FakeSerialLink(FakeTime time) {
        this.time = time;
    }

    void deliver(long afterMillis, String hex) {
        deliver(afterMillis, Hex.bytes(hex));
    }

    void deliver(long afterMillis, byte[] bytes) {
        incoming.add(new Chunk(time.nanoTime() + afterMillis * 1_000_000, bytes));
        incoming.sort((a, b) -> Long.compare(a.due(), b.due()));
    }

    @Override
    public void write(byte[] data) {
        written.add(data.clone());
        byte[] answer = onWrite.apply(data);
        if (answer.length > 0) {
            deliver(1, answer);
        }
    }

    @Override
    public int read(byte[] buffer, Duration timeout) throws IOException {
        long deadline = time.nanoTime() + timeout.toNanos();
        if (incoming.isEmpty() || incoming.get(0).due() > deadline) {
            time.advanceTo(deadline);
            return 0;
        }
        Chunk c = incoming.remove(0);
        time.advanceTo(c.due());
        int n = Math.min(buffer.length, c.bytes().length);
        System.arraycopy(c.bytes(), 0, buffer, 0, n);
        if (n < c.bytes().length) {
            incoming.add(0, new Chunk(c.due(), java.util.Arrays.copyOfRange(c.bytes(), n, c.bytes().length)));
        }
        return n;
    }

    @Override
    public void discardInput() {
        discards++;
        incoming.removeIf(c -> c.due() <= time.nanoTime());
    }

    @Override
    public String describe() {
        return "/dev/fake@115200";
    }

    @Override
    public void close() {
        closed = true;
    }
}
