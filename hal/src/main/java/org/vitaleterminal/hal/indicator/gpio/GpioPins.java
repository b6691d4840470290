package org.vitaleterminal.hal.indicator.gpio;

import java.io.IOException;

/**
 * Where the indicator gets its outputs: Pi4J on a Pi ({@link Pi4jGpioPins}), a fake in tests.
 * Numbers are already resolved: sysfs GPIO numbers and PWM channels, not BCM pins.
 */
public interface GpioPins extends AutoCloseable {

    /** A plain output on sysfs GPIO {@code sysfsNumber}, low at first and on shutdown. */
    Switch output(String id, int sysfsNumber) throws IOException;

    /** A square wave at {@code hz}, 50 % duty, on hardware PWM channel {@code channel}, off at first. */
    Switch tone(String id, int channel, int hz) throws IOException;

    /** Releases whatever the pins needed (the Pi4J context). Switches are closed first. */
    @Override
    void close();
}
