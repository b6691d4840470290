package org.vitaleterminal.dist.demo;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.vitaleterminal.sim.nfc.chip.VirtualPn532;
import org.vitaleterminal.sim.nfc.phone.Phone;
import org.vitaleterminal.sim.nfc.phone.WalletApplet;
import org.vitaleterminal.sim.world.SampleWorld;

/**
 * The patients who tap instead of showing a code: every {@link DemoPace#tapEvery()} a phone is
 * laid on the virtual PN532 for {@link #HOLD}, then taken away; the terminal reads it through
 * its real PN532 driver. The first phone's wallet is still locked for two requests (the holder
 * is typing the code), which the terminal shows as the amber "waiting" signal.
 */
public final class NfcTapper implements AutoCloseable {
    /** Long enough for a locked wallet (two refusals 0.5 s apart) and the read that follows. */
    static final Duration HOLD = Duration.ofMillis(2500);

    private record Tap(String who, Phone phone) {}

    private final VirtualPn532 chip;
    private final List<Tap> taps;
    private final Duration every;
    private final DemoConsole console;
    private final Thread thread;
    private volatile boolean running = true;

    public NfcTapper(VirtualPn532 chip, DemoCast cast, DemoPace pace, Clock clock, SecureRandom random,
                     DemoConsole console) {
        this.chip = Objects.requireNonNull(chip, "chip");
        this.every = pace.tapEvery().compareTo(HOLD.multipliedBy(2)) < 0 ? HOLD.multipliedBy(2) : pace.tapEvery();
        this.console = Objects.requireNonNull(console, "console");
        SampleWorld world = cast.world();
        // Applets are made once: the "locked" count is used up by the first tap, as on a phone.
        this.taps = List.of(
                new Tap("Thomas DURAND taps his phone for Hugo (wallet still locked)",
                        Phone.builder(WalletApplet.of(world.family(), clock, 3).lockedFor(2), random).build()),
                new Tap("Jean ROUSSEAU (MSA) taps his phone",
                        Phone.builder(WalletApplet.of(world.msaFarmer(), clock, 0), random).build()),
                new Tap("Françoise DURAND taps for her grandchildren Léa and Hugo",
                        Phone.builder(WalletApplet.of(world.delegated(), clock, 0, 1), random).build()));
        this.thread = new Thread(this::loop, "demo-nfc-tapper");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void loop() {
        try {
            Thread.sleep(every.dividedBy(2).toMillis());
            for (int i = 0; running; i = (i + 1) % taps.size()) {
                Tap tap = taps.get(i);
                console.info("nfc     ▶ " + tap.who());
                chip.placePhone(tap.phone());
                Thread.sleep(HOLD.toMillis());
                chip.removePhone();
                Thread.sleep(every.minus(HOLD).toMillis());
            }
        } catch (InterruptedException e) {
            // stop() asked: leave the reader empty
        } finally {
            chip.removePhone();
        }
    }

    /** Stops tapping and waits for the thread to end. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
