package org.vitaleterminal.dist;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.vitaleterminal.dist.demo.CameraScript;
import org.vitaleterminal.dist.demo.DemoBroker;
import org.vitaleterminal.dist.demo.DemoCast;
import org.vitaleterminal.dist.demo.DemoConsole;
import org.vitaleterminal.dist.demo.DemoDevices;
import org.vitaleterminal.dist.demo.DemoFolder;
import org.vitaleterminal.dist.demo.DemoPace;
import org.vitaleterminal.dist.demo.EmbeddedBroker;
import org.vitaleterminal.dist.demo.EventPrinter;
import org.vitaleterminal.dist.demo.EventTally;
import org.vitaleterminal.dist.demo.MosquittoProcess;
import org.vitaleterminal.dist.demo.NfcTapper;
import org.vitaleterminal.dist.demo.QuietLogs;
import org.vitaleterminal.dist.demo.VirtualReader;
import org.vitaleterminal.firmware.cli.Command;
import org.vitaleterminal.firmware.cli.CommandContext;
import org.vitaleterminal.firmware.cli.ExitStatus;
import org.vitaleterminal.firmware.cli.Options;
import org.vitaleterminal.firmware.cli.UsageException;
import org.vitaleterminal.firmware.run.RunCommand;
import org.vitaleterminal.firmware.run.StopRequests;
import org.vitaleterminal.firmware.run.SystemDevices;
import org.vitaleterminal.firmware.run.Terminal;
import org.vitaleterminal.firmware.run.TerminalLifecycle;
import org.vitaleterminal.hal.camera.FrameSource;
import org.vitaleterminal.sim.keys.SimRandom;

/**
 * {@code vitale-terminal demo}: the real {@code run} loop in a simulated pharmacy. A sample world
 * is minted (trust-list authority, issuers, signed trust list, patients' wallets); an embedded
 * MQTT broker starts on loopback; the terminal runs with its configuration in a temporary folder,
 * a virtual camera in front of which patients show their phones, a virtual PN532 on which others
 * tap, and the console indicator; a back-end subscriber prints each event it receives as one
 * line, NIR masked. It stops after {@code --duration} or on Ctrl-C, drains, and prints a summary.
 * Needs no hardware, no network and no configuration.
 */
public final class DemoCommand implements Command {
    static final int DEFAULT_DURATION_SECONDS = 60;
    private static final Set<String> WITH_VALUE = Set.of("duration", "pace", "seed", "dir", "broker");
    private static final Set<String> FLAGS = Set.of("help", "quiet");
    private static final String HELP = """
            usage: vitale-terminal demo [--duration SECONDS] [--pace SECONDS] [--quiet] [--seed N] [--dir DIR]
                                        [--broker moquette|mosquitto]
              --duration S  stop after S seconds (default 60: one camera cycle of every scenario, plus
                            NFC taps); 0 runs until Ctrl-C. Ctrl-C stops it cleanly at any time.
              --pace S      seconds per camera scenario, phone shown then an empty view (default 4, 1 to 60)
              --quiet       print only the events and the summary (no indicator, camera or status lines)
              --seed N      mint the same keys and people every time (default: fresh random keys)
              --dir DIR     keep the demo's files (configuration, trust list, state, a QR text per
                            wallet) in DIR; by default they go to a temporary folder deleted at the end
              --broker B    moquette (default: inside the JVM) or mosquitto (the one installed here,
                            started on a free loopback port and stopped at the end)
            The camera shows, in a loop: a valid credential, a family wallet with one member chosen,
            closed rights, an expired and a revoked credential, a replayed screenshot, an unknown
            issuer and an EU DCC (HC1:); phones tap the NFC reader every 2.5 scenarios.""";

    private final Supplier<StopRequests> stops;

    /** The command as installed: Ctrl-C (SIGINT) and SIGTERM stop it. */
    public DemoCommand() {
        this(StopRequests::fromSignals);
    }

