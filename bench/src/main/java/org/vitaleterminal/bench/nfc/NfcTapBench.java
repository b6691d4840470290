package org.vitaleterminal.bench.nfc;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.vitaleterminal.credential.CredentialVerifier;
import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.TerminalState;
import org.vitaleterminal.credential.VerificationPolicy;
import org.vitaleterminal.credential.hc1.Hc1TrustStore;
import org.vitaleterminal.credential.trust.TrustList;
import org.vitaleterminal.credential.trust.TrustListReader;
import org.vitaleterminal.credential.trust.TrustRoot;
import org.vitaleterminal.credential.vt1.InMemoryReplayGuard;
import org.vitaleterminal.firmware.nfc.NfcDecision;
import org.vitaleterminal.firmware.nfc.NfcListener;
import org.vitaleterminal.firmware.nfc.NfcTapFlow;
import org.vitaleterminal.firmware.nfc.Sleeper;
import org.vitaleterminal.hal.nfc.NfcException;
import org.vitaleterminal.hal.nfc.NfcReader;
import org.vitaleterminal.hal.nfc.pn532.Pn532Readers;
import org.vitaleterminal.sim.data.BeneficiarySpec;
import org.vitaleterminal.sim.data.Household;
import org.vitaleterminal.sim.issuer.CredentialRequest;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.nfc.chip.Pn532Timing;
import org.vitaleterminal.sim.nfc.chip.VirtualPn532;
import org.vitaleterminal.sim.nfc.host.Pn532Pty;
import org.vitaleterminal.sim.nfc.phone.Phone;
import org.vitaleterminal.sim.nfc.phone.WalletApplet;
import org.vitaleterminal.sim.wallet.Wallet;
import org.vitaleterminal.sim.world.SampleWorld;

/**
 * Tap to verified result over the virtual PN532 on a paced pseudo-terminal (115200 baud, 10 bits
 * per byte, as the chip's HSU), with the real driver, the firmware's tap flow and the credential
 * verifier. Wall-clock by nature, so a command printing a table rather than a JMH benchmark.
 *
 * <p>Per tap: the phone is put in the field and the clock starts; it stops when the flow returns
 * the verified decision. Bytes crossing the UART in that window are counted on the chip's side,
 * and the phone's simulated per-APDU latency (10 ms) is counted per exchange, giving
 *
 * <pre>
 *   serial bound = UART bytes × 10 bits / 115200        goal: measured ≤ 1.5 × serial bound + phone latency
 * </pre>
 *
 * The virtual chip also models the PN532's own time (ACK 0.2 ms, commands, activation 6 ms,
 * 106 kbit/s RF at ~85 µs per byte); the table shows that model's total too, since the real
 * chip cannot overlap RF and UART transfers of the same frame. From the same byte counts it
 * derives the expected I2C (100 / 400 kHz, 9 clocks per byte, one status byte per read and
 * address bytes per transaction) and SPI (1 MHz, 8 clocks per byte, one prefix per transfer)
 * figures, adding the measured overhead that is not wire time.
 *
 * <pre>
 *   scripts/dev bench-nfc [REPETITIONS]      (default 20)
 * </pre>
 */
public final class NfcTapBench {
    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    private static final Duration PHONE_APDU_LATENCY = Duration.ofMillis(10);
    private static final int BAUD = 115_200;

    private NfcTapBench() {}

    record Case(String name, Wallet wallet, int[] beneficiaries) {}

    /**
     * One tap: {@code detectMillis} from placing the phone to the flow seeing it (the poll cycle),
     * {@code readMillis} from then to the verified decision, with the UART bytes, APDU exchanges and
     * chip frames of that second part.
     */
    record Tap(double detectMillis, double readMillis, long uartBytes, int exchanges, int frames,
            int presentationBytes) {}

    /** A chip with the PN532's own processing and RF times, or one answering at once. */
    enum ChipModel {
        REALISTIC(Pn532Timing.realistic()), INSTANT(Pn532Timing.instant());

        final Pn532Timing timing;

        ChipModel(Pn532Timing timing) {
            this.timing = timing;
        }
    }

