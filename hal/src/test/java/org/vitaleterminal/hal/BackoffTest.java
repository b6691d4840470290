package org.vitaleterminal.hal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.hal.camera.FrameSourceOptions;
import org.vitaleterminal.hal.scanner.ScannerSources;

class BackoffTest {

    @Test
    void doublesFromTheInitialWaitUpToTheMaximum() {
        Backoff camera = FrameSourceOptions.DEFAULT_BACKOFF;
        List<Long> millis = IntStream.rangeClosed(1, 9).mapToObj(camera::delay).map(Duration::toMillis).toList();
        assertEquals(List.of(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L, 30000L), millis);
        assertEquals(Duration.ofSeconds(30), camera.delay(Integer.MAX_VALUE));
    }

    @Test
    void theScannerRetriesSoonerAndCapsLower() {
        Backoff scanner = ScannerSources.DEFAULT_BACKOFF;
        List<Long> millis = IntStream.rangeClosed(1, 7).mapToObj(scanner::delay).map(Duration::toMillis).toList();
        assertEquals(List.of(250L, 500L, 1000L, 2000L, 4000L, 5000L, 5000L), millis);
    }

    @Test
    void refusesAnEmptyOrInvertedRange() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
