package org.vitaleterminal.hal.indicator.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.io.pwm.PwmType;
import java.io.IOException;
import java.util.Objects;
import org.vitaleterminal.hal.nfc.pn532.Pi4jContextSource;

/**
 * {@link GpioPins} on Pi4J 3.0.4's linuxfs providers: {@code linuxfs-digital-output} (sysfs
 * GPIO, hence the resolved sysfs numbers) and {@code linuxfs-pwm} (sysfs PWM; Pi4J picks the
 * PWM chip itself: the legacy chip 0, or the RP1's on a Pi 5).
 *
 * <p>Pi4J reports failures as runtime exceptions; opening turns them into {@link IOException}s
 * naming the pin, so a wrong pin or a missing overlay is a clear start-up error.
 */
public final class Pi4jGpioPins implements GpioPins {
    private final Pi4jContextSource contexts;
    private final Context context;

    private Pi4jGpioPins(Pi4jContextSource contexts, Context context) {
        this.contexts = contexts;
        this.context = context;
    }

    public static Pi4jGpioPins open(Pi4jContextSource contexts) throws IOException {
        Objects.requireNonNull(contexts, "contexts");
        try {
            return new Pi4jGpioPins(contexts, contexts.acquire());
        } catch (RuntimeException e) {
            throw new IOException("no Pi4J context for the LEDs and buzzer: " + e.getMessage(), e);
        }
    }

    @Override
    public Switch output(String id, int sysfsNumber) throws IOException {
        DigitalOutput out;
        try {
            out = context.create(DigitalOutput.newConfigBuilder(context)
                    .id(id)
                    .name(id)
                    .address(sysfsNumber)
                    .initial(DigitalState.LOW)
                    .shutdown(DigitalState.LOW)
                    .provider("linuxfs-digital-output")
                    .build());
        } catch (RuntimeException e) {
            throw new IOException("cannot open " + id + " as sysfs GPIO " + sysfsNumber + ": " + e.getMessage(), e);
        }
        return new Switch() {
            @Override
            public void set(boolean on) {
                if (on) {
                    out.high();
                } else {
                    out.low();
                }
            }

            @Override
            public void close() {
                Pi4jContextSource.shutdownQuietly(context, id);
            }
        };
    }

    @Override
    public Switch tone(String id, int channel, int hz) throws IOException {
        Pwm pwm;
        try {
            pwm = context.create(Pwm.newConfigBuilder(context)
                    .id(id)
                    .name(id)
                    .address(channel)
                    .pwmType(PwmType.HARDWARE)
                    .frequency(hz)
                    .dutyCycle(50)
                    .initial(0)
                    .shutdown(0)
                    .provider("linuxfs-pwm")
                    .build());
        } catch (RuntimeException e) {
            throw new IOException("cannot open " + id + " on PWM channel " + channel + ": " + e.getMessage(), e);
        }
        return new Switch() {
            @Override
            public void set(boolean on) {
                if (on) {
                    pwm.on(50, hz);
                } else {
                    pwm.off();
                }
            }

            @Override
            public void close() {
                Pi4jContextSource.shutdownQuietly(context, id);
            }
        };
    }

    @Override
    public void close() {
        contexts.release(context);
    }
}
