package org.vitaleterminal.hal.scanner;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the backoff pauses asked for and sleeps only a millisecond, so reconnect tests run fast. */
public final class RecordingPause implements Pause {
    public final List<Duration> pauses = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        pauses.add(duration);
        Thread.sleep(1);
    }
}
