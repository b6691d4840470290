package org.vitaleterminal.bench.qr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.vitaleterminal.hal.camera.LumaFrame;
import org.vitaleterminal.sim.qr.GreyImage;
import org.vitaleterminal.sim.qr.PhoneScreenPhoto;
import org.vitaleterminal.sim.qr.PhoneScreenRenderer;
import org.vitaleterminal.sim.qr.QrSymbol;

/**
 * One run of the side-by-side comparison: renders every photo of a {@link PhoneScreenSet} (on
 * {@link #DEFAULT_THREADS} threads, each photo seeded on its own, so the pixels do not depend on
 * the thread count), hands its luma to our decoder in memory and writes the very same pixels as a
 * PGM for the peers, which read each bucket in one process per tool while the JVM renders on. Every decoded
 * text is compared with the one shown: exact, misread or missed.
 *
 * <p>Optionally also writes every photo as an 8-bit grey PNG, with a manifest of what each shows
 * and how it was distorted, for a human to look at.
 */
public final class Comparison {
    public static final String OURS = "ours";
    /**
     * Threads that render photos and run our decoder: the development machine and CI have two
     * cores, and the peers' processes run beside them.
     */
    public static final int DEFAULT_THREADS = 2;

    private final PhoneScreenSet set;
    private final List<String> payloads;
    private final Supplier<FrameDecoder> ours;
    private final List<PeerReader> peers;
    private final Optional<Path> pngDirectory;
    private final int threads;

    /**
     * @param ours a fresh decoder under test per call: each rendering thread gets its own (ZXing
     *             readers are not thread-safe)
     */
    public Comparison(PhoneScreenSet set, List<String> payloads, Supplier<FrameDecoder> ours, List<PeerReader> peers,
            Optional<Path> pngDirectory, int threads) {
        if (payloads.isEmpty()) {
            throw new IllegalArgumentException("no payloads to show");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads " + threads + " < 1");
        }
        this.set = set;
        this.payloads = List.copyOf(payloads);
        this.ours = ours;
        this.peers = List.copyOf(peers);
        this.pngDirectory = pngDirectory;
        this.threads = threads;
    }

    public Comparison(PhoneScreenSet set, List<String> payloads, Supplier<FrameDecoder> ours, List<PeerReader> peers,
            Optional<Path> pngDirectory) {
        this(set, payloads, ours, peers, pngDirectory, DEFAULT_THREADS);
    }

    /** What one photo showed and what our decoder made of it. */
    private record Shot(String name, Path pgm, String expected, String manifestLine, Tally.Outcome ours,
            long renderNanos, long oursNanos) {}

