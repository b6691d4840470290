package org.vitaleterminal.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitaleterminal.firmware.cli.CommandContext;
import org.vitaleterminal.firmware.cli.ExitStatus;
import org.vitaleterminal.firmware.cli.Main;

class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void mintsASampleWorldAndVerifiesEachWalletWithTheRealVerifyCommand() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandContext context = new CommandContext(new PrintStream(out, true, StandardCharsets.UTF_8), System.err,
                Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneId.of("Europe/Paris")), Map.of(), dir);

        int status = Main.withInstalledCommands().run(List.of("demo", "--seed", "5", "--dir", "world"), context);

        assertEquals(ExitStatus.OK, status);
        String text = out.toString(StandardCharsets.UTF_8);
        assertLine(text, "single-adult", "accepted  OK");
        assertLine(text, "family", "accepted  OK");
        assertLine(text, "closed-rights", "rights CLOSED");
        assertLine(text, "expired", "rejected  EXPIRED");
        assertLine(text, "revoked", "rejected  REVOKED");
        assertLine(text, "demo", "rejected  DEMO_NOT_ALLOWED");
        assertLine(text, "delegated", "shown by a delegate");
        assertLine(text, "msa-farmer", "FR-MSA");
        assertTrue(text.contains("5 of 8 presentations accepted"), text);
        assertTrue(Files.isRegularFile(dir.resolve("world/root.pem")));
        assertTrue(Files.isRegularFile(dir.resolve("world/trust-list.cose")));
        assertTrue(Files.readString(dir.resolve("world/family.txt")).startsWith("VT1:"));
        assertFalse(text.matches("(?s).*NIR [0-9]{2}.*"), "NIRs are masked in the demo lines");
    }

    private static void assertLine(String output, String caseName, String expected) {
        assertTrue(output.lines().anyMatch(line -> line.strip().startsWith(caseName + " ") && line.contains(expected)),
                "no line for " + caseName + " containing '" + expected + "' in:\n" + output);
    }
}
