package org.vitaleterminal.hal.camera;

import java.time.Duration;

/** {@link CameraTime#system()}: an enum so the one instance holds no state at all. */
enum SystemCameraTime implements CameraTime {
    INSTANCE;

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        Thread.sleep(duration);
    }
}
