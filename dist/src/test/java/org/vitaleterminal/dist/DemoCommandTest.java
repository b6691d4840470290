package org.vitaleterminal.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vitaleterminal.dist.demo.MosquittoProcess;
import org.vitaleterminal.firmware.cli.CommandContext;
import org.vitaleterminal.firmware.cli.ExitStatus;
import org.vitaleterminal.firmware.cli.Main;
import org.vitaleterminal.firmware.cli.UsageException;
import org.vitaleterminal.firmware.run.StopRequests;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.world.SampleWorld;

/**
 * The whole demo in-process, on a fast pace: one cycle of every camera scenario and a few NFC
 * taps through the real run loop, the embedded broker and the printing subscriber. Stops are
 * manual here (no signal handlers installed in the test JVM); {@code --duration} ends it.
 */
class DemoCommandTest {
    /**
     * A NIR: sex, year, month, département (2A/2B), commune, order — 13 characters standing alone
     * (temporary folder names hold longer runs of digits).
     */
    private static final Pattern FULL_NIR = Pattern.compile("(?<![0-9])[12][0-9]{4}(?:[0-9]{2}|2[AB])[0-9]{6}(?![0-9])");

    @Test
    void theFullNirPatternMatchesCorsicanNirs() {
        assertTrue(FULL_NIR.matcher("x 168042B033021 y").find());
        assertTrue(FULL_NIR.matcher("175062A004012").find());
        assertTrue(FULL_NIR.matcher("2850375108123").find());
        assertFalse(FULL_NIR.matcher("28503751081").find(), "too short");
        assertFalse(FULL_NIR.matcher("1680A2B033021").find(), "a letter outside the département");
    }

    private static final Set<String> JVM_WIDE_THREADS = Set.of("JNA Cleaner", "process reaper");

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void oneCycleOfEveryScenarioEndsInEventLinesWithMaskedNirsAndASummary() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = new DemoCommand(StopRequests::manual)
                .run(List.of("--duration", "21", "--pace", "2", "--seed", "11"), context(out, err));

        String text = out.toString(StandardCharsets.UTF_8);
        String all = text + err.toString(StandardCharsets.UTF_8);
        assertEquals(ExitStatus.OK, status, all);
        assertLine(text, "ACCEPTED qr   Marie DUPONT · NIR 2 85 ** ** *** *** ", "rights open");
        // the family wallet discloses one member only: Léa, and nobody else of the household
        assertLine(text, "ACCEPTED qr   Léa DURAND (child) · NIR 1 80 ", "rights open");
        assertFalse(text.contains("Thomas DURAND ·") || text.contains("Julie"), text);
        assertLine(text, "ACCEPTED qr   Bernard PETIT", "rights CLOSED");
        assertLine(text, "indicator ACCEPTED_NO_OPEN_RIGHTS", "amber");
        assertLine(text, "REJECTED qr   EXPIRED", "expired");
        assertLine(text, "REJECTED qr   REVOKED", "revocation list");
        assertLine(text, "screenshot of Marie DUPONT's code", "");
        assertLine(text, "REJECTED qr   REPLAYED", "already used");
        assertLine(text, "REJECTED qr   UNKNOWN_KEY", "unknown issuer");
        assertLine(text, "▶ an EU Digital COVID Certificate (HC1:)", "");
        assertLine(text, "REJECTED qr   TRUST_LIST_MISSING", "no trusted keys");
        assertLine(text, "ACCEPTED nfc  Hugo DURAND (child)", "rights open");
        assertLine(text, "indicator WAITING_FOR_UNLOCK", "amber");
        // the devices' states are not asserted: on a busy machine the PN532 driver's first open can
        // time out (the terminal retries within a second), and the status says "nfc fault" then
        assertLine(text, "status online", "trust list v1");
        assertLine(text, "status offline", "");
        assertLine(text, "summary: ", "rejected REPLAYED 1");
        assertTrue(text.contains("outbox: 0 event(s) left; last status: offline"), text);

