package org.vitaleterminal.hal.scanner;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.vitaleterminal.hal.Backoff;

/**
 * A {@link ScannerSource} over any {@link RawDevice}: one thread opens the device, reads it in
 * short slices (so {@link #close} is seen within one slice), feeds a {@link StreamDecoder}, and
 * opens the device again with {@link Backoff} when it goes away (USB replug) or cannot be opened.
 * Which bytes make which characters is the decoder's business (evdev key events, serial text).
 *
 * <p>Log lines name the device and the failure, never what was scanned.
 */
public final class DeviceScanner implements ScannerSource {
    private static final System.Logger LOG = System.getLogger(DeviceScanner.class.getName());
    /** How long one read may wait: bounds how late {@link #close} is noticed. */
    static final Duration READ_SLICE = Duration.ofMillis(200);
    /** How long {@link #close} waits for the thread: a read slice, plus a consumer that is slow to return. */
    static final Duration JOIN_PATIENCE = Duration.ofSeconds(2);

    private final String description;
    private final RawDevice.Opener opener;
    private final Function<LineAssembler, StreamDecoder> decoderFactory;
    private final int maxLineLength;
    private final Backoff backoff;
    private final Pause pause;
    private final ScannerCounters counters = new ScannerCounters();
    private final Object lifecycle = new Object();
    private volatile ScannerState state = ScannerState.NEW;
    private volatile boolean running;
    private Thread thread;

    /**
     * @param description    for status and logs (no scanned data)
     * @param decoderFactory makes the decoder that writes into the given assembler
     */
    public DeviceScanner(String description, RawDevice.Opener opener,
                         Function<LineAssembler, StreamDecoder> decoderFactory, int maxLineLength,
                         Backoff backoff, Pause pause) {
        this.description = Objects.requireNonNull(description, "description");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.decoderFactory = Objects.requireNonNull(decoderFactory, "decoderFactory");
        if (maxLineLength < 1) {
            throw new IllegalArgumentException("maximum line length must be positive: " + maxLineLength);
        }
        this.maxLineLength = maxLineLength;
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.pause = Objects.requireNonNull(pause, "pause");
    }

    @Override
    public void start(Consumer<String> lines) {
        Objects.requireNonNull(lines, "lines");
        synchronized (lifecycle) {
            if (state != ScannerState.NEW) {
                throw new IllegalStateException("scanner " + description + " already started or closed");
            }
            running = true;
            state = ScannerState.WAITING_FOR_DEVICE;
            thread = new Thread(() -> run(lines), "scanner " + description);
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Override
    public ScannerState state() {
        return state;
    }

    @Override
    public ScannerCounts counts() {
        return counters.snapshot();
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        Thread t;
        synchronized (lifecycle) {
            running = false;
            t = thread;
            if (t == null) {
                state = ScannerState.STOPPED;
                return;
            }
        }
        if (t == Thread.currentThread()) {
            // called by the line consumer: waiting for ourselves would never end; the loop sees
            // running == false as soon as the consumer returns
            return;
        }
        t.interrupt();
        try {
            if (!t.join(JOIN_PATIENCE)) {
                // a consumer stuck and deaf to interrupts: the thread is a daemon and stops
                // reading once it returns; close() must not hang the caller's shutdown for it
                LOG.log(Level.WARNING, "scanner {0}: the reading thread did not stop within {1} ms; leaving it",
                        description, String.valueOf(JOIN_PATIENCE.toMillis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(Consumer<String> lines) {
        LineAssembler assembler = new LineAssembler(maxLineLength, counters, line -> deliver(lines, line));
        StreamDecoder decoder = decoderFactory.apply(assembler);
        byte[] buffer = new byte[4080]; // a multiple of both evdev record sizes (24 and 16)
        int failures = 0;
        boolean openedBefore = false;
        try {
            while (running) {
                RawDevice device;
                try {
                    device = opener.open();
                } catch (IOException | RuntimeException e) {
                    failures++;
                    state = ScannerState.WAITING_FOR_DEVICE;
                    if (failures == 1) { // once per outage, not once per attempt
                        LOG.log(Level.WARNING, "scanner {0}: cannot open the device ({1}); retrying", description,
                                e.getMessage());
                    }
                    waitBeforeRetry(failures);
                    continue;
                }
                if (openedBefore) {
                    counters.reconnect();
                    LOG.log(Level.INFO, "scanner {0}: device open again", description);
                }
                openedBefore = true;
                failures = 0;
                state = ScannerState.READING;
                readUntilGone(device, decoder, buffer);
                decoder.deviceLost();
                if (running) {
                    state = ScannerState.WAITING_FOR_DEVICE;
                    failures = 1;
                    waitBeforeRetry(failures);
                }
            }
        } finally {
            state = ScannerState.STOPPED;
        }
    }

    private void readUntilGone(RawDevice device, StreamDecoder decoder, byte[] buffer) {
        try (device) {
            while (running) {
                int n = device.read(buffer, READ_SLICE);
                if (n < 0) {
                    if (running) {
                        LOG.log(Level.WARNING, "scanner {0}: the device went away", description);
                    }
                    return;
                }
                if (n > 0) {
                    decoder.decode(buffer, n);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (running) {
                LOG.log(Level.WARNING, "scanner {0}: read failed ({1})", description, e.getClass().getSimpleName());
            }
        }
    }

    private void waitBeforeRetry(int failures) {
        try {
            pause.sleep(backoff.delay(failures));
        } catch (InterruptedException e) {
            // close() interrupts: the loop condition sees running == false
        }
    }

    private void deliver(Consumer<String> lines, String line) {
        try {
            lines.accept(line);
        } catch (RuntimeException e) {
            // the exception's message may quote the line: only its type is logged
            LOG.log(Level.WARNING, "scanner {0}: the line consumer failed ({1}); that line is lost", description,
                    e.getClass().getName());
        }
    }
}
