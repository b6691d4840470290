package org.vitaleterminal.dist.demo;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import org.vitaleterminal.sim.nfc.chip.VirtualPn532;
import org.vitaleterminal.sim.nfc.host.Pn532Pty;

/**
 * The demo's NFC reader: a virtual PN532 served on a pseudo-terminal, which the terminal opens
 * as {@code pn532:uart:/dev/pts/N} with its real driver. Where no pseudo-terminal can be opened
 * (not Linux, no /dev/pts) the demo goes on with camera only and says so.
 */
public final class VirtualReader implements AutoCloseable {
    private final VirtualPn532 chip;
    private final Pn532Pty pty;
    private final String problem;

    private VirtualReader(VirtualPn532 chip, Pn532Pty pty, String problem) {
        this.chip = chip;
        this.pty = pty;
        this.problem = problem;
    }

    public static VirtualReader open() {
        VirtualPn532 chip = VirtualPn532.builder().build();
        try {
            return new VirtualReader(chip, Pn532Pty.open(chip), null);
        } catch (IOException | RuntimeException | LinkageError e) {
            return new VirtualReader(chip, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    public boolean present() {
        return pty != null;
    }

    /** The terminal's {@code nfc.reader} setting. */
    public String uri() {
        return present() ? "pn532:uart:" + pty.slavePath() : "none";
    }

    public String describe() {
        return present() ? "virtual PN532 on " + pty.slavePath()
                : "none (no pseudo-terminal for the virtual PN532: " + problem + ")";
    }

    /** The phones that will tap this reader; start it only when {@link #present()}. */
    public NfcTapper tapper(DemoCast cast, DemoPace pace, Clock clock, SecureRandom random, DemoConsole console) {
        return new NfcTapper(chip, cast, pace, clock, random, console);
    }

    @Override
    public void close() {
        if (pty != null) {
            pty.close();
        }
    }
}
