package org.vitaleterminal.firmware.cli;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.vitaleterminal.firmware.nfc.Sleeper;
import org.vitaleterminal.hal.nfc.pn532.Pn532Readers;

/**
 * {@code vitale-terminal COMMAND [OPTIONS]}: finds the command and runs it. The firmware's own
 * commands are listed here; others (the demo) come from {@link ServiceLoader}.
 */
public final class Main {
    private final Map<String, Command> commands = new LinkedHashMap<>();

    public Main(List<Command> available) {
        for (Command command : available) {
            commands.putIfAbsent(command.name(), command);
        }
    }

    /** The firmware's commands plus those found on the class path. */
    public static Main withInstalledCommands() {
        List<Command> available = new ArrayList<>(List.of(new VerifyCommand(),
                new NfcReadCommand(Pn532Readers::open, new SecureRandom(), Sleeper.real()), new TrustCommand(),
                new org.vitaleterminal.firmware.run.RunCommand(),
                new org.vitaleterminal.firmware.selftest.SelfTestCommand()));
        ServiceLoader.load(Command.class).forEach(available::add);
        return new Main(available);
    }

    public static void main(String[] args) {
        CommandContext context = new CommandContext(System.out, System.err, Clock.systemDefaultZone(), System.getenv(),
                Path.of("").toAbsolutePath());
        System.exit(withInstalledCommands().run(Arrays.asList(args), context));
    }

    public int run(List<String> arguments, CommandContext context) {
        if (arguments.isEmpty() || arguments.get(0).equals("--help") || arguments.get(0).equals("help")) {
            printHelp(context.out());
            return arguments.isEmpty() ? ExitStatus.USAGE : ExitStatus.OK;
        }
        if (arguments.get(0).equals("--version")) {
            context.out().println("vitale-terminal " + Version.current());
            return ExitStatus.OK;
        }
        Command command = commands.get(arguments.get(0));
        if (command == null) {
            context.err().println("vitale-terminal: unknown command '" + arguments.get(0) + "'");
            printHelp(context.err());
            return ExitStatus.USAGE;
        }
        try {
            return command.run(arguments.subList(1, arguments.size()), context);
        } catch (UsageException e) {
            context.err().println("vitale-terminal " + command.name() + ": " + e.getMessage());
            return ExitStatus.USAGE;
        }
    }

    private void printHelp(PrintStream stream) {
        stream.println("usage: vitale-terminal COMMAND [OPTIONS]");
        stream.println();
        for (Command command : commands.values()) {
            stream.printf("  %-10s %s%n", command.name(), command.summary());
        }
        stream.println();
        stream.println("vitale-terminal COMMAND --help shows a command's options. --version prints the version.");
    }
}
