package org.vitaleterminal.dist.demo;

/** The demo's MQTT broker on loopback: Moquette in the JVM (default) or a Mosquitto it starts. */
public interface DemoBroker extends AutoCloseable {

    /** {@code tcp://127.0.0.1:PORT}. */
    String url();

    /** One line for the console, e.g. "Moquette (in memory)". */
    String describe();

    @Override
    void close();
}
