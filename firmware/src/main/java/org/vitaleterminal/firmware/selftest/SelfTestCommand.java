package org.vitaleterminal.firmware.selftest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
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
import org.vitaleterminal.firmware.outbox.SqliteOutbox;
import org.vitaleterminal.firmware.run.Devices;
import org.vitaleterminal.firmware.run.SystemDevices;
import org.vitaleterminal.firmware.run.TerminalSettings;

/**
 * {@code vitale-terminal selftest [--config FILE] [--json]}: checks an installed terminal and
 * prints one line per check with the fix to try (or JSON); exit 0 when every required check
 * passed, 1 otherwise. A configuration error is a FAIL line like any other, not a usage error,
 * so a fleet tool always gets a complete report.
 *
 * <p>It never disturbs a running terminal: state files are only read, the broker connection
 * uses its own client id, and when the service holds the outbox (hence the devices) the device
 * checks are skipped with the command to stop it.
 */
public final class SelfTestCommand implements Command {
    private static final String NONE = "none";
    private static final String HELP = """
            usage: vitale-terminal selftest [--config FILE] [--json]
              --config FILE   the terminal's configuration (default /etc/vitale-terminal/terminal.properties)
              --json          print the results as one JSON object instead of a table
            checks the configuration, state.dir, the trust list, the clock, the broker and each configured
            device (camera, scanner, NFC reader, LEDs and buzzer: the test pattern plays); run it as the
            service user. exit 0 all required checks pass, 1 otherwise, 2 usage error""";

    private final Function<CommandContext, Devices> devices;
    private final Path timesyncFlag;
    private final OutboxLockProbe lockProbe;
    private final SelfTestTimings timings;

    /** The real thing: the Pi's devices (console indicator on stderr, keeping stdout for the report). */
    public SelfTestCommand() {
        this(context -> new SystemDevices(context.err(), context.clock()), ClockSyncCheck.TIMESYNCD_FLAG,
                new OutboxLockProbe(OutboxLockProbe.PROC_LOCKS), SelfTestTimings.defaults());
    }

    public SelfTestCommand(Function<CommandContext, Devices> devices, Path timesyncFlag, OutboxLockProbe lockProbe,
                           SelfTestTimings timings) {
        this.devices = devices;
        this.timesyncFlag = timesyncFlag;
        this.lockProbe = lockProbe;
        this.timings = timings;
    }

    @Override
    public String name() {
        return "selftest";
    }

    @Override
    public String summary() {
        return "check configuration, devices, trust list, clock and broker; one line per check with the fix";
    }

    @Override
    public int run(List<String> arguments, CommandContext context) throws UsageException {
        Options options = Options.parse(arguments, Set.of("config"), Set.of("json", "help"), Set.of());
        if (options.flag("help")) {
            context.out().println(HELP);
            return ExitStatus.OK;
        }
        options.rejectPositional(HELP);
        Path file = options.configFile(context);
        List<CheckReport> reports;
        try {
            reports = new SelfTest(timings.checkTimeout()).run(checks(file, context));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.err().println("vitale-terminal selftest: interrupted");
            return ExitStatus.REJECTED;
        }
        if (options.flag("json")) {
            new JsonPrinter().print(reports, context.out());
        } else {
            new TablePrinter().print(reports, context.out());
        }
        return Summary.of(reports).ok() ? ExitStatus.OK : ExitStatus.REJECTED;
    }

    private List<Check> checks(Path file, CommandContext context) {
        Configuration config;
        TerminalSettings settings;
        try {
            config = Configuration.load(file, context.environment());
            settings = TerminalSettings.from(config);
        } catch (ConfigException e) {
            return withoutConfiguration(e.getMessage());
        }
        Path stateDir = settings.stateDir();
        List<Check> checks = new ArrayList<>(List.of(
                new PresetCheck("configuration", true, CheckResult.pass("terminal " + settings.identity().terminalId()
                        + ", site " + settings.identity().siteId() + " (" + file + ")")),
                new StateDirCheck(stateDir),
                new TrustListCheck(config, context.clock()),
                new ClockMarkCheck(stateDir, context.clock()),
                new ClockSyncCheck(timesyncFlag),
                new BrokerCheck(settings.mqtt(), timings.brokerConnect())));
        OptionalLong runner = lockProbe.holder(stateDir.resolve(SqliteOutbox.FILE_NAME));
        Devices hardware = devices.apply(context);
        checks.add(device("camera", settings.camera(), runner,
                () -> new CameraCheck(hardware, settings.camera(), timings.firstFrame(), timings.countFrames())));
        checks.add(device("scanner", settings.scanner(), runner,
                () -> new ScannerCheck(hardware, settings.scanner(), timings.scannerOpen())));
        checks.add(device("nfc", settings.nfcReader(), runner,
                () -> new NfcCheck(hardware, settings.nfcReader(), timings.nfcPoll())));
        checks.add(device("indicator", settings.indicator(), runner,
                () -> new IndicatorCheck(hardware, settings.indicator(), timings.indicatorStep())));
        return checks;
    }

    /** A device check, or a SKIP line when the device is not configured or the running terminal holds it. */
    private static Check device(String name, String setting, OptionalLong runner, Supplier<Check> check) {
        if (NONE.equals(setting)) {
            return new PresetCheck(name, true, CheckResult.skip("none configured"));
        }
        if (runner.isPresent()) {
            return new PresetCheck(name, true, CheckResult.skip(setting + ": in use by the running terminal (process "
                    + runner.getAsLong() + " holds outbox.db); not opened, so as not to disturb it",
                    "to test it: sudo systemctl stop vitale-terminal, run selftest, sudo systemctl start vitale-terminal"));
        }
        return check.get();
    }

    /** The configuration line fails; the clock's NTP state needs no configuration, everything else is skipped. */
    private List<Check> withoutConfiguration(String problem) {
        List<Check> checks = new ArrayList<>();
        checks.add(new PresetCheck("configuration", true, CheckResult.fail(problem, "correct it in the file (or the "
                + "VT_* variable) and run selftest again; docs/configuration.md §2.4 lists every key and its form")));
        CheckResult skipped = CheckResult.skip("not checked: the configuration did not load");
        for (String name : List.of("state-dir", "trust-list", "clock")) {
            checks.add(new PresetCheck(name, true, skipped));
        }
        checks.add(new ClockSyncCheck(timesyncFlag));
        for (String name : List.of("broker", "camera", "scanner", "nfc", "indicator")) {
            checks.add(new PresetCheck(name, true, skipped));
        }
        return checks;
    }
}
