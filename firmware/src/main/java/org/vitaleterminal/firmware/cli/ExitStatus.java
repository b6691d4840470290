package org.vitaleterminal.firmware.cli;

/** The exit statuses of the command line contract (terminal-cli spec §1). */
public final class ExitStatus {
    public static final int OK = 0;
    /** {@code verify}: the payload was rejected; {@code selftest}: a required check failed. */
    public static final int REJECTED = 1;
    /** Usage, configuration or I/O error. */
    public static final int USAGE = 2;

    private ExitStatus() {}
}
