package org.vitaleterminal.firmware.cli;

import java.util.List;

/**
 * One sub-command of {@code vitale-terminal} ({@code verify}, {@code run}, {@code demo}...).
 * Commands outside the firmware module (the demo, which needs the simulated world) register
 * through {@link java.util.ServiceLoader}.
 */
public interface Command {

    /** The word that selects it on the command line. */
    String name();

    /** One line for the help text. */
    String summary();

    /**
     * Runs the command.
     *
     * @return the process exit status
     * @throws UsageException for bad arguments or unreadable inputs (exit status 2)
     */
    int run(List<String> arguments, CommandContext context) throws UsageException;
}
