package org.vitaleterminal.hal.scanner;

import java.util.function.Consumer;

/**
 * A 2D barcode scanner ("douchette") that delivers each scan as one complete line of text.
 *
 * <p>{@link #start} returns at once: the source reads its device on a thread of its own and hands
 * every complete line to the consumer on that thread. A line that was too long or could not be
 * read cleanly is never delivered, not even in part: it is dropped and counted. When the device
 * disappears (USB unplugged) the source keeps trying to open it again, with a growing pause.
 *
 * <p>Lines are scanned credentials: they carry personal data, so no implementation logs them.
 */
public interface ScannerSource extends AutoCloseable {

    /**
     * Starts reading; {@code lines} is called on the source's thread, once per complete line, in
     * scan order. A consumer that throws loses that line only.
     *
     * @throws IllegalStateException if already started or closed
     */
    void start(Consumer<String> lines);

    ScannerState state();

    /** The counters so far (a consistent-enough snapshot for status reports). */
    ScannerCounts counts();

    /** For status and logs, e.g. {@code evdev:/dev/input/event3,layout=fr}. Never holds scanned data. */
    String describe();

    /** Stops the thread (promptly: reads wait at most a fraction of a second) and releases the device. */
    @Override
    void close();
}
