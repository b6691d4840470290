package org.vitaleterminal.firmware.run;

/**
 * One input of the terminal (camera, scanner, NFC reader) feeding the decision path on its own
 * thread. {@link #stop()} asks it to finish: it lets a decision already in the path complete and
 * takes no new one.
 */
interface InputLoop {

    /** Starts the input's thread(s); returns at once. */
    void start();

    /** Asks the input to stop and waits (boundedly) for its thread to end. */
    void stop() throws InterruptedException;

    /** For status: {@code ok}, {@code absent}, {@code fault}, … */
    String state();

    /** Whether the input's thread makes progress (for the systemd watchdog). */
    boolean alive();
}
