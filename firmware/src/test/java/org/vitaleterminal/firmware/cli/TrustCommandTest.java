package org.vitaleterminal.firmware.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitaleterminal.sim.keys.SimKeyPair;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.trust.TrustListAuthority;
import org.vitaleterminal.sim.trust.TrustListContent;

/** {@code trust import FILE} and {@code trust show}, run in-process against a configuration. */
class TrustCommandTest {
    @TempDir
    Path dir;

    private VerifyFixture fixture;
    private Path config;
    private Path state;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new VerifyFixture(dir);
        state = dir.resolve("state");
        config = Files.writeString(dir.resolve("terminal.properties"), """
                trust.roots = root.pem
                trust.list = trust-list.cose
                state.dir = state
                """);
    }

    private Path list(long version, TrustListAuthority authority) throws Exception {
        byte[] bytes = authority.sign(TrustListContent.builder().version(version).issuedAt(VerifyFixture.NOW)
                .expiresAt(VerifyFixture.NOW.plus(Duration.ofDays(7))).issuerKey(fixture.world.cnam().keyEntry()));
        return Files.write(dir.resolve("v" + version + ".cose"), bytes);
    }

    @Test
    void showsTheInitialListThenImportsANewerOne() throws Exception {
        VerifyFixture.Run shown = fixture.run("trust", "show", "--config", config.toString());
        assertEquals(0, shown.status(), shown.err());
        assertTrue(shown.out().contains("version           1"), shown.out());
        assertTrue(shown.out().contains("issuer keys       3") && shown.out().contains("revocations       1"), shown.out());
        assertTrue(shown.out().contains(dir.resolve("trust-list.cose").toString()), shown.out());

        Path v4 = list(4, fixture.world.authority());
        VerifyFixture.Run imported = fixture.run("trust", "import", v4.toString(), "--config", config.toString());
        assertEquals(0, imported.status(), imported.err());
        assertArrayEquals(Files.readAllBytes(v4), Files.readAllBytes(state.resolve("trust-list.cose")));

        VerifyFixture.Run again = fixture.run("trust", "show", "--config", config.toString());
        assertTrue(again.out().contains("version           4") && again.out().contains(state.toString()), again.out());
        assertEquals(0, fixture.run("trust", "import", v4.toString(), "--config", config.toString()).status(),
                "importing the list in use again is not an error");
    }

    @Test
    void refusesARollbackAndAForeignSignerWithExitOne() throws Exception {
        fixture.run("trust", "import", list(4, fixture.world.authority()).toString(), "--config", config.toString());
        VerifyFixture.Run rollback = fixture.run("trust", "import", list(3, fixture.world.authority()).toString(),
                "--config", config.toString());
        assertEquals(1, rollback.status());
        assertTrue(rollback.err().contains("ROLLBACK") && rollback.err().contains("version 4 stays in use"), rollback.err());

        TrustListAuthority impostor = new TrustListAuthority("FR-VT1-TRUST", SimKeyPair.p256(SimRandom.seeded(5)));
        VerifyFixture.Run foreign = fixture.run("trust", "import", list(9, impostor).toString(), "--config", config.toString());
        assertEquals(1, foreign.status());
        assertTrue(foreign.err().contains("UNKNOWN_ROOT"), foreign.err());
    }

    @Test
    void usageAndConfigurationErrorsExitTwo() throws Exception {
        assertEquals(2, fixture.run("trust").status());
        assertEquals(2, fixture.run("trust", "frobnicate", "--config", config.toString()).status());
        assertEquals(2, fixture.run("trust", "import", "--config", config.toString()).status());
        VerifyFixture.Run missing = fixture.run("trust", "import", "nope.cose", "--config", config.toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("nope.cose"), missing.err());
        Files.writeString(config, "trust.roots = root.pem\ntrust.list = trust-list.cose\n");
        VerifyFixture.Run noState = fixture.run("trust", "show", "--config", config.toString());
        assertEquals(2, noState.status());
        assertTrue(noState.err().contains("state.dir"), noState.err());
    }
}
