package org.vitaleterminal.firmware.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.vitaleterminal.firmware.cli.Command;
import org.vitaleterminal.firmware.cli.CommandContext;
import org.vitaleterminal.firmware.cli.ExitStatus;
import org.vitaleterminal.firmware.cli.Options;
import org.vitaleterminal.firmware.cli.UsageException;
import org.vitaleterminal.firmware.config.ConfigException;
import org.vitaleterminal.firmware.config.Configuration;
import org.vitaleterminal.firmware.trust.TerminalTrust;
import org.vitaleterminal.firmware.trust.TrustFiles;

/**
 * {@code vitale-terminal run [--config FILE]}: the terminal, until SIGTERM. The configuration is
 * read and checked completely first (exit 2 naming the key, the file and the expected form,
 * before any device is touched); on SIGTERM the inputs stop, the decision in flight finishes,
 * the outbox is flushed as far as the broker allows, {@code offline} is published, and the
 * program exits 0 — within {@link #STOP_DEADLINE} plus the inputs' own short waits.
 */
public final class RunCommand implements Command {
    /** What SIGTERM gives the broker to take the backlog; systemd's TimeoutStopSec is above it. */
    public static final Duration STOP_DEADLINE = Duration.ofSeconds(5);

    private static final String HELP = """
            usage: vitale-terminal run [--config FILE]
              --config FILE   the terminal's configuration (default /etc/vitale-terminal/terminal.properties);
                              every key can be overridden by a VT_* environment variable
            runs until SIGTERM or Ctrl-C, then stops cleanly; exit 0 after a clean stop,
            2 for a configuration error (reported before any device is opened)""";

    private final Function<CommandContext, Devices> devices;
    private final Supplier<StopRequests> stops;
    private final Function<CommandContext, TerminalLifecycle> lifecycle;

    /** The real thing: the Pi's devices, SIGTERM/SIGINT, systemd notifications when run by systemd. */
    public RunCommand() {
        this(context -> new SystemDevices(context.out(), context.clock()), StopRequests::fromSignals,
                context -> new SystemdLifecycle(context.environment()));
    }

    public RunCommand(Function<CommandContext, Devices> devices, Supplier<StopRequests> stops,
                      TerminalLifecycle lifecycle) {
        this(devices, stops, context -> lifecycle);
    }

    public RunCommand(Function<CommandContext, Devices> devices, Supplier<StopRequests> stops,
                      Function<CommandContext, TerminalLifecycle> lifecycle) {
        this.devices = devices;
        this.stops = stops;
        this.lifecycle = lifecycle;
    }

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "the terminal: cameras, scanner and NFC → verify → signal → outbox → MQTT, until SIGTERM";
    }

    @Override
    public int run(List<String> arguments, CommandContext context) throws UsageException {
        Options options = Options.parse(arguments, Set.of("config"), Set.of("help"), Set.of());
        if (options.flag("help")) {
            context.out().println(HELP);
            return ExitStatus.OK;
        }
        options.rejectPositional(HELP);
        Path file = options.configFile(context);
        TerminalSettings settings;
        TerminalTrust trust;
        try {
            Configuration config = Configuration.load(file, context.environment());
            settings = TerminalSettings.from(config);
            trust = TerminalTrust.load(config);
        } catch (ConfigException e) {
            throw new UsageException(e.getMessage());
        } catch (TrustFiles.TrustFileException e) {
            throw new UsageException(e.getMessage());
        }
        StopRequests stop = stops.get();
        Terminal terminal;
        try {
            terminal = Terminal.start(settings, trust, devices.apply(context), context.clock());
        } catch (IOException | RuntimeException e) {
            context.err().println("vitale-terminal run: cannot start: " + e.getMessage());
            return ExitStatus.USAGE;
        }
        context.err().println("vitale-terminal run: terminal " + settings.identity().terminalId() + " ready");
        TerminalLifecycle notified = lifecycle.apply(context);
        notified.ready(terminal);
        boolean interrupted = false;
        try {
            String why = stop.await();
            context.err().println("vitale-terminal run: " + why + ", stopping");
        } catch (InterruptedException e) {
            interrupted = true; // stop all the same, with the drain; the flag is set again after
        }
        notified.stopping();
        try {
            terminal.stop(STOP_DEADLINE);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        context.err().println("vitale-terminal run: stopped; " + terminal.outboxDepth()
                + " event(s) wait in the outbox for the broker");
        return ExitStatus.OK;
    }
}
