package org.vitaleterminal.firmware.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.vitaleterminal.credential.trust.TrustList;
import org.vitaleterminal.credential.trust.TrustListReader;
import org.vitaleterminal.firmware.config.ConfigException;
import org.vitaleterminal.firmware.config.Configuration;
import org.vitaleterminal.firmware.trust.TerminalTrust;
import org.vitaleterminal.firmware.trust.TrustFiles;
import org.vitaleterminal.firmware.trust.TrustUpdateOutcome;

/**
 * {@code vitale-terminal trust import FILE} installs a trust list with exactly the checks of an
 * MQTT update (pinned roots, no rollback, not stale; stored atomically in {@code state.dir});
 * {@code vitale-terminal trust show} describes the list in use. Both read the terminal's
 * configuration ({@code --config}, default {@code /etc/vitale-terminal/terminal.properties}).
 * Exit 0 done (or already installed), 1 refused or no usable list, 2 usage or configuration error.
 */
public final class TrustCommand implements Command {
    private static final Set<String> WITH_VALUE = Set.of("config");
    private static final Set<String> FLAGS = Set.of("help");
    private static final String HELP = """
            usage: vitale-terminal trust import FILE [--config F]
                   vitale-terminal trust show [--config F]
              import FILE    verify FILE (signed trust list, raw COSE) against the pinned roots, refuse a
                             rollback or an expired list, and store it in state.dir as the list in use
              show           describe the trust list in use
              --config F     the terminal's configuration (default /etc/vitale-terminal/terminal.properties)
            exit 0 done, 1 refused or no usable list, 2 usage or configuration error""";

    @Override
    public String name() {
        return "trust";
    }

    @Override
    public String summary() {
        return "install a trust list from a file (trust import FILE) or show the one in use (trust show)";
    }

    @Override
    public int run(List<String> arguments, CommandContext context) throws UsageException {
        Options options = Options.parse(arguments, WITH_VALUE, FLAGS, Set.of());
        if (options.flag("help")) {
            context.out().println(HELP);
            return ExitStatus.OK;
        }
        List<String> words = options.positional();
        if (words.isEmpty()) {
            throw new UsageException("give 'import FILE' or 'show'\n" + HELP);
        }
        String action = words.get(0);
        switch (action) {
            case "import" -> {
                if (words.size() != 2) {
                    throw new UsageException("trust import takes exactly one FILE\n" + HELP);
                }
                return importFile(context.resolve(words.get(1)), load(options, context), context);
            }
            case "show" -> {
                if (words.size() != 1) {
                    throw new UsageException("trust show takes no argument\n" + HELP);
                }
                return show(load(options, context), context);
            }
            default -> throw new UsageException("unknown action '" + action + "'; give 'import FILE' or 'show'\n" + HELP);
        }
    }

    private static TerminalTrust load(Options options, CommandContext context) throws UsageException {
        Path file = options.configFile(context);
        try {
            return TerminalTrust.load(Configuration.load(file, context.environment()));
        } catch (ConfigException | TrustFiles.TrustFileException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static int importFile(Path file, TerminalTrust trust, CommandContext context) throws UsageException {
        byte[] bytes;
        try {
            if (Files.size(file) > TrustListReader.MAX_SIZE) {
                context.err().println("vitale-terminal trust: " + file + " refused (MALFORMED): larger than "
                        + TrustListReader.MAX_SIZE + " bytes");
                return ExitStatus.REJECTED;
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        TrustUpdateOutcome outcome = trust.updater(context.clock()).offer(bytes, "file " + file);
        switch (outcome.result()) {
            case INSTALLED -> {
                context.out().println("installed trust list version " + outcome.version() + " in "
                        + trust.store().listFile());
                context.out().println("a running terminal uses it from its next start");
                return ExitStatus.OK;
            }
            case UNCHANGED -> {
                context.out().println("trust list version " + outcome.version() + " is already in use; nothing changed");
                return ExitStatus.OK;
            }
            default -> {
                context.err().println("vitale-terminal trust: " + file + " refused (" + outcome.reason().orElseThrow()
                        + "): " + outcome.detail() + "; version " + outcome.version() + " stays in use");
                return ExitStatus.REJECTED;
            }
        }
    }

    private static int show(TerminalTrust trust, CommandContext context) {
        PrintStream out = context.out();
        out.println("file              " + trust.listFile());
        if (trust.holder().current().isEmpty()) {
            out.println("state             no usable trust list: " + trust.loadProblem().orElse("none"));
            return ExitStatus.REJECTED;
        }
        TrustList list = trust.holder().current().get();
        Instant now = context.clock().instant();
        out.println("authority         " + list.authority());
        out.println("version           " + list.version());
        out.println("issued            " + list.issuedAt());
        out.println("expires           " + list.expiresAt() + " (usable until " + list.expiresAt().plus(trust.grace())
                + " with trust.grace " + trust.grace() + ")");
        out.println("state             " + (list.isStale(now, trust.grace()) ? "STALE: past exp + grace, VT1 "
                + "verifications fail until a newer list arrives" : now.isAfter(list.expiresAt()) ? "in grace period"
                : "valid"));
        out.println("signed by root    " + list.signedBy().hex());
        out.println("issuer keys       " + list.issuerKeyCount());
        out.println("revocations       " + list.revocationCount());
        return list.isStale(now, trust.grace()) ? ExitStatus.REJECTED : ExitStatus.OK;
    }
}
