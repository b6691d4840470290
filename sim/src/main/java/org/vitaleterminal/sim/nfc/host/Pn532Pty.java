package org.vitaleterminal.sim.nfc.host;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.vitaleterminal.sim.nfc.NanoClock;
import org.vitaleterminal.sim.nfc.chip.HostLink;
import org.vitaleterminal.sim.nfc.chip.VirtualPn532;

/**
 * The chip on the HSU (UART) side of a pseudo-terminal: a client opens {@link #slavePath()} like
 * a serial port ({@code LIBNFC_DEVICE=pn532_uart:/dev/pts/N}, or the terminal's own UART driver)
 * and talks to the chip through the master side, served by one daemon thread.
 * {@link #close()} stops the thread, joins it and closes the descriptors.
 *
 * <p>With pacing on, the chip's bytes leave at the chip's serial rate (10 bits per byte: 86.8 µs
 * at 115200, following SetSerialBaudrate), and host bytes are handed to the chip only after the
 * time they would take on the wire, so benchmarks see real transfer times. Without pacing, bytes
 * move as fast as the pseudo-terminal does.
 *
 * <p>libnfc marks a port it opened with a private termios flag and refuses a port already marked,
 * and a libnfc killed mid-run leaves the mark: open a fresh pseudo-terminal per libnfc run. The
 * chip must run on a clock that advances by itself (the system clock).
 */
public final class Pn532Pty implements AutoCloseable {
    private static final int POLL_SLICE_MILLIS = 5;
    private static final int WRITE_CHUNK = 16;

    private final VirtualPn532 chip;
    private final PosixPty pty;
    private final boolean paced;
    private final NanoClock clock;
    private final Thread thread;
    private final AtomicLong bytesFromHost = new AtomicLong();
    private final AtomicLong bytesToHost = new AtomicLong();
    private volatile boolean running = true;
    private volatile Throwable failure;

    private Pn532Pty(VirtualPn532 chip, PosixPty pty, boolean paced) {
        this.chip = chip;
        this.pty = pty;
        this.paced = paced;
        this.clock = chip.clock();
        this.thread = new Thread(this::serve, "virtual-pn532 " + pty.slavePath());
        this.thread.setDaemon(true);
    }

    /** Opens a pseudo-terminal and starts serving {@code chip} on it, unpaced. */
    public static Pn532Pty open(VirtualPn532 chip) throws IOException {
        return open(chip, false);
    }

    /** As {@link #open(VirtualPn532)}, pacing both directions at the chip's serial rate if asked. */
    public static Pn532Pty open(VirtualPn532 chip, boolean paced) throws IOException {
        Objects.requireNonNull(chip, "chip");
        Pn532Pty host = new Pn532Pty(chip, PosixPty.open(), paced);
        host.thread.start();
        return host;
    }

    /** Bytes the host has written to the chip since the pseudo-terminal opened (for benchmarks). */
    public long bytesFromHost() {
        return bytesFromHost.get();
    }

    /** Bytes the chip has sent to the host since the pseudo-terminal opened (for benchmarks). */
    public long bytesToHost() {
        return bytesToHost.get();
    }

    /** The device path a client opens, e.g. {@code /dev/pts/7}. */
    public String slavePath() {
        return pty.slavePath();
    }

    public VirtualPn532 chip() {
        return chip;
    }

    /** What stopped the serving thread, if it died; null while all is well. */
    public Throwable failure() {
        return failure;
    }

    public boolean isRunning() {
        return thread.isAlive();
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(2));
                if (thread.isAlive()) {
                    thread.interrupt();
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        pty.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        try {
            while (running) {
                byte[] out = chip.takeReadyBytes();
                if (out.length > 0) {
                    send(out);
                    continue;
                }
                long now = clock.nanoTime();
                long next = chip.nextEventNanos();
                long wait = next == Long.MAX_VALUE ? TimeUnit.MILLISECONDS.toNanos(POLL_SLICE_MILLIS) : next - now;
                if (wait > 0 && wait < TimeUnit.MILLISECONDS.toNanos(1)) {
                    LockSupport.parkNanos(wait); // poll() counts in milliseconds: too coarse here
                    continue;
                }
                int timeout = (int) Math.max(0, Math.min(POLL_SLICE_MILLIS, TimeUnit.NANOSECONDS.toMillis(wait)));
                int revents = pty.poll(timeout);
                if ((revents & PosixPty.POLLIN) != 0) {
                    int n = pty.read(buffer);
                    if (n > 0) {
                        byte[] in = java.util.Arrays.copyOf(buffer, n);
                        bytesFromHost.addAndGet(n);
                        if (paced) {
                            sleepNanos(n * byteNanos()); // the last byte arrives after the wire time
                        }
                        chip.receive(in, HostLink.HSU);
                    }
                } else if ((revents & (PosixPty.POLLHUP | PosixPty.POLLERR)) != 0) {
                    sleepNanos(TimeUnit.MILLISECONDS.toNanos(1));
                }
            }
        } catch (IOException | RuntimeException e) {
            failure = e;
        }
    }

    private void send(byte[] bytes) throws IOException {
        long start = clock.nanoTime();
        int sent = 0;
        while (sent < bytes.length && running) {
            int n = pty.write(bytes, sent, Math.min(paced ? WRITE_CHUNK : bytes.length - sent, bytes.length - sent));
            if (n == 0) {
                sleepNanos(TimeUnit.MILLISECONDS.toNanos(1)); // the client is not reading: wait
                continue;
            }
            sent += n;
            bytesToHost.addAndGet(n);
            if (paced) {
                long due = start + sent * byteNanos();
                sleepNanos(due - clock.nanoTime());
            }
        }
    }

    /** 10 bits per byte (start, 8 data, stop) at the chip's current rate. */
    private long byteNanos() {
        return 10_000_000_000L / chip.serialBaudRate();
    }

    private void sleepNanos(long nanos) {
        long end = System.nanoTime() + nanos;
        long left = nanos;
        while (left > 0 && running) {
            LockSupport.parkNanos(left);
            left = end - System.nanoTime();
        }
    }
}
