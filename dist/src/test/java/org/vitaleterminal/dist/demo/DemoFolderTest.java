package org.vitaleterminal.dist.demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.world.SampleWorld;

class DemoFolderTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(20)
    void aKeptFolderHoldsTheTerminalsFilesAndStartsEachRunWithAFreshState() throws Exception {
        SampleWorld world = SampleWorld.create(SimRandom.seeded(3), Instant.now());
        Path kept = dir.resolve("kept");
        try (DemoFolder folder = DemoFolder.kept(kept)) {
            folder.writeWorld(world, SimRandom.seeded(4), Instant.now());
            Path config = folder.writeConfig("tcp://127.0.0.1:1883", "none", DemoPace.DEFAULT);
            String properties = Files.readString(config);
            assertTrue(properties.contains("demo=true") && properties.contains("mqtt.telemetryInterval=PT20S")
                    && properties.contains("nfc.reader=none"), properties);
            assertTrue(Files.readString(kept.resolve("family.txt")).startsWith("VT1:"));
            Path leftover = Files.createDirectories(kept.resolve("state")).resolve("outbox.db");
            Files.writeString(leftover, "an earlier run");
            folder.writeConfig("tcp://127.0.0.1:1883", "none", DemoPace.DEFAULT);
            assertFalse(Files.exists(leftover), "an earlier run's state is wiped");
        }
        assertTrue(Files.isRegularFile(kept.resolve("root.pem")), "a --dir folder is kept");
    }

    @Test
    @Timeout(10)
    void aTemporaryFolderIsDeletedWithEverythingInIt() throws Exception {
        Path path;
        try (DemoFolder folder = DemoFolder.temporary()) {
            path = folder.path();
            folder.writeConfig("tcp://127.0.0.1:1883", "none", DemoPace.DEFAULT);
            Files.writeString(Files.createDirectories(path.resolve("state/deep")).resolve("x"), "x");
        }
        assertFalse(Files.exists(path));
    }
}