    public static void main(String[] args) throws Exception {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        SampleWorld world = SampleWorld.create(SimRandom.seeded(2026), NOW);
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), NOW));
        TrustList list = TrustListReader.read(world.trustList(), List.of(TrustRoot.fromPem(world.rootPem())));
        List<Case> cases = List.of(
                new Case("single adult (~600 B)", world.singleAdult(), new int[] {0}),
                new Case("large household (~2000 B)", largeHousehold(world, 10), allOf(11)));

        System.out.printf(Locale.ROOT, "NFC tap → verified result, virtual PN532 on a paced pty at %d baud, "
                + "phone latency %d ms per APDU, %d taps per case (after 3 warm-up taps)%n%n",
                BAUD, PHONE_APDU_LATENCY.toMillis(), repetitions);
        System.out.printf(Locale.ROOT, "%-26s %-9s %6s %6s %4s %7s %7s %7s %7s %7s %8s %7s %6s %7s %7s %7s%n",
                "case", "chip", "pres B", "UART B", "APDU", "detect", "p50", "p90", "bound", "phone", "goal ≤",
                "+chip", "goal?", "I2C100", "I2C400", "SPI1M");
        for (ChipModel model : ChipModel.values()) {
            for (Case c : cases) {
                report(c, model, run(c, model, repetitions, list, clock));
            }
        }
        System.out.println();
        System.out.println("All times in ms. detect = phone placed → seen (median; the poll cycle: InListPassiveTarget");
        System.out.println("with 2 retries, then 50 ms pause). p50/p90 = seen → verified result. bound = UART bytes of");
        System.out.println("that part × 10 / 115200; phone = APDUs × 10 ms; goal = 1.5 × bound + phone; +chip = the");
        System.out.println("virtual chip's own modelled time (RF at 106 kbit/s, turnarounds), which the goal leaves out.");
        System.out.println("I2C/SPI: the same frames at 9 (I2C) or 8 (SPI) clocks per byte plus addressing/status");
        System.out.println("bytes, + phone + the measured non-wire overhead (p50 − bound − phone − chip model).");
    }

    private static List<Tap> run(Case c, ChipModel model, int repetitions, TrustList list, Clock clock)
            throws Exception {
        AtomicInteger exchanges = new AtomicInteger();
        AtomicInteger frames = new AtomicInteger();
        VirtualPn532 chip = VirtualPn532.builder().timing(model.timing).trace(line -> {
            if (line.startsWith("command 40")) {
                exchanges.incrementAndGet();
            }
            if (line.startsWith("command ")) {
                frames.incrementAndGet();
            }
        }).build();
        List<Tap> taps = new ArrayList<>();
        CredentialVerifier verifier = new CredentialVerifier(VerificationPolicy.defaults(), new InMemoryReplayGuard(4096));
        try (Pn532Pty pty = Pn532Pty.open(chip, true);
             NfcReader reader = openWithRetries("pn532:uart:" + pty.slavePath());
             NfcTapFlow flow = new NfcTapFlow(reader, verifier,
                     () -> new TerminalState(clock.instant(), true, list, Hc1TrustStore.empty()),
                     new SecureRandom(), clock, Sleeper.real(), Duration.ZERO)) {
            for (int i = 0; i < repetitions + 3; i++) {
                Phone phone = Phone.builder(WalletApplet.of(c.wallet(), clock, c.beneficiaries()), SimRandom.seeded(i))
                        .apduLatency(PHONE_APDU_LATENCY).build();
                AtomicLong detectedAt = new AtomicLong();
                AtomicLong bytesAtDetection = new AtomicLong();
                long placedAt = System.nanoTime();
                chip.placePhone(phone);
                NfcDecision decision = flow.awaitDecision(Duration.ofSeconds(20), new NfcListener() {
                    @Override
                    public void phoneDetected() {
                        detectedAt.set(System.nanoTime());
                        bytesAtDetection.set(pty.bytesFromHost() + pty.bytesToHost());
                        exchanges.set(0);
                        frames.set(0);
                    }
                }).orElseThrow(() -> new IllegalStateException("no decision within 20 s"));
                long decidedAt = System.nanoTime();
                long uart = pty.bytesFromHost() + pty.bytesToHost() - bytesAtDetection.get();
                if (decision.result().reason() != Reason.OK) {
                    throw new IllegalStateException(c.name() + ": not accepted: " + decision.result());
                }
                int presentation = c.wallet().presentNfc(new byte[16], NOW, c.beneficiaries()).length;
                if (i >= 3) {
                    taps.add(new Tap((detectedAt.get() - placedAt) / 1e6, (decidedAt - detectedAt.get()) / 1e6, uart,
                            exchanges.get(), frames.get(), presentation));
                }
                chip.removePhone();
                flow.awaitDecision(Duration.ofMillis(400), NfcListener.NONE); // lets the flow see it leave
            }
        }
        return taps;
    }

    /** As the run loop does: a reader that fails to initialise is tried again. */
    private static NfcReader openWithRetries(String uri) throws NfcException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return Pn532Readers.open(uri);
            } catch (NfcException e) {
                if (attempt == 3) {
                    throw e;
                }
                System.err.println("opening " + uri + " failed (" + e.getMessage() + "), trying again");
                Thread.sleep(200);
            }
        }
    }

    private static void report(Case c, ChipModel model, List<Tap> taps) {
        double[] ms = taps.stream().mapToDouble(Tap::readMillis).sorted().toArray();
        double p50 = percentile(ms, 0.5);
        double p90 = percentile(ms, 0.9);
        double detect = percentile(taps.stream().mapToDouble(Tap::detectMillis).sorted().toArray(), 0.5);
        Tap median = taps.get(taps.size() / 2);
        long uartBytes = median.uartBytes();
        double serialBound = uartBytes * 10.0 * 1000 / BAUD;
        double phone = median.exchanges() * (double) PHONE_APDU_LATENCY.toMillis();
        double goal = 1.5 * serialBound + phone;
        double chipModel = chipModelMillis(median, model.timing);
        double overhead = Math.max(0, p50 - serialBound - phone - chipModel);
        double i2c100 = i2cMillis(uartBytes, median.frames(), 100_000) + phone + chipModel + overhead;
        double i2c400 = i2cMillis(uartBytes, median.frames(), 400_000) + phone + chipModel + overhead;
        double spi1m = spiMillis(uartBytes, median.frames(), 1_000_000) + phone + chipModel + overhead;
        boolean met = p50 <= goal + chipModel;
        System.out.printf(Locale.ROOT, "%-26s %-9s %6d %6d %4d %7.1f %7.1f %7.1f %7.1f %7.1f %8.1f %7.1f %6s %7.1f %7.1f %7.1f%n",
                c.name(), model.name().toLowerCase(Locale.ROOT), median.presentationBytes(), uartBytes,
                median.exchanges(), detect, p50, p90, serialBound, phone, goal, chipModel, met ? "met" : "MISSED",
                i2c100, i2c400, spi1m);
    }

    /**
     * The virtual chip's own time for the median tap, from {@link Pn532Timing#realistic()}: RF
     * bytes are about half the UART bytes (each APDU byte crosses the air once and the UART once,
     * in frames that carry the same payload), plus a frame turnaround per RF exchange and the
     * chip's ACK and command handling per host frame. Zero for the instant chip.
     */
    private static double chipModelMillis(Tap tap, Pn532Timing t) {
        double rfBytes = tap.uartBytes() / 2.0;
        return (rfBytes * t.rfPerByte().toNanos() + tap.exchanges() * t.rfPerFrame().toNanos()
                + tap.frames() * (t.ack().toNanos() + t.localCommand().toNanos())) / 1e6;
    }

    /** I2C: 9 clocks per byte, plus address byte and status byte per read, one address per write. */
    private static double i2cMillis(long uartBytes, int frames, int hz) {
        // UART frames include the ACK frames; on I2C each host frame is one write (+address), each
        // chip frame one read preceded by at least one ready poll (address + status byte).
        double bytes = uartBytes + frames * (1 + 2 + 2 + 1);
        return bytes * 9 * 1000.0 / hz;
    }

    /** SPI: 8 clocks per byte, one prefix byte per transfer, a two-byte status poll per chip frame. */
    private static double spiMillis(long uartBytes, int frames, int hz) {
        double bytes = uartBytes + frames * (1 + 1 + 2 + 1 + 2);
        return bytes * 8 * 1000.0 / hz;
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** The DURAND family plus {@code extraChildren} more children, all with open rights. */
    private static Wallet largeHousehold(SampleWorld world, int extraChildren) {
        var family = world.family().credential();
        List<BeneficiarySpec> members = new ArrayList<>(family.beneficiaries());
        BeneficiarySpec template = family.beneficiary(3);
        for (int i = 0; i < extraChildren; i++) {
            members.add(template.toBuilder()
                    .prenom("Enfant" + (char) ('A' + i))
                    .birthDate(LocalDate.of(2010 + i % 10, 1 + i, 1 + i).toString().replace("-", ""))
                    .rang(2 + i)
                    .ownNir(null).ins(null)
                    .build());
        }
        Household large = new Household(family.insured(), members);
        Instant issued = NOW.minus(Duration.ofHours(1));
        return new Wallet(world.cnam().mint(CredentialRequest.builder().household(large)
                .validity(issued, SampleWorld.CREDENTIAL_LIFETIME).build(), SimRandom.seeded(77)));
    }

    private static int[] allOf(int n) {
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        return all;
    }
}
