package org.vitaleterminal.hal.nfc.pn532;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A chip played from a script, byte for byte: each step names the exact frame the driver must
 * write next and the bytes the "chip" sends back, each after a delay in fake time. Reads go
 * through a real {@link FrameStream} (so garbage, split and truncated frames are parsed as on a
 * UART). A write that is not the next step's frame fails the test on the spot.
 */
final class ScriptedTransport implements Pn532Transport {
    static final String ACK = "00 00 FF 00 FF 00";
    static final String NACK = "00 00 FF FF 00 00";
    static final String ERROR = "00 00 FF 01 FF 7F 81 00";

    record Reply(Duration delay, byte[] bytes) {}

    private record Step(String expected, List<Reply> replies) {}

    private record Chunk(long due, byte[] bytes) {}

    private final FakeTime time;
    private final Deque<Step> steps = new ArrayDeque<>();
    private final List<Chunk> pending = new ArrayList<>();
    private final FrameStream stream;
    final List<String> writes = new ArrayList<>();
    final List<Integer> readLengths = new ArrayList<>();
    int wakeUps;
    int discards;
    boolean closed;
    /** When set, the next write throws it (and is not matched against the script). */
    IOException failNextWrite;

    ScriptedTransport(FakeTime time) {
        this.time = time;
        this.stream = new FrameStream(this::source, time, Duration.ofMillis(30));
    }

    static Reply reply(String hex) {
        return new Reply(Duration.ZERO, Hex.bytes(hex));
    }

    static Reply reply(byte[] bytes) {
        return new Reply(Duration.ZERO, bytes);
    }

    static Reply after(long millis, String hex) {
        return new Reply(Duration.ofMillis(millis), Hex.bytes(hex));
    }

    /** The driver must write {@code hostFrame} next; the chip then sends {@code replies}. */
    ScriptedTransport expect(String hostFrame, Reply... replies) {
        return expect(Hex.bytes(hostFrame), replies);
    }

    ScriptedTransport expect(byte[] hostFrame, Reply... replies) {
        steps.add(new Step(Hex.of(hostFrame), List.of(replies)));
        return this;
    }

    boolean done() {
        return steps.isEmpty();
    }

    String remaining() {
        return steps.toString();
    }

    @Override
    public void wakeUp() {
        wakeUps++;
    }

    @Override
    public void write(byte[] frame) throws IOException {
        if (failNextWrite != null) {
            IOException e = failNextWrite;
            failNextWrite = null;
            throw e;
        }
        String hex = Hex.of(frame);
        writes.add(hex);
        Step step = steps.poll();
        if (step == null) {
            throw new AssertionError("unexpected write " + hex);
        }
        if (!step.expected().equals(hex)) {
            throw new AssertionError("expected the driver to write " + step.expected() + " but it wrote " + hex);
        }
        for (Reply r : step.replies()) {
            pending.add(new Chunk(time.nanoTime() + r.delay().toNanos(), r.bytes()));
        }
        pending.sort(Comparator.comparingLong(Chunk::due));
    }

    @Override
    public Optional<Pn532Frame> read(int maxFrameLength, Duration timeout) throws IOException {
        readLengths.add(maxFrameLength);
        return stream.read(timeout);
    }

    private int source(byte[] buffer, Duration timeout) {
        long deadline = time.nanoTime() + timeout.toNanos();
        if (pending.isEmpty() || pending.get(0).due() - deadline > 0) {
            time.advanceTo(deadline);
            return 0;
        }
        Chunk c = pending.remove(0);
        time.advanceTo(c.due());
        int n = Math.min(buffer.length, c.bytes().length);
        System.arraycopy(c.bytes(), 0, buffer, 0, n);
        if (n < c.bytes().length) {
            byte[] rest = new byte[c.bytes().length - n];
            System.arraycopy(c.bytes(), n, rest, 0, rest.length);
            pending.add(0, new Chunk(c.due(), rest));
        }
        return n;
    }

    /** Drops what has "arrived"; bytes the chip sends later are still to come. */
    @Override
    public void discardInput() {
        discards++;
        pending.removeIf(c -> c.due() - time.nanoTime() <= 0);
        stream.discard();
    }

    @Override
    public String describe() {
        return "scripted";
    }

    @Override
    public void close() {
        closed = true;
    }
}
