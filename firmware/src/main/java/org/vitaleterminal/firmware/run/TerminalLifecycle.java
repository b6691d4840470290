package org.vitaleterminal.firmware.run;

/**
 * Who hears that the terminal is up and going down: systemd (READY=1, STOPPING=1, watchdog
 * pings while {@link Terminal#alive()}), a test, or nobody.
 */
public interface TerminalLifecycle {

    /** The devices, the trust list and the outbox are up. */
    void ready(Terminal terminal);

    /** A stop was requested; the terminal is draining. */
    void stopping();

    TerminalLifecycle NONE = new TerminalLifecycle() {
        @Override
        public void ready(Terminal terminal) {}

        @Override
        public void stopping() {}
    };
}
