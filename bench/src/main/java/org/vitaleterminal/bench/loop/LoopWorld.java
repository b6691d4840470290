package org.vitaleterminal.bench.loop;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.vitaleterminal.hal.camera.LumaImage;
import org.vitaleterminal.sim.camera.QrScreen;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.world.SampleWorld;

/**
 * What the run-loop benchmarks share: a sample world (trust root, trust list, wallets) written
 * to a folder, a {@code terminal.properties} for it, a local Mosquitto, and a looping test video
 * of phones showing their codes. Nothing here is personal data: the sample people are invented.
 */
final class LoopWorld {
    static final String SITE = "750012345";
    static final String TERMINAL = "bench-loop-t1";

    final Path dir;
    final SampleWorld world;

    private LoopWorld(Path dir, SampleWorld world) {
        this.dir = dir;
        this.world = world;
    }

    static LoopWorld create(Path dir, long seed) throws IOException {
        Files.createDirectories(dir);
        return new LoopWorld(dir, SampleWorld.create(SimRandom.seeded(seed), Instant.now()));
    }

    /** Writes the trust files and a configuration; returns the configuration's path. */
    Path config(String cameraSource, String mqttUrl) throws IOException {
        Path root = Files.writeString(dir.resolve("root.pem"), world.rootPem());
        Path list = Files.write(dir.resolve("trust-list.cose"), world.trustList());
        return Files.writeString(dir.resolve("terminal.properties"), String.join("\n",
                "terminal.id=" + TERMINAL,
                "site.id=" + SITE,
                "site.kind=pharmacy",
                "state.dir=" + dir.resolve("state"),
                "trust.roots=" + root,
                "trust.list=" + list,
                "camera.source=" + cameraSource,
                "indicator=none",
                "mqtt.url=" + mqttUrl) + "\n");
    }

    /**
     * A lossless looping video (FFV1 in Matroska, 640x480 grey): two wallets' codes, each shown
     * for {@code codeFrames} frames and followed by {@code blankFrames} blank frames, as a
     * {@code file:} camera source plays it through ffmpeg. Each code is a presentation made now:
     * on every loop the same texts come back, so after the first loop the terminal rejects them
     * (replay, then age) — still a decision and an event each time the debouncer lets one through.
     */
    Path video(int codeFrames, int blankFrames) throws IOException, InterruptedException {
        Path frames = Files.createDirectories(dir.resolve("video-frames"));
        QrScreen screen = new QrScreen(640, 480, 4, 128);
        List<LumaImage> script = new ArrayList<>();
        var random = SimRandom.seeded(7);
        for (String code : List.of(world.singleAdult().presentQr(Instant.now(), random, 0),
                world.family().presentQr(Instant.now(), random, 0))) {
            LumaImage shown = screen.show(code);
            for (int i = 0; i < codeFrames; i++) {
                script.add(shown);
            }
            LumaImage blank = screen.blank();
            for (int i = 0; i < blankFrames; i++) {
                script.add(blank);
            }
        }
        for (int i = 0; i < script.size(); i++) {
            writePgm(script.get(i), frames.resolve(String.format("f%04d.pgm", i)));
        }
        Path video = dir.resolve("phones.mkv");
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-loglevel", "error", "-y", "-framerate", "30",
                "-i", frames.resolve("f%04d.pgm").toString(), "-c:v", "ffv1", "-pix_fmt", "gray", video.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("ffmpeg.log").toFile()).start();
        if (!ffmpeg.waitFor(120, TimeUnit.SECONDS) || ffmpeg.exitValue() != 0) {
            ffmpeg.destroyForcibly();
            throw new IOException("ffmpeg could not make the test video: " + Files.readString(dir.resolve("ffmpeg.log")));
        }
        return video;
    }

    static void writePgm(LumaImage image, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("P5\n" + image.width() + " " + image.height() + "\n255\n").getBytes(StandardCharsets.US_ASCII));
            out.write(image.pixels());
        }
    }


    /** Removes what a bench wrote (best effort). */
    static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + root + ": " + e.getMessage());
        }
    }

    static String loadAverage() {
        return LoadAverage.now();
    }
}
