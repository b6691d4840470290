package org.vitaleterminal.firmware.outbox;

import java.nio.file.Path;
import java.util.Optional;
import org.vitaleterminal.firmware.config.ConfigException;
import org.vitaleterminal.firmware.config.ConfigKey;
import org.vitaleterminal.firmware.config.Configuration;

/**
 * Where the outbox lives and how many events it may hold, from the configuration:
 * {@code state.dir}/{@value SqliteOutbox#FILE_NAME} and {@code outbox.capacity} (default
 * {@value SqliteOutbox#DEFAULT_CAPACITY}).
 */
public record OutboxSettings(Path file, long capacity) {
    static final long MAX_CAPACITY = 10_000_000;

    public static OutboxSettings fromConfiguration(Configuration configuration) throws ConfigException {
        Path file = configuration.path(ConfigKey.STATE_DIR).resolve(SqliteOutbox.FILE_NAME);
        Optional<String> text = configuration.string(ConfigKey.OUTBOX_CAPACITY);
        if (text.isEmpty()) {
            return new OutboxSettings(file, SqliteOutbox.DEFAULT_CAPACITY);
        }
        try {
            long capacity = Long.parseLong(text.get());
            if (capacity >= 1 && capacity <= MAX_CAPACITY) {
                return new OutboxSettings(file, capacity);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        ConfigKey key = ConfigKey.OUTBOX_CAPACITY;
        throw configuration.problem(key, "expected " + key.expectedForm() + ", got '" + text.get() + "'");
    }
}
