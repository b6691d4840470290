package org.vitaleterminal.bench.loop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.vitaleterminal.bench.LocalMosquitto;

/**
 * {@code vitale-terminal run} as the device runs it — the launcher script, the jar, the JVM flags
 * of systemd/vitale-terminal.service but with {@code -Xmx64m} — in front of a looping test video
 * ({@code file:…mkv,loop=true} through ffmpeg, 640x480 at 30 fps, a code every 2 s) and a local
 * Mosquitto with a back-end subscriber counting the events that arrive.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.vitaleterminal.bench.loop.RunProcessBench memory [minutes=10] [sampleSeconds=10]
 * java -cp bench/target/benchmarks.jar org.vitaleterminal.bench.loop.RunProcessBench startup [runs=5]
 * </pre>
 * {@code memory}: samples VmRSS of the JVM (the launcher exec's java, so it is the launched PID)
 * from /proc every few seconds, prints a table and the maximum (goal ≤ 160 MB after 10 minutes).
 * {@code startup}: time from starting the launcher to the line
 * {@code vitale-terminal run: terminal … ready} on stderr (goal ≤ 2 s), without and with an
 * application CDS archive ({@code -XX:SharedArchiveFile -XX:+AutoCreateSharedArchive}; its
 * first run writes the archive and is shown apart).
 *
 * <p>Environment: {@code VT_LAUNCHER} (default scripts/vitale-terminal), {@code VITALE_TERMINAL_JAR}
 * (default dist/target/vitale-terminal.jar) and {@code JAVA_HOME} pass through to the launcher.
 */
public final class RunProcessBench {
    /** systemd/vitale-terminal.service's flags with the heap of the goal (-Xmx64m instead of 96m). */
    static final List<String> UNIT_FLAGS = List.of("-Xms32m", "-Xmx64m", "-Xss512k", "-XX:MaxMetaspaceSize=96m",
            "-XX:ReservedCodeCacheSize=32m", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-XX:+ExitOnOutOfMemoryError");

    private RunProcessBench() {}

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "memory";
        Path dir = Files.createTempDirectory("vt-run-bench");
        LoopWorld world = LoopWorld.create(dir, 4242);
        Path video = world.video(15, 45);
        try (LocalMosquitto broker = LocalMosquitto.start(dir.resolve("broker"))) {
            Path config = world.config("file:" + video + ",loop=true,fps=30", broker.url());
            switch (mode) {
                case "memory" -> memory(dir, config, broker,
                        args.length > 1 ? Double.parseDouble(args[1]) : 10, args.length > 2 ? Integer.parseInt(args[2]) : 10);
                case "startup" -> startup(dir, config, args.length > 1 ? Integer.parseInt(args[1]) : 5);
                default -> throw new IllegalArgumentException("mode memory or startup, not " + mode);
            }
        } finally {
            LoopWorld.deleteTree(dir);
        }
    }

    private static void memory(Path dir, Path config, LocalMosquitto broker, double minutes, int sampleSeconds)
            throws Exception {
        List<String> flags = new ArrayList<>(UNIT_FLAGS);
        flags.add("-XX:SharedArchiveFile=" + dir.resolve("app.jsa"));
        flags.add("-XX:+AutoCreateSharedArchive");
        flags.add("-Djna.tmpdir=" + dir.resolve("jna"));
        AtomicLong events = new AtomicLong();
        MqttClient backend = new MqttClient(broker.url(), "bench-backend", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        backend.connect(options);
        backend.subscribe("vt/v1/" + LoopWorld.SITE + "/" + LoopWorld.TERMINAL + "/fse", 1,
                (topic, message) -> events.incrementAndGet());
        System.out.println("JVM flags: " + String.join(" ", flags));
        Run run = Run.start(config, flags, dir.resolve("run-memory.err"));
        try {
            if (!run.ready.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not ready within 60 s; see " + dir.resolve("run-memory.err"));
            }
            System.out.printf("ready after %.2f s; pid %d%n", run.readyNanos.get() / 1e9, run.process.pid());
            System.out.println("| t (s) | VmRSS (MB) | VmHWM (MB) | threads | events at the broker | load average |");
            System.out.println("|---:|---:|---:|---:|---:|---|");
            long start = System.nanoTime();
            long end = start + (long) (minutes * 60e9);
            long maxRss = 0;
            for (int i = 0; ; i++) {
                long due = start + TimeUnit.SECONDS.toNanos((long) i * sampleSeconds);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(TimeUnit.NANOSECONDS.toMillis(wait));
                }
                if (!run.process.isAlive()) {
                    throw new IllegalStateException("the terminal exited with " + run.process.exitValue());
                }
                Map<String, Long> status = procStatus(run.process.pid());
                maxRss = Math.max(maxRss, status.get("VmRSS"));
                System.out.printf("| %d | %.1f | %.1f | %d | %d | %s |%n", (long) i * sampleSeconds,
                        status.get("VmRSS") / 1024.0, status.get("VmHWM") / 1024.0, status.get("Threads"), events.get(),
                        LoopWorld.loadAverage());
                if (due >= end) {
                    break;
                }
            }
            System.out.printf("max VmRSS %.1f MB over %.1f minutes (goal ≤ 160 MB)%n", maxRss / 1024.0, minutes);
        } finally {
            run.stop();
            backend.disconnect();
            backend.close();
        }
    }

