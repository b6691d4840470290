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
        shutdownQuietly(context, id);
        release(context);
    }

    /**
     * Shuts down the I/O {@code id} of {@code context} if it is still registered, never throwing:
     * a device that is closed already or fails to shut down must not stop the caller's own
     * cleanup (releasing the context, closing the other pins).
     */
    static void shutdownQuietly(Context context, String id) {
        try {
            if (context.registry().exists(id)) {
                context.shutdown(id);
            }
        } catch (RuntimeException e) {
            // nothing more to do for this device; the caller's cleanup goes on
        }
    }

    /**
     * What an I2C or SPI bus does when it closes: {@code closeDevice}, then {@code release}, each
     * quietly. Closing must not fail, and the release (which frees the file handle anyway) must
     * run even when closing the device did not work.
     */
    static void closeQuietly(Runnable closeDevice, Runnable release) {
        try {
            closeDevice.run();
        } catch (RuntimeException e) {
            // the release below still runs
        }
        try {
            release.run();
        } catch (RuntimeException e) {
            // nothing left to do
        }
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
