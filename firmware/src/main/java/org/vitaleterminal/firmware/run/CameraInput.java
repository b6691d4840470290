package org.vitaleterminal.firmware.run;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import org.vitaleterminal.credential.Channel;
import org.vitaleterminal.firmware.qr.QrPayload;
import org.vitaleterminal.firmware.qr.QrScanner;
import org.vitaleterminal.firmware.systemd.Heartbeat;
import org.vitaleterminal.hal.camera.FrameSource;
import org.vitaleterminal.hal.camera.LumaFrame;
import org.vitaleterminal.hal.camera.SourceState;

/**
 * The scan loop: takes the camera's newest frame, looks for a QR code, and hands a new VT1/HC1
 * text to the decision path. Newest-frame-wins in the source means a slow decision costs frames,
 * never a backlog.
 */
final class CameraInput implements InputLoop {
    private static final Logger LOG = Logger.getLogger(CameraInput.class.getName());
    private static final Duration FRAME_WAIT = Duration.ofMillis(200);

    private final FrameSource camera;
    private final QrScanner scanner;
    private final DecisionPath path;
    private final TerminalMetrics metrics;
    private final LongSupplier nanoTime;
    private final Thread thread;
    private volatile boolean running = true;
    private final Heartbeat heartbeat;

    CameraInput(FrameSource camera, QrScanner scanner, DecisionPath path, TerminalMetrics metrics,
                LongSupplier nanoTime) {
        this.camera = Objects.requireNonNull(camera, "camera");
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.path = Objects.requireNonNull(path, "path");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.thread = new Thread(this::loop, "scan-loop");
        this.thread.setDaemon(true);
        this.heartbeat = new Heartbeat("camera loop", Duration.ofSeconds(10), nanoTime);
    }

    @Override
    public void start() {
        camera.start();
        thread.start();
    }

    private void loop() {
        while (running) {
            heartbeat.beat();
            try {
                Optional<LumaFrame> frame = camera.next(FRAME_WAIT);
                if (frame.isEmpty()) {
                    continue;
                }
                long decodeStart = nanoTime.getAsLong();
                Optional<QrPayload> payload = scanner.scan(frame.get());
                if (payload.isPresent()) {
                    metrics.decode().record(nanoTime.getAsLong() - decodeStart);
                    path.decideText(payload.get().text(), Channel.QR, payload.get().capturedNanos());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // one bad frame or a verifier bug must not end scanning. The message is left out: it
                // comes from code that handled the scanned text and could quote it (personal data).
                StackTraceElement[] where = e.getStackTrace();
                LOG.severe("scan loop: " + e.getClass().getName()
                        + (where.length > 0 ? " at " + where[0] : ""));
            }
        }
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        thread.join(Duration.ofSeconds(3).toMillis());
        camera.close();
        thread.join(Duration.ofSeconds(2).toMillis());
    }

    @Override
    public String state() {
        SourceState state = camera.status().state();
        return switch (state) {
            case RUNNING, IDLE -> "ok";
            case STARTING -> "starting";
            case RESTARTING, FAILED -> "fault";
            case STOPPED -> "stopped";
        };
    }

    @Override
    public boolean alive() {
        return !running || heartbeat.alive();
    }

    long framesDropped() {
        return camera.status().dropped();
    }
}
