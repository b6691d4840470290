package org.vitaleterminal.hal.indicator.gpio;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Records what the indicator opens and writes: "open led-green gpio 529", "led-green on", "close led-green"... */
final class FakePins implements GpioPins {
    final List<String> log = new ArrayList<>();
    boolean closed;
    String failOn;

    @Override
    public Switch output(String id, int sysfsNumber) throws IOException {
        return open(id, "gpio " + sysfsNumber);
    }

    @Override
    public Switch tone(String id, int channel, int hz) throws IOException {
        return open(id, "pwm " + channel + " " + hz + " Hz");
    }

    private Switch open(String id, String where) throws IOException {
        if (id.equals(failOn)) {
            throw new IOException("cannot open " + id + " (test)");
        }
        log.add("open " + id + " " + where);
        return new Switch() {
            private Boolean state;

            @Override
            public void set(boolean on) {
                if (state == null || state != on) {
                    log.add(id + (on ? " on" : " off"));
                }
                state = on;
            }

            @Override
            public void close() {
                log.add("close " + id);
            }
        };
    }

    @Override
    public void close() {
        closed = true;
        log.add("close pins");
    }
}