        SampleWorld world = SampleWorld.create(SimRandom.seeded(11), Instant.now());
        for (var wallet : world.wallets().values()) {
            assertFalse(all.contains(wallet.credential().insured().nir()), "a full NIR was printed");
        }
        Matcher nir = FULL_NIR.matcher(all);
        assertFalse(nir.find(), () -> "a full NIR was printed: " + nir.group());

        Matcher files = Pattern.compile("files in (\\S+)").matcher(text);
        assertTrue(files.find(), text);
        assertFalse(Files.exists(Path.of(files.group(1))), "the temporary folder is deleted");
        assertNoThreadLeft(before);
    }

    @Test
    @Timeout(40)
    void withMosquittoInstalledTheDemoCanUseItAndStopsIt() throws Exception {
        Assumptions.assumeTrue(MosquittoProcess.executable().isPresent(), "mosquitto is not installed");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = new DemoCommand(StopRequests::manual).run(
                List.of("--broker", "mosquitto", "--duration", "6", "--pace", "2", "--quiet"), context(out, err));

        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(ExitStatus.OK, status, text + err);
        assertLine(text, "MQTT broker (Mosquitto", "tcp://127.0.0.1:");
        assertLine(text, "#1 ACCEPTED qr   Marie DUPONT", "rights open");
        assertFalse(text.contains("indicator "), "--quiet leaves the indicator lines out");
        assertTrue(text.contains("last status: offline"), text);
        assertEquals(List.of(), ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse("?")).filter(c -> c.contains("mosquitto")).toList(),
                "the demo's mosquitto is stopped");
    }

    @Test
    @Timeout(10)
    void helpSaysWhatTheDemoShowsAndHowItStops() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Main.withInstalledCommands().run(List.of("demo", "--help"), context(out, new ByteArrayOutputStream()));
        assertEquals(ExitStatus.OK, status);
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("--duration S") && help.contains("default 60") && help.contains("Ctrl-C"), help);
    }

    @Test
    @Timeout(10)
    void aBadOptionIsAUsageErrorBeforeAnythingStarts() {
        CommandContext context = context(new ByteArrayOutputStream(), new ByteArrayOutputStream());
        UsageException pace = assertThrows(UsageException.class,
                () -> new DemoCommand(StopRequests::manual).run(List.of("--pace", "0.5"), context));
        assertTrue(pace.getMessage().contains("--pace"), pace.getMessage());
        UsageException duration = assertThrows(UsageException.class,
                () -> new DemoCommand(StopRequests::manual).run(List.of("--duration", "soon"), context));
        assertTrue(duration.getMessage().contains("--duration"), duration.getMessage());
    }

    /**
     * Every thread the demo started (broker, MQTT clients, camera, NFC, pseudo-terminal) is gone.
     * Two JVM-wide singletons may stay, idle: JNA's cleaner (one per JVM, started on first native
     * use) and the JDK's process reaper (a pooled thread that ends after 60 s idle); neither is
     * per demo run.
     */
    private static void assertNoThreadLeft(Set<Thread> before) throws InterruptedException {
        Set<Thread> left = Set.of();
        for (int attempt = 0; attempt < 50; attempt++) {
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.isAlive() && !before.contains(thread))
                    .filter(thread -> !JVM_WIDE_THREADS.contains(thread.getName()))
                    .filter(thread -> !thread.getName().startsWith("ForkJoinPool.commonPool"))
                    .collect(Collectors.toSet());
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        assertEquals(Set.of(), left.stream().map(Thread::getName).collect(Collectors.toSet()), "threads left running");
    }

    private CommandContext context(ByteArrayOutputStream out, ByteArrayOutputStream err) {
        return new CommandContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.system(SampleWorld.ZONE), Map.of(), dir);
    }

    private static void assertLine(String output, String start, String contains) {
        assertTrue(output.lines().anyMatch(line -> line.contains(start) && line.contains(contains)),
                "no line with '" + start + "' and '" + contains + "' in:\n" + output);
    }
}