    /** @param stops where stop requests come from besides {@code --duration} (tests: manual) */
    public DemoCommand(Supplier<StopRequests> stops) {
        this.stops = stops;
    }

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "the terminal in a simulated pharmacy: phones, camera, NFC, MQTT, events (no hardware needed)";
    }

    @Override
    public int run(List<String> arguments, CommandContext context) throws UsageException {
        Options options = Options.parse(arguments, WITH_VALUE, FLAGS, Set.of());
        if (options.flag("help")) {
            context.out().println(HELP);
            return ExitStatus.OK;
        }
        options.rejectPositional(HELP);
        Duration duration = Duration.ofSeconds(number(options, "duration", DEFAULT_DURATION_SECONDS, 0, 86_400));
        DemoPace pace = pace(options);
        BrokerChoice broker = broker(options);
        SecureRandom random = options.has("seed")
                ? SimRandom.seeded(number(options, "seed", 0, Long.MIN_VALUE, Long.MAX_VALUE))
                : new SecureRandom();
        DemoConsole console = new DemoConsole(context.out(), context.clock(), options.flag("quiet"));
        QuietLogs logs = QuietLogs.install();
        try (DemoFolder folder = folder(options, context)) {
            return runDemo(folder, broker, duration, pace, random, console, context);
        } catch (IOException e) {
            context.err().println("vitale-terminal demo: " + e.getMessage());
            return ExitStatus.USAGE;
        } finally {
            logs.restore();
        }
    }

    private int runDemo(DemoFolder folder, BrokerChoice brokerChoice, Duration duration, DemoPace pace, SecureRandom random, DemoConsole console,
                        CommandContext context) throws IOException, UsageException {
        DemoCast cast = DemoCast.create(random, context.clock().instant());
        folder.writeWorld(cast.world(), random, context.clock().instant());
        console.plain("vitale-terminal demo: the terminal's run loop in a simulated pharmacy ("
                + (duration.isZero() ? "until Ctrl-C" : duration.toSeconds() + " s, Ctrl-C stops it") + ")");
        console.plain("  sample world: trust list v1 with issuers FR-CNAM, FR-MSA, FR-DEMO; one credential revoked;"
                + " files in " + folder.path());
        EventTally tally = new EventTally();
        try (DemoBroker broker = brokerChoice.start(folder.brokerData());
             VirtualReader reader = VirtualReader.open();
             EventPrinter printer = EventPrinter.subscribe(broker.url(),
                     "vt/v1/" + DemoFolder.SITE_ID + "/" + DemoFolder.TERMINAL_ID + "/", console, tally)) {
            console.plain("  MQTT broker (" + broker.describe() + ") on " + broker.url() + "; NFC reader: "
                    + reader.describe());
            console.plain("");
            Path config = folder.writeConfig(broker.url(), reader.uri(), pace);
            FrameSource camera = CameraScript.build(cast, pace, context.clock(), random, console);
            AtomicReference<Terminal> terminal = new AtomicReference<>();
            int status;
            try (NfcTapper tapper = reader.tapper(cast, pace, context.clock(), random, console)) {
                StopRequests stop = stops.get();
                Thread timer = stopAfter(duration, stop);
                TerminalLifecycle lifecycle = new TerminalLifecycle() {
                    @Override
                    public void ready(Terminal running) {
                        terminal.set(running);
                        if (reader.present()) {
                            tapper.start();
                        }
                    }

                    @Override
                    public void stopping() {
                        tapper.close();
                    }
                };
                SystemDevices system = new SystemDevices(console.indicatorStream(), context.clock());
                // An empty environment: VT_* variables meant for a real terminal must not bend the demo's.
                CommandContext runContext = new CommandContext(context.out(), context.err(), context.clock(),
                        Map.of(), context.workingDir());
                status = new RunCommand(c -> new DemoDevices(camera, system), () -> stop, lifecycle)
                        .run(List.of("--config", config.toString()), runContext);
                stop.request("demo over"); // ends the timer when Ctrl-C came first
                join(timer);
            }
            awaitOffline(tally);
            console.plain("");
            console.plain("summary: " + tally.summary());
            console.plain("  outbox: " + Optional.ofNullable(terminal.get()).map(Terminal::outboxDepth)
                    .map(String::valueOf).orElse("?") + " event(s) left; last status: " + tally.lastState());
            return status;
        } catch (MqttException e) {
            context.err().println("vitale-terminal demo: the subscriber cannot reach the embedded broker: "
                    + e.getMessage());
            return ExitStatus.USAGE;
        }
    }

    /** The terminal publishes {@code offline} as it stops; give it a moment to reach the printer. */
    private static void awaitOffline(EventTally tally) {
        try {
            tally.awaitState("offline", 2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A thread that asks for a stop when the duration is over (none for 0: until Ctrl-C). */
    private static Thread stopAfter(Duration duration, StopRequests stop) {
        Thread timer = new Thread(() -> {
            try {
                if (!duration.isZero() && !stop.await(duration.toMillis())) {
                    stop.request("--duration " + duration.toSeconds() + " s is over");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "demo-duration");
        timer.setDaemon(true);
        timer.start();
        return timer;
    }

    private static void join(Thread thread) {
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static DemoFolder folder(Options options, CommandContext context) throws IOException {
        Optional<String> dir = options.value("dir");
        return dir.isPresent() ? DemoFolder.kept(context.resolve(dir.get())) : DemoFolder.temporary();
    }

    /** How to start the chosen broker; a missing Mosquitto is a usage error, found before anything starts. */
    private interface BrokerChoice {
        DemoBroker start(Path dataDirectory) throws IOException;
    }

    private static BrokerChoice broker(Options options) throws UsageException {
        String name = options.value("broker").orElse("moquette");
        return switch (name) {
            case "moquette" -> EmbeddedBroker::start;
            case "mosquitto" -> {
                Path mosquitto = MosquittoProcess.executable().orElseThrow(() -> new UsageException(
                        "--broker mosquitto: no mosquitto on PATH or in /usr/sbin (Debian: apt install mosquitto);"
                                + " without --broker the demo uses its built-in Moquette"));
                yield data -> MosquittoProcess.start(mosquitto, data);
            }
            default -> throw new UsageException("--broker: expected moquette or mosquitto, got '" + name + "'");
        };
    }

    private static DemoPace pace(Options options) throws UsageException {
        Optional<String> value = options.value("pace");
        if (value.isEmpty()) {
            return DemoPace.DEFAULT;
        }
        try {
            return DemoPace.ofSeconds(Double.parseDouble(value.get()));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--pace: expected seconds from 1 to 60, got '" + value.get() + "'");
        }
    }

    private static long number(Options options, String name, long defaultValue, long min, long max)
            throws UsageException {
        Optional<String> value = options.value(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            long parsed = Long.parseLong(value.get());
            if (parsed < min || parsed > max) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + ": expected a whole number from " + min + " to " + max
                    + ", got '" + value.get() + "'");
        }
    }
}
