package org.vitaleterminal.firmware.run;

import java.util.Objects;
import java.util.function.LongSupplier;
import org.vitaleterminal.credential.Channel;
import org.vitaleterminal.firmware.qr.PayloadKind;
import org.vitaleterminal.hal.scanner.ScannerSource;

/**
 * A 2D scanner ("douchette"): every complete line it types is one scan. VT1 and HC1 texts go to
 * the decision path; anything else (a product barcode, a URL) is ignored.
 */
final class ScannerInput implements InputLoop {
    private final ScannerSource scanner;
    private final DecisionPath path;
    private final LongSupplier nanoTime;
    private volatile boolean running = true;

    ScannerInput(ScannerSource scanner, DecisionPath path, LongSupplier nanoTime) {
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.path = Objects.requireNonNull(path, "path");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    @Override
    public void start() {
        scanner.start(this::line);
    }

    private void line(String text) {
        long captured = nanoTime.getAsLong();
        if (!running) {
            return;
        }
        if (!PayloadKind.of(text).isCredential()) {
            return; // a product barcode or a URL: not for the terminal
        }
        path.decideText(text, Channel.WEDGE, captured);
    }

    @Override
    public void stop() {
        running = false;
        scanner.close();
    }

    @Override
    public String state() {
        return switch (scanner.state()) {
            case READING -> "ok";
            case NEW -> "starting";
            case WAITING_FOR_DEVICE -> "fault";
            default -> scanner.state().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    @Override
    public boolean alive() {
        return true; // the scanner's thread blocks on the device by design; it has no progress to check
    }
}
