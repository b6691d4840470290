package org.vitaleterminal.hal.indicator.gpio;

/** One LED or the buzzer: on or off. */
public interface Switch extends AutoCloseable {

    void set(boolean on);

    /** Off, and the pin given back. */
    @Override
    void close();
}
