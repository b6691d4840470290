package org.vitaleterminal.firmware.nfc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.vitaleterminal.credential.CredentialVerifier;
import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.TerminalState;
import org.vitaleterminal.credential.VerificationPolicy;
import org.vitaleterminal.credential.VerificationResult;
import org.vitaleterminal.credential.hc1.Hc1TrustStore;
import org.vitaleterminal.credential.trust.TrustList;
import org.vitaleterminal.credential.trust.TrustListReader;
import org.vitaleterminal.credential.trust.TrustRoot;
import org.vitaleterminal.credential.vt1.InMemoryReplayGuard;
import org.vitaleterminal.firmware.cli.CommandContext;
import org.vitaleterminal.firmware.cli.ExitStatus;
import org.vitaleterminal.firmware.cli.Main;
import org.vitaleterminal.hal.nfc.NfcReader;
import org.vitaleterminal.hal.nfc.pn532.Pn532Readers;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.nfc.chip.VirtualPn532;
import org.vitaleterminal.sim.nfc.host.Pn532Pty;
import org.vitaleterminal.sim.nfc.phone.NonVt1Applet;
import org.vitaleterminal.sim.nfc.phone.Phone;
import org.vitaleterminal.sim.nfc.phone.WalletApplet;
import org.vitaleterminal.sim.world.SampleWorld;

/**
 * The whole tap-to-verify chain with nothing faked but the hardware: the real PN532 driver on a
 * pseudo-terminal, the virtual PN532 with a phone running the VT1 wallet on the other side, the
 * firmware's flow and the credential verifier — and the {@code nfc-read} command on top.
 */
@EnabledOnOs(OS.LINUX)
class NfcEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private final Clock clock = Clock.system(ZoneId.of("Europe/Paris"));
    private SampleWorld world;
    private VirtualPn532 chip;
    private Pn532Pty pty;

    @BeforeEach
    void startChip() throws Exception {
        world = SampleWorld.create(SimRandom.seeded(21), clock.instant());
        chip = VirtualPn532.builder().build();
        pty = Pn532Pty.open(chip);
    }

    @AfterEach
    void stopChip() {
        pty.close();
    }

    private Phone walletPhone(int lockedFor) {
        return Phone.builder(WalletApplet.of(world.family(), clock, 2).lockedFor(lockedFor), SimRandom.seeded(5)).build();
    }

    @Test
    void aTappedPhoneIsReadOverThePn532AndVerified() throws Exception {
        TrustList list = TrustListReader.read(world.trustList(), List.of(TrustRoot.fromPem(world.rootPem())));
        CredentialVerifier verifier = new CredentialVerifier(VerificationPolicy.defaults(), new InMemoryReplayGuard(16));
        chip.placePhone(walletPhone(2));
        List<String> events = new java.util.ArrayList<>();
        try (NfcReader reader = Pn532Readers.open("pn532:uart:" + pty.slavePath());
             NfcTapFlow flow = new NfcTapFlow(reader, verifier,
                     () -> new TerminalState(clock.instant(), true, list, Hc1TrustStore.empty()),
                     new SecureRandom(), clock, Sleeper.real(), NfcTapFlow.DEFAULT_DEBOUNCE)) {
            NfcDecision decision = flow.awaitDecision(Duration.ofSeconds(20), new NfcListener() {
                @Override
                public void waitingForHolder() {
                    events.add("waiting");
                }
            }).orElseThrow();

            assertEquals(Reason.OK, decision.result().reason(), decision.result().toString());
            var presentation = ((VerificationResult.AcceptedPresentation) decision.result()).presentation();
            assertEquals(world.family().credential().beneficiary(2).prenom(),
                    presentation.beneficiaries().get(0).firstName());
            assertEquals(List.of("waiting", "waiting"), events, "the wallet was locked for two requests");

            // The phone stays on the reader: no second decision while it lies there.
            assertTrue(flow.awaitDecision(Duration.ofMillis(1500), NfcListener.NONE).isEmpty());
        }
    }

    @Test
    void nfcReadPrintsTheVerifyJsonForATap() throws Exception {
        Path root = Files.writeString(dir.resolve("root.pem"), world.rootPem());
        Path trustList = Files.write(dir.resolve("trust-list.cose"), world.trustList());
        chip.placePhone(walletPhone(0));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandContext context = new CommandContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), clock, Map.of(), dir);
        int status = Main.withInstalledCommands().run(List.of("nfc-read", "--reader", "pn532:uart:" + pty.slavePath(),
                "--trust-root", root.toString(), "--trust-list", trustList.toString(), "--timeout", "20"), context);

        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(ExitStatus.OK, status, stderr);
        JsonNode json = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals("accepted", json.get("outcome").asText());
        assertEquals("nfc", json.get("channel").asText());
        assertEquals(world.family().credential().insured().nir(), json.at("/insured/nir").asText());
        assertTrue(stderr.contains("waiting for a phone on") && stderr.contains("phone detected"), stderr);
    }

    @Test
    void aPhoneWithoutTheWalletIsIgnoredAndNfcReadTimesOut() throws Exception {
        Path root = Files.writeString(dir.resolve("root.pem"), world.rootPem());
        Path trustList = Files.write(dir.resolve("trust-list.cose"), world.trustList());
        chip.placePhone(Phone.builder(new NonVt1Applet(), SimRandom.seeded(6)).build());

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandContext context = new CommandContext(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), clock, Map.of(), dir);
        Instant start = Instant.now();
        int status = Main.withInstalledCommands().run(List.of("nfc-read", "--reader", "pn532:uart:" + pty.slavePath(),
                "--trust-root", root.toString(), "--trust-list", trustList.toString(), "--timeout", "2"), context);

        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(ExitStatus.USAGE, status, stderr);
        assertTrue(stderr.contains("not a VT1 wallet") && stderr.contains("no phone tapped within"), stderr);
        assertTrue(Duration.between(start, Instant.now()).compareTo(Duration.ofSeconds(15)) < 0, "it gave up");
    }
}
