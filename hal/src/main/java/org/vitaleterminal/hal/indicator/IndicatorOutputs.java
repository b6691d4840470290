package org.vitaleterminal.hal.indicator;

/** The physical outputs a {@link PatternPlayer} drives. Called from the player's thread only. */
public interface IndicatorOutputs extends AutoCloseable {

    void apply(Lights lights);

    /** Everything off, pins released. */
    @Override
    void close();
}
