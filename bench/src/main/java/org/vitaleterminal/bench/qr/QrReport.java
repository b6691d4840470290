package org.vitaleterminal.bench.qr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.vitaleterminal.sim.qr.Distortion;
import org.vitaleterminal.sim.qr.Strength;

/**
 * {@code scripts/dev qr-report}: runs the comparison and prints the full table.
 *
 * <pre>
 *   --per-bucket N        photos per bucket (default 20)
 *   --seed S              set seed (default {@value PhoneScreenSet#DEFAULT_SEED})
 *   --distortions a,b     families (default all: blur,rotation,perspective,glare,noise,jpeg,moire,inverted,counter)
 *   --strengths a,b       mild,moderate,strong (default all)
 *   --px a,b              px/module (default 2,3,4,5,6)
 *   --images DIR          also write every photo as a grey PNG, with manifest.tsv
 *   --no-peers            our decoder only
 *   --threads N           threads rendering photos and running our decoder (default {@value Comparison#DEFAULT_THREADS})
 * </pre>
 * The HC1 payloads come from {@code -Dvt.testdata} when it is set. Exit status 0 when every goal
 * holds, 1 when one does not, 2 on a usage error.
 */
public final class QrReport {
    private QrReport() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int perBucket = 20;
        long seed = PhoneScreenSet.DEFAULT_SEED;
        Set<Distortion> distortions = EnumSet.allOf(Distortion.class);
        Set<Strength> strengths = EnumSet.allOf(Strength.class);
        List<Integer> px = PhoneScreenSet.MODULE_SIZES;
        Optional<Path> images = Optional.empty();
        boolean peers = true;
        int threads = Comparison.DEFAULT_THREADS;
        try {
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                switch (option) {
                    case "--per-bucket" -> perBucket = Integer.parseInt(value(args, ++i, option));
                    case "--seed" -> seed = Long.parseLong(value(args, ++i, option));
                    case "--distortions" -> distortions = parse(value(args, ++i, option), Distortion.class);
                    case "--strengths" -> strengths = parse(value(args, ++i, option), Strength.class);
                    case "--px" -> px = Arrays.stream(value(args, ++i, option).split(","))
                            .map(String::trim).map(Integer::valueOf).toList();
                    case "--images" -> images = Optional.of(Path.of(value(args, ++i, option)));
                    case "--no-peers" -> peers = false;
                    case "--threads" -> threads = Integer.parseInt(value(args, ++i, option));
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("qr-report: " + e.getMessage()
                    + " (options: --per-bucket N --seed S --distortions a,b --strengths a,b --px 2,3 --images DIR"
                    + " --no-peers --threads N)");
            System.exit(2);
            return;
        }
        PhoneScreenSet set = new PhoneScreenSet(distortions, strengths, px, perBucket, seed);
        List<PeerReader> readers = peers ? PeerReader.installed() : List.of();
        if (peers && readers.size() < 2) {
            System.err.println("qr-report: compare with both peers by installing the Debian packages zbar-tools and"
                    + " zxing-cpp-tools (found: " + readers.stream().map(PeerReader::name).toList() + ")");
        }
        Optional<Path> testdata = Optional.ofNullable(System.getProperty("vt.testdata")).map(Path::of);
        ComparisonResult result = new Comparison(set, PhoneScreenPayloads.create(testdata), FrameDecoder::ours, readers,
                images, threads).run();
        System.out.println(result.table());
        images.ifPresent(dir -> System.out.println("photos: " + dir.toAbsolutePath() + " (manifest.tsv)"));
        List<String> failures = new java.util.ArrayList<>();
        result.ourMisreads().forEach(line -> failures.add("misread " + line));
        result.easyBucketsBelowGoal().forEach(line -> failures.add("below 99 % " + line));
        result.bucketsBehindPeers().forEach(line -> failures.add("behind a peer " + line));
        failures.forEach(line -> System.out.println("GOAL MISSED: " + line));
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static <E extends Enum<E>> Set<E> parse(String list, Class<E> type) {
        EnumSet<E> values = EnumSet.noneOf(type);
        for (String name : list.split(",")) {
            try {
                values.add(Enum.valueOf(type, name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown " + type.getSimpleName().toLowerCase(Locale.ROOT) + " '"
                        + name.trim() + "', expected one of " + EnumSet.allOf(type).toString().toLowerCase(Locale.ROOT));
            }
        }
        return values;
    }
}
