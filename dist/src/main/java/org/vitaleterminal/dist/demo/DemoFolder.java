package org.vitaleterminal.dist.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.vitaleterminal.sim.wallet.Wallet;
import org.vitaleterminal.sim.world.SampleWorld;

/**
 * The demo terminal's files, all in one folder: the pinned trust root and the signed trust list,
 * its configuration (the same {@code terminal.properties} a Pi has), its state directory (outbox,
 * replay cache, clock mark), the broker's data, and one fresh QR text per sample wallet to try
 * {@code verify} on. A temporary folder is deleted when the demo ends; one named with
 * {@code --dir} is kept.
 */
public final class DemoFolder implements AutoCloseable {
    public static final String TERMINAL_ID = "demo-t1";
    public static final String SITE_ID = "demo-pharmacy";

    private final Path dir;
    private final boolean temporary;

    private DemoFolder(Path dir, boolean temporary) {
        this.dir = dir;
        this.temporary = temporary;
    }

    /** A new temporary folder, deleted by {@link #close()}. */
    public static DemoFolder temporary() throws IOException {
        return new DemoFolder(Files.createTempDirectory("vitale-terminal-demo-"), true);
    }

    /** A folder the user named, created if need be and kept. */
    public static DemoFolder kept(Path dir) throws IOException {
        return new DemoFolder(Files.createDirectories(dir), false);
    }

    public Path path() {
        return dir;
    }

    public Path brokerData() throws IOException {
        return Files.createDirectories(dir.resolve("broker"));
    }

    /** The trust material, and one QR text per wallet (fresh now: valid for two minutes). */
    public void writeWorld(SampleWorld world, SecureRandom random, Instant now) throws IOException {
        Files.writeString(dir.resolve("root.pem"), world.rootPem());
        Files.write(dir.resolve("trust-list.cose"), world.trustList());
        for (Map.Entry<String, Wallet> wallet : world.wallets().entrySet()) {
            int shown = wallet.getKey().equals("family") ? DemoCast.FAMILY_MEMBER_SHOWN : 0;
            Files.writeString(dir.resolve(wallet.getKey() + ".txt"),
                    wallet.getValue().presentQr(now, random, shown) + "\n");
        }
    }

    /**
     * The terminal's configuration. {@code camera.source} names an empty folder because {@code run}
     * checks the setting; the demo's devices hand the virtual camera instead. {@code demo=true}
     * lets the terminal accept the sample world's demo key.
     *
     * @param nfcReader {@code pn532:uart:/dev/pts/N}, or {@code none}
     */
    public Path writeConfig(String brokerUrl, String nfcReader, DemoPace pace) throws IOException {
        // A kept folder may hold the state of an earlier run, whose trust list another root
        // signed and whose replay cache and seq belong to another world: every run starts afresh.
        deleteTree(dir.resolve("state"));
        Path frames = Files.createDirectories(dir.resolve("camera"));
        String properties = String.join("\n",
                "# written by vitale-terminal demo: a terminal in a simulated pharmacy",
                "terminal.id=" + TERMINAL_ID,
                "site.id=" + SITE_ID,
                "site.kind=pharmacy",
                "state.dir=" + dir.resolve("state"),
                "trust.roots=" + dir.resolve("root.pem"),
                "trust.list=" + dir.resolve("trust-list.cose"),
                "camera.source=dir:" + frames,
                "scanner.source=none",
                "nfc.reader=" + nfcReader,
                "indicator=console",
                "mqtt.url=" + brokerUrl,
                "mqtt.telemetryInterval=PT" + pace.scenario().multipliedBy(5).toSeconds() + "S",
                "demo=true") + "\n";
        return Files.writeString(dir.resolve("terminal.properties"), properties);
    }

    /** Deletes a temporary folder and everything in it; leaves a kept one alone. */
    @Override
    public void close() throws IOException {
        if (temporary) {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
