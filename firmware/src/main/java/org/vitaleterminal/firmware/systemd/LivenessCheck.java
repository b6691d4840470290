package org.vitaleterminal.firmware.systemd;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * One component the watchdog vouches for (scan loop, outbox writer, MQTT supervisor). The
 * watchdog is only fed while every check passes, so a stuck component gets the whole service
 * restarted (Kura's CriticalComponent idea).
 */
public interface LivenessCheck {

    /** The component's name, shown in {@code systemctl status} when it stops being alive. */
    String name();

    /** Whether the component is making progress now. Must be cheap and must not block. */
    boolean alive();

    /** A check from a name and a condition. */
    static LivenessCheck of(String name, BooleanSupplier alive) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(alive, "alive");
        return new LivenessCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean alive() {
                return alive.getAsBoolean();
            }
        };
    }
}
