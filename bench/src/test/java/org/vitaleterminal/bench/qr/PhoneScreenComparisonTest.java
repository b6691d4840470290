package org.vitaleterminal.bench.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.vitaleterminal.firmware.qr.FinderPresence;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The goals on the synthetic phone-screen set, against zbar and zxing-cpp on the same
 * photos in the same run: our exact-read count is at least each peer's in every bucket, at least
 * 99 % in every bucket at ≥ 3 px/module with mild or moderate distortion, and we never misread.
 * The whole table is printed first, so a failure comes with its numbers.
 *
 * <p>Every family × strength × 2–6 px/module, {@value #PER_BUCKET} photos per bucket (override
 * with {@code -Dvt.qr.perBucket=N}; {@code scripts/dev qr-report} runs 20). With so few photos
 * per bucket, "≥ 99 %" means "every photo". The peers are required: missing, the test is skipped
 * locally and fails under {@code CI=true} (.ci/run installs zbar-tools and zxing-cpp-tools).
 *
 * <p>Runtime: ~90 s on the shared 2-core machine at load ~4, ~130 s at load ~6 (photos rendered
 * and decoded on 2 threads). Fewer photos per bucket would be faster, but 8 stays: at 4 or 6 the
 * one bucket still behind a peer at 8 (perspective/strong/6px) happens to tie, and a smaller
 * sample must not be what turns the gate green.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class PhoneScreenComparisonTest {
    static final int PER_BUCKET = 8;

    private ComparisonResult result;

    @BeforeAll
    void runTheComparison() throws Exception {
        List<PeerReader> peers = PeerReader.installed();
        if (peers.size() < 2) {
            String message = "zbarimg and ZXingReader are needed on the PATH: install the Debian packages zbar-tools and"
                    + " zxing-cpp-tools (found: " + peers.stream().map(PeerReader::name).toList() + ")";
            if ("true".equals(System.getenv("CI"))) {
                fail(message + " (CI=true: the comparison is required there)");
            }
            Assumptions.abort(message);
        }
        int perBucket = Integer.getInteger("vt.qr.perBucket", PER_BUCKET);
        Optional<Path> testdata = Optional.ofNullable(System.getProperty("vt.testdata")).map(Path::of);
        result = new Comparison(PhoneScreenSet.full(perBucket, PhoneScreenSet.DEFAULT_SEED),
                PhoneScreenPayloads.create(testdata), this::oursWatchingThePresenceCheck, peers, Optional.empty()).run();
        System.out.println(result.table());
    }

    /** Photos our decoder read although the camera path's presence check saw no candidate. */
    private final List<String> decodedWithoutCandidate = new CopyOnWriteArrayList<>();
    private final AtomicInteger decoded = new AtomicInteger();

    /**
     * Our decoder, plus the presence check the camera path runs first ({@link FinderPresence}):
     * the frame decoder runs nothing on a frame the check rejects, so it must say "maybe" on
     * every photo any of our attempts can read.
     */
    private FrameDecoder oursWatchingThePresenceCheck() {
        FrameDecoder ours = FrameDecoder.ours();
        FinderPresence presence = new FinderPresence();
        return frame -> {
            Optional<String> text = ours.decode(frame);
            if (text.isPresent()) {
                decoded.incrementAndGet();
                if (!presence.mayHoldCode(frame)) {
                    decodedWithoutCandidate.add("frame " + frame.sequence() + " " + frame.width() + "x" + frame.height());
                }
            }
            return text;
        };
    }

    @Test
    void thePresenceCheckSeesEveryPhotoWeDecode() {
        assertTrue(decoded.get() >= result.buckets().size() * 6, "decoded only " + decoded.get());
        assertEquals(List.of(), decodedWithoutCandidate, "read by our decoder, but no candidate for the presence check");
    }

    @Test
    void ourDecoderNeverMisreads() {
        assertEquals(List.of(), result.ourMisreads(), "buckets where our decoder returned a wrong text");
    }

    /**
     * The buckets where a peer still reads more than we do on the test's sample (seed, {@value
     * #PER_BUCKET} per bucket): the goal "≥ both peers in every bucket" is not met there yet, and
     * issue 4 stays open for it. A ratchet, not an allowance: the test demands exactly this set,
     * so a new shortfall fails it and so does a fixed one still listed — the list can only shrink.
     * With another sample size ({@code -Dvt.qr.perBucket}) every bucket is held to the goal.
     */
    static final Set<String> KNOWN_SHORTFALLS = Set.of("perspective/strong/6px");

    @Test
    void ourDecoderReadsAtLeastAsManyAsEachPeerInEveryBucketButTheKnownShortfalls() {
        Set<String> behind = new TreeSet<>();
        for (String line : result.bucketsBehindPeers()) {
            behind.add(line.substring(0, line.indexOf(':')));
        }
        Set<String> expected = Integer.getInteger("vt.qr.perBucket", PER_BUCKET) == PER_BUCKET
                ? new TreeSet<>(KNOWN_SHORTFALLS) : Set.of();
        assertEquals(expected, behind, "buckets where a peer read more photos than we did: "
                + result.bucketsBehindPeers());
    }

    @Test
    void ourDecoderReads99PercentAtThreePixelsPerModuleAndModerateDistortion() {
        assertEquals(List.of(), result.easyBucketsBelowGoal(), "easy buckets (>= 3 px/module, mild or moderate) below 99 %");
    }

    /** The harness itself: the peers' outputs are parsed (a broken parser would read nothing). */
    @Test
    void peersReadMostEasyPhotosSoTheirOutputIsUnderstood() {
        for (String peer : result.decoders().subList(1, result.decoders().size())) {
            int exact = 0;
            int total = 0;
            for (Bucket bucket : result.buckets()) {
                if (ComparisonResult.isEasy(bucket)) {
                    exact += result.tally(bucket, peer).exact();
                    total += result.tally(bucket, peer).total();
                }
            }
            assertTrue(exact >= 0.8 * total, peer + " read only " + exact + "/" + total + " easy photos");
        }
    }
}
