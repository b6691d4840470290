package org.vitaleterminal.firmware.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What a command may use from the outside world, passed in rather than reached for, so that
 * tests run commands in-process with their own clock, environment and streams.
 *
 * @param out         where results go (JSON for {@code verify})
 * @param err         where messages for the operator go; never personal data
 * @param clock       the time source (wall clock in production)
 * @param environment the process environment ({@code VT_*} configuration overrides)
 * @param workingDir  the directory relative paths start from
 */
public record CommandContext(PrintStream out, PrintStream err, Clock clock, Map<String, String> environment,
                             Path workingDir) {
    public CommandContext {
        environment = Map.copyOf(environment);
    }

    public Path resolve(String path) {
        return workingDir.resolve(path);
    }
}
