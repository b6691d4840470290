package org.vitaleterminal.firmware.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.world.SampleWorld;

/**
 * A sample world written to a temporary folder (root PEM, trust list) and a way to run
 * {@code vitale-terminal} commands in-process against it, capturing stdout, stderr and the exit
 * status.
 */
final class VerifyFixture {
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    final Path dir;
    final SampleWorld world;
    final SecureRandom random = SimRandom.seeded(99);
    final Path root;
    final Path trustList;

    VerifyFixture(Path dir) throws IOException {
        this.dir = dir;
        this.world = SampleWorld.create(SimRandom.seeded(2026), NOW);
        this.root = Files.writeString(dir.resolve("root.pem"), world.rootPem());
        this.trustList = Files.write(dir.resolve("trust-list.cose"), world.trustList());
    }

    /** The result of one command run. */
    record Run(int status, String out, String err) {}

    Run run(String... arguments) {
        return run(Map.of(), arguments);
    }

    Run run(Map<String, String> environment, String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandContext context = new CommandContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.fixed(NOW, PARIS), environment, dir);
        int status = Main.withInstalledCommands().run(List.of(arguments), context);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** verify with the fixture's trust material and the given extra arguments. */
    Run verify(String... arguments) {
        List<String> all = new ArrayList<>(List.of("verify", "--trust-root", root.toString(), "--trust-list",
                trustList.toString()));
        all.addAll(List.of(arguments));
        return run(all.toArray(String[]::new));
    }
}
