package org.vitaleterminal.firmware.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitaleterminal.firmware.config.ConfigException;
import org.vitaleterminal.firmware.config.Configuration;

class OutboxSettingsTest {
    @TempDir
    Path dir;

    @Test
    void fileIsInTheStateDirectoryAndCapacityHasADefault() throws Exception {
        Path config = Files.writeString(dir.resolve("terminal.properties"), "state.dir = state\n");
        OutboxSettings settings = OutboxSettings.fromConfiguration(Configuration.load(config, Map.of()));
        assertEquals(dir.resolve("state").resolve("outbox.db"), settings.file());
        assertEquals(SqliteOutbox.DEFAULT_CAPACITY, settings.capacity());
        assertEquals(500, OutboxSettings.fromConfiguration(
                Configuration.load(config, Map.of("VT_OUTBOX_CAPACITY", "500"))).capacity());
    }

    @Test
    void aBadCapacityNamesTheKeyTheSourceAndTheForm() throws Exception {
        Path config = Files.writeString(dir.resolve("terminal.properties"), "state.dir = state\noutbox.capacity = lots\n");
        for (String value : new String[] {"lots", "0", "-5", "10000001", "1e5"}) {
            Files.writeString(config, "state.dir = state\noutbox.capacity = " + value + "\n");
            ConfigException bad = assertThrows(ConfigException.class,
                    () -> OutboxSettings.fromConfiguration(Configuration.load(config, Map.of())));
            assertTrue(bad.getMessage().contains("outbox.capacity") && bad.getMessage().contains(config.toString())
                    && bad.getMessage().contains("whole number") && bad.getMessage().contains(value), bad.getMessage());
        }
        ConfigException noDir = assertThrows(ConfigException.class, () -> OutboxSettings.fromConfiguration(
                Configuration.load(Files.writeString(config, "outbox.capacity = 5\n"), Map.of())));
        assertTrue(noDir.getMessage().contains("state.dir"), noDir.getMessage());
    }
}