    public ComparisonResult run() throws IOException, InterruptedException {
        List<QrSymbol> symbols = payloads.stream().map(QrSymbol::encode).toList();
        List<String> decoders = new ArrayList<>();
        decoders.add(OURS);
        peers.forEach(peer -> decoders.add(peer.name()));
        Map<Bucket, Map<String, Tally>> tallies = new LinkedHashMap<>();
        PhoneScreenRenderer renderer = new PhoneScreenRenderer();
        Path work = Files.createTempDirectory("qr-phone-screens");
        ExecutorService peerThreads = Executors.newFixedThreadPool(Math.max(1, peers.size()));
        ExecutorService shotThreads = Executors.newFixedThreadPool(threads);
        // One decoder per rendering thread, for this run only.
        ThreadLocal<FrameDecoder> decoder = ThreadLocal.withInitial(ours);
        List<Future<?>> peerRuns = new ArrayList<>();
        long started = System.nanoTime();
        long oursNanos = 0;
        long renderNanos = 0;
        try {
            if (pngDirectory.isPresent()) {
                Files.createDirectories(pngDirectory.get());
            }
            // Every photo is queued at once (each is independent and seeded by its bucket and
            // index), so both threads stay busy; buckets are then collected in table order and
            // handed to the peers as soon as each is complete.
            Map<Bucket, List<Future<Shot>>> shots = new LinkedHashMap<>();
            for (Bucket bucket : set.buckets()) {
                List<Future<Shot>> bucketShots = new ArrayList<>();
                for (int i = 0; i < set.perBucket(); i++) {
                    int index = i;
                    QrSymbol symbol = symbols.get(i % symbols.size());
                    bucketShots.add(shotThreads.submit(() -> shoot(renderer, decoder.get(), symbol, bucket, index, work)));
                }
                shots.put(bucket, bucketShots);
            }
            Map<String, String> manifest = new LinkedHashMap<>();
            Map<String, Map<String, Tally.Outcome>> outcomes = new java.util.concurrent.ConcurrentHashMap<>();
            for (Map.Entry<Bucket, List<Future<Shot>>> entry : shots.entrySet()) {
                Map<String, Tally> row = new LinkedHashMap<>();
                decoders.forEach(name -> row.put(name, new Tally()));
                tallies.put(entry.getKey(), row);
                Map<Path, String> expected = new LinkedHashMap<>();
                for (Future<Shot> future : entry.getValue()) {
                    Shot shot = get(future);
                    renderNanos += shot.renderNanos();
                    oursNanos += shot.oursNanos();
                    expected.put(shot.pgm(), shot.expected());
                    manifest.put(shot.name(), shot.manifestLine());
                    row.get(OURS).record(shot.ours());
                    outcomes.computeIfAbsent(shot.name(), k -> new java.util.concurrent.ConcurrentHashMap<>())
                            .put(OURS, shot.ours());
                }
                for (PeerReader peer : peers) {
                    Tally tally = row.get(peer.name());
                    peerRuns.add(peerThreads.submit(() -> {
                        Map<Path, List<String>> read = readOrThrow(peer, List.copyOf(expected.keySet()));
                        synchronized (tally) {
                            expected.forEach((file, text) -> {
                                Tally.Outcome outcome = Tally.Outcome.of(text, read.getOrDefault(file, List.of()));
                                tally.record(outcome);
                                String name = file.getFileName().toString().replaceFirst("\\.pgm$", "");
                                outcomes.computeIfAbsent(name, k -> new java.util.concurrent.ConcurrentHashMap<>())
                                        .put(peer.name(), outcome);
                            });
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> run : peerRuns) {
                try {
                    run.get(PeerReader.BATCH_TIMEOUT_SECONDS * 2, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IOException("peer run failed: " + e.getCause().getMessage(), e.getCause());
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new IOException("peer run did not finish", e);
                }
            }
            if (pngDirectory.isPresent()) {
                writeManifest(pngDirectory.get().resolve("manifest.tsv"), decoders, manifest, outcomes);
            }
        } finally {
            shotThreads.shutdownNow();
            peerThreads.shutdownNow();
            shotThreads.awaitTermination(30, TimeUnit.SECONDS);
            peerThreads.awaitTermination(30, TimeUnit.SECONDS);
            deleteTree(work);
        }
        Map<String, String> versions = new LinkedHashMap<>();
        peers.forEach(peer -> versions.put(peer.name(), peer.debianPackage() + " " + peer.version(peer.debianPackage())));
        return new ComparisonResult(set, decoders, symbols, tallies, versions, System.nanoTime() - started, oursNanos,
                renderNanos);
    }

    /** Renders photo {@code index} of {@code bucket}, writes it for the peers, and decodes it. */
    private Shot shoot(PhoneScreenRenderer renderer, FrameDecoder decoder, QrSymbol symbol, Bucket bucket, int index,
            Path work) throws IOException {
        long r0 = System.nanoTime();
        PhoneScreenPhoto photo = renderer.render(symbol, bucket.pxPerModule(), bucket.distortion(), bucket.strength(),
                bucket.seed(set.seed(), index));
        GreyImage image = photo.image();
        String name = bucket.label().replace('/', '-') + "-" + String.format(Locale.ROOT, "%03d", index);
        Path pgm = work.resolve(name + ".pgm");
        image.writePgm(pgm);
        long renderNanos = System.nanoTime() - r0;
        String manifestLine = bucket.label() + "\t" + symbol.version() + "\t" + image.width() + "x" + image.height()
                + "\t" + photo.parameters().describe();
        if (pngDirectory.isPresent()) {
            image.writePng(pngDirectory.get().resolve(name + ".png"));
        }
        long t0 = System.nanoTime();
        Optional<String> text = decoder.decode(new LumaFrame(image.luma(), 0, image.width(), image.height(),
                image.width(), index, t0));
        long oursNanos = System.nanoTime() - t0;
        return new Shot(name, pgm, photo.expectedText(), manifestLine,
                Tally.Outcome.of(photo.expectedText(), text.stream().toList()), renderNanos, oursNanos);
    }

    private static Shot get(Future<Shot> shot) throws IOException, InterruptedException {
        try {
            return shot.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("rendering or decoding a photo failed", e.getCause());
        }
    }

    /** One line per photo: what it shows, how it was taken, and each decoder's outcome. */
    private static void writeManifest(Path file, List<String> decoders, Map<String, String> photos,
            Map<String, Map<String, Tally.Outcome>> outcomes) throws IOException {
        StringBuilder text = new StringBuilder("file\tbucket\tversion\tframe\tparameters");
        decoders.forEach(name -> text.append('\t').append(name));
        text.append('\n');
        photos.forEach((name, description) -> {
            text.append(name).append(".png\t").append(description);
            Map<String, Tally.Outcome> byDecoder = outcomes.getOrDefault(name, Map.of());
            decoders.forEach(decoder -> text.append('\t').append(
                    byDecoder.containsKey(decoder) ? byDecoder.get(decoder).name().toLowerCase(Locale.ROOT) : "-"));
            text.append('\n');
        });
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static Map<Path, List<String>> readOrThrow(PeerReader peer, List<Path> files) throws IOException,
            InterruptedException {
        Map<Path, List<String>> read = peer.read(files);
        Map<Path, List<String>> byFile = new HashMap<>();
        read.forEach((file, texts) -> byFile.put(file.toAbsolutePath().normalize(), texts));
        Map<Path, List<String>> result = new HashMap<>();
        for (Path file : files) {
            result.put(file, byFile.getOrDefault(file.toAbsolutePath().normalize(), List.of()));
        }
        return result;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