    private static void startup(Path dir, Path config, int runs) throws Exception {
        System.out.println("| archive | run | process start → ready (s) | load average |");
        System.out.println("|---|---:|---:|---|");
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("JDK default CDS only", List.of());
        variants.put("app CDS (AutoCreateSharedArchive)", List.of("-XX:SharedArchiveFile=" + dir.resolve("app.jsa"),
                "-XX:+AutoCreateSharedArchive"));
        for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
            List<String> flags = new ArrayList<>(UNIT_FLAGS);
            flags.addAll(variant.getValue());
            boolean creates = !variant.getValue().isEmpty();
            double[] seconds = new double[runs];
            for (int i = 0; i <= runs; i++) {
                if (i == 0 && !creates) {
                    continue;
                }
                // the state is kept between runs, as on a device; the archive run 0 writes is used by runs 1..n
                Run run = Run.start(config, flags, dir.resolve("run-startup.err"));
                try {
                    if (!run.ready.await(60, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("not ready within 60 s; see " + dir.resolve("run-startup.err"));
                    }
                } finally {
                    run.stop();
                }
                double s = run.readyNanos.get() / 1e9;
                String label = i == 0 ? "0 (writes the archive)" : String.valueOf(i);
                System.out.printf("| %s | %s | %.2f | %s |%n", variant.getKey(), label, s, LoopWorld.loadAverage());
                if (i > 0) {
                    seconds[i - 1] = s;
                }
            }
            double[] sorted = seconds.clone();
            Arrays.sort(sorted);
            System.out.printf("| %s | median of %d | %.2f | |%n", variant.getKey(), runs, sorted[runs / 2]);
        }
    }

    /** VmRSS, VmHWM (kB) and Threads from /proc/PID/status. */
    static Map<String, Long> procStatus(long pid) throws IOException {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            String[] parts = line.split(":\\s+", 2);
            if (parts.length == 2 && List.of("VmRSS", "VmHWM", "Threads").contains(parts[0])) {
                values.put(parts[0], Long.parseLong(parts[1].replace(" kB", "").trim()));
            }
        }
        return values;
    }

    /** One launched terminal; stderr copied to a file, the ready line timed from the launch. */
    private static final class Run {
        final Process process;
        final CountDownLatch ready = new CountDownLatch(1);
        final AtomicLong readyNanos = new AtomicLong();
        private final Thread reader;

        private Run(Process process, Thread reader) {
            this.process = process;
            this.reader = reader;
        }

        static Run start(Path config, List<String> flags, Path errFile) throws IOException {
            String launcher = System.getenv().getOrDefault("VT_LAUNCHER", "scripts/vitale-terminal");
            ProcessBuilder builder = new ProcessBuilder(launcher, "run", "--config", config.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("VITALE_TERMINAL_JAVA_OPTS", String.join(" ", flags));
            long launched = System.nanoTime();
            Process process = builder.start();
            Run[] self = new Run[1];
            Thread reader = Thread.ofPlatform().daemon().name("run-stderr").unstarted(() -> {
                try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                        StandardCharsets.UTF_8)); PrintWriter copy = new PrintWriter(Files.newBufferedWriter(errFile))) {
                    for (String line; (line = err.readLine()) != null; ) {
                        if (line.startsWith("vitale-terminal run: terminal ") && line.endsWith(" ready")
                                && self[0].ready.getCount() > 0) {
                            self[0].readyNanos.set(System.nanoTime() - launched);
                            self[0].ready.countDown();
                        }
                        copy.println(line);
                    }
                } catch (IOException e) {
                    // the process ended
                }
            });
            self[0] = new Run(process, reader);
            reader.start();
            return self[0];
        }

        /** SIGTERM, as systemd stops it; SIGKILL after 30 s. */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(5000);
        }
    }
}
