package org.vitaleterminal.bench.qr;

import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.vitaleterminal.sim.qr.QrSymbol;
import org.vitaleterminal.sim.qr.Strength;

/** Outcomes per bucket and decoder of one {@link Comparison} run, the goal checks, and the table. */
public final class ComparisonResult {
    /** The issue's rate goal in the easy buckets: ≥ 3 px/module, mild or moderate. */
    public static final double EASY_BUCKET_GOAL = 0.99;
    public static final int EASY_MIN_PX = 3;

    private final PhoneScreenSet set;
    private final List<String> decoders;
    private final List<QrSymbol> symbols;
    private final Map<Bucket, Map<String, Tally>> tallies;
    private final Map<String, String> peerVersions;
    private final long wallNanos;
    private final long oursNanos;
    private final long renderNanos;

    ComparisonResult(PhoneScreenSet set, List<String> decoders, List<QrSymbol> symbols,
            Map<Bucket, Map<String, Tally>> tallies, Map<String, String> peerVersions, long wallNanos, long oursNanos,
            long renderNanos) {
        this.set = set;
        this.decoders = List.copyOf(decoders);
        this.symbols = List.copyOf(symbols);
        this.tallies = tallies;
        this.peerVersions = Map.copyOf(peerVersions);
        this.wallNanos = wallNanos;
        this.oursNanos = oursNanos;
        this.renderNanos = renderNanos;
    }

    public List<Bucket> buckets() {
        return List.copyOf(tallies.keySet());
    }

    public List<String> decoders() {
        return decoders;
    }

    public Tally tally(Bucket bucket, String decoder) {
        Tally tally = tallies.get(bucket).get(decoder);
        if (tally == null) {
            throw new IllegalArgumentException("no decoder " + decoder + " in this run");
        }
        return tally;
    }

    /** Whether the issue holds ≥ 99 % for this bucket. */
    public static boolean isEasy(Bucket bucket) {
        return bucket.pxPerModule() >= EASY_MIN_PX && bucket.strength() != Strength.STRONG;
    }

    /** Buckets where a peer read more images exactly than we did: "peer n vs ours m" lines. */
    public List<String> bucketsBehindPeers() {
        List<String> behind = new ArrayList<>();
        for (Bucket bucket : tallies.keySet()) {
            Tally ours = tally(bucket, Comparison.OURS);
            for (String peer : decoders.subList(1, decoders.size())) {
                Tally theirs = tally(bucket, peer);
                if (theirs.exact() > ours.exact()) {
                    behind.add(bucket.label() + ": " + peer + " " + theirs.cell() + " > ours " + ours.cell());
                }
            }
        }
        return behind;
    }

    /** Easy buckets where we read fewer than 99 % exactly. */
    public List<String> easyBucketsBelowGoal() {
        return lines(bucket -> isEasy(bucket) && tally(bucket, Comparison.OURS).rate() < EASY_BUCKET_GOAL,
                bucket -> bucket.label() + ": ours " + tally(bucket, Comparison.OURS).cell());
    }

    /** Buckets where our decoder returned a wrong text. */
    public List<String> ourMisreads() {
        return lines(bucket -> tally(bucket, Comparison.OURS).misread() > 0,
                bucket -> bucket.label() + ": " + tally(bucket, Comparison.OURS).misread() + " misread");
    }

    private List<String> lines(Predicate<Bucket> which, java.util.function.Function<Bucket, String> line) {
        return tallies.keySet().stream().filter(which).map(line).toList();
    }

    /** The full table: one row per bucket, exact/total per decoder ({@code !k} = k misreads). */
    public String table() {
        StringBuilder out = new StringBuilder();
        IntSummaryStatistics lengths = symbols.stream().mapToInt(s -> s.text().length()).summaryStatistics();
        IntSummaryStatistics versions = symbols.stream().mapToInt(QrSymbol::version).summaryStatistics();
        out.append(String.format(Locale.ROOT,
                "Synthetic phone-screen QR set: %d payloads (%d-%d chars, QR V%d-V%d, level %s), %d buckets x %d photos"
                        + " = %d photos, seed %d%n",
                symbols.size(), lengths.getMin(), lengths.getMax(), versions.getMin(), versions.getMax(),
                QrSymbol.WALLET_LEVEL, tallies.size(), set.perBucket(), tallies.size() * set.perBucket(), set.seed()));
        peerVersions.forEach((name, version) -> out.append("  peer ").append(name).append(": ").append(version)
                .append('\n'));
        int photos = Math.max(1, tallies.size() * set.perBucket());
        out.append(String.format(Locale.ROOT, "  wall %.1f s; rendering %.1f s (%.1f ms/photo); our decoder %.1f s"
                + " (%.1f ms/photo, incl. misses); indicative only: shared machine%n", wallNanos / 1e9,
                renderNanos / 1e9, renderNanos / 1e6 / photos, oursNanos / 1e9, oursNanos / 1e6 / photos));
        out.append("  cells: exact/total, !k = k misreads; * = ours below a peer; ");
        out.append("# = easy bucket (>= 3 px, mild/moderate) below 99 %\n\n");
        out.append(String.format(Locale.ROOT, "%-28s", "bucket"));
        decoders.forEach(name -> out.append(String.format(Locale.ROOT, "%12s", name)));
        out.append('\n');
        for (Bucket bucket : tallies.keySet()) {
            out.append(String.format(Locale.ROOT, "%-28s", bucket.label()));
            Tally ours = tally(bucket, Comparison.OURS);
            for (String name : decoders) {
                out.append(String.format(Locale.ROOT, "%12s", tally(bucket, name).cell()));
            }
            boolean behind = decoders.stream().skip(1).anyMatch(peer -> tally(bucket, peer).exact() > ours.exact());
            if (behind) {
                out.append("  *");
            }
            if (isEasy(bucket) && ours.rate() < EASY_BUCKET_GOAL) {
                out.append("  #");
            }
            out.append('\n');
        }
        out.append('\n').append(totals());
        return out.toString();
    }

    /** Totals per decoder: all buckets, and the easy ones. */
    private String totals() {
        StringBuilder out = new StringBuilder();
        for (String scope : List.of("all buckets", "easy buckets (>= 3 px, mild/moderate)")) {
            out.append(String.format(Locale.ROOT, "%-40s", scope));
            for (String name : decoders) {
                int exact = 0;
                int total = 0;
                int misread = 0;
                for (Bucket bucket : tallies.keySet()) {
                    if (scope.startsWith("easy") && !isEasy(bucket)) {
                        continue;
                    }
                    Tally tally = tally(bucket, name);
                    exact += tally.exact();
                    total += tally.total();
                    misread += tally.misread();
                }
                out.append(String.format(Locale.ROOT, "  %s %d/%d = %.1f %% (%d misread)", name, exact, total,
                        total == 0 ? 0 : 100.0 * exact / total, misread));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
