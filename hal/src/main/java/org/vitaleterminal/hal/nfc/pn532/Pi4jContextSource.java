package org.vitaleterminal.hal.nfc.pn532;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import java.util.Objects;

/**
 * Where the I2C and SPI transports get their Pi4J {@link Context}. Building one (plugin and
 * board detection) happens only here, and only when an I2C or SPI reader is opened: a UART reader
 * never touches Pi4J.
 */
public interface Pi4jContextSource {

    Context acquire();

    /** Called when the reader that acquired {@code context} is closed. */
    void release(Context context);

    /**
     * Shuts down the reader's I/O {@code id} (if it is still registered), then releases
     * {@code context}: what an I2C or SPI bus does when it closes or fails to open.
     */
    default void release(Context context, String id) {
        try {
            if (context.registry().exists(id)) {
                context.shutdown(id);
            }
        } catch (RuntimeException e) {
            // the device is closed already; the context release below still runs
        }
        release(context);
    }

    /** A fresh auto-detected context per reader, shut down with it. The default. */
    static Pi4jContextSource perReader() {
        return new Pi4jContextSource() {
            @Override
            public Context acquire() {
                return Pi4J.newAutoContext();
            }

            @Override
            public void release(Context context) {
                context.shutdown();
            }
        };
    }

    /**
     * The application's own context (which also drives its LEDs, say): used, never shut down
     * here; the reader only gives its own I/O back.
     */
    static Pi4jContextSource shared(Context context) {
        Objects.requireNonNull(context, "context");
        return new Pi4jContextSource() {
            @Override
            public Context acquire() {
                return context;
            }

            @Override
            public void release(Context ignored) {}
        };
    }
}
