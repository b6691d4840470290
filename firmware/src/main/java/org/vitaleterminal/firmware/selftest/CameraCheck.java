package org.vitaleterminal.firmware.selftest;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.vitaleterminal.firmware.run.Devices;
import org.vitaleterminal.hal.camera.FrameSource;
import org.vitaleterminal.hal.camera.LumaFrame;

/** Frames arrive from {@code camera.source}: the first within a few seconds, then counted for a while. */
public final class CameraCheck implements Check {
    /** rpicam-vid needs a second or two to start the sensor. */
    public static final Duration DEFAULT_FIRST_FRAME_WAIT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_COUNT_FOR = Duration.ofSeconds(1);

    private final Devices devices;
    private final String setting;
    private final Duration firstFrameWait;
    private final Duration countFor;

    public CameraCheck(Devices devices, String setting, Duration firstFrameWait, Duration countFor) {
        this.devices = devices;
        this.setting = setting;
        this.firstFrameWait = firstFrameWait;
        this.countFor = countFor;
    }

    @Override
    public String name() {
        return "camera";
    }

    @Override
    public boolean required() {
        return true;
    }

    @Override
    public CheckResult run() throws InterruptedException {
        FrameSource camera;
        try {
            camera = devices.camera(setting);
        } catch (RuntimeException e) {
            return CheckResult.fail(setting + ": cannot open (" + e.getMessage() + ")", DeviceFixes.camera(setting));
        }
        try (camera) {
            camera.start();
            Optional<LumaFrame> first = camera.next(firstFrameWait);
            if (first.isEmpty()) {
                String status = camera.status().toString();
                String fix = status.contains("Cannot run program") // the capture program itself is missing
                        ? "install the camera programs: sudo apt install rpicam-apps" : DeviceFixes.camera(setting);
                return CheckResult.fail(camera.describe() + ": no frame within " + seconds(firstFrameWait) + " ("
                        + status + ")", fix);
            }
            String size = first.get().width() + "x" + first.get().height();
            long frames = 1;
            long start = System.nanoTime();
            long end = start + countFor.toNanos();
            for (long now = start; now < end; now = System.nanoTime()) {
                if (camera.next(Duration.ofNanos(end - now)).isPresent()) {
                    frames++;
                }
            }
            return CheckResult.pass(camera.describe() + ": " + frames + " frames of " + size + " in "
                    + seconds(Duration.ofNanos(System.nanoTime() - start)));
        }
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    @Override
    public String fixWhenStuck() {
        return DeviceFixes.camera(setting);
    }
}
