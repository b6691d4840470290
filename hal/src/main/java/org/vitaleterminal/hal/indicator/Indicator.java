package org.vitaleterminal.hal.indicator;

/**
 * The LEDs and buzzer (or their console stand-in). {@link #show} returns at once: patterns play
 * on the indicator's own thread, so the scan loop never waits for a beep to end. A new signal
 * replaces whatever pattern is playing.
 */
public interface Indicator extends AutoCloseable {

    void show(Signal signal);

    /** A short description for status and selftest, e.g. {@code gpio:green=17,red=27,buzzer=18}. */
    String describe();

    /** Switches everything off and releases the pins. */
    @Override
    void close();
}
