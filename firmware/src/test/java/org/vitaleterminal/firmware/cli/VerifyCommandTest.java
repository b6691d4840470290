package org.vitaleterminal.firmware.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitaleterminal.firmware.json.EventSchema;
import org.vitaleterminal.sim.data.BeneficiarySpec;
import org.vitaleterminal.sim.issuer.MintedCredential;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.wallet.Wallet;
import org.vitaleterminal.sim.world.SampleWorld;
import org.vitaleterminal.testing.PublicSuites;

class VerifyCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    VerifyFixture fixture;

    @BeforeEach
    void mintWorld() throws Exception {
        fixture = new VerifyFixture(dir);
    }

    @Test
    void acceptedQrTextPrintsTheVerifiedDataOfAnFseEvent() throws Exception {
        Wallet wallet = fixture.world.singleAdult();
        MintedCredential minted = wallet.credential();
        VerifyFixture.Run run = fixture.verify("--text", wallet.presentQr(VerifyFixture.NOW, fixture.random, 0));

        assertEquals(ExitStatus.OK, run.status(), run.err());
        JsonNode out = JSON.readTree(run.out());
        assertEquals("accepted", out.get("outcome").asText());
        assertEquals("OK", out.get("reason").asText());
        assertEquals("VT1", out.get("format").asText());
        assertEquals(HexFormat.of().formatHex(minted.cti()), out.at("/credential/id").asText());
        assertEquals(HexFormat.of().formatHex(minted.issuerKid()), out.at("/credential/kid").asText());
        assertEquals(SampleWorld.CNAM, out.at("/credential/issuer").asText());
        assertEquals(minted.insured().nir(), out.at("/insured/nir").asText());
        assertEquals(minted.insured().nirKey(), out.at("/insured/nirKey").asInt());
        BeneficiarySpec shown = minted.beneficiary(0);
        assertEquals(shown.nomUsuel(), out.at("/beneficiaries/0/lastName").asText());
        assertEquals(shown.prenom(), out.at("/beneficiaries/0/firstName").asText());
        assertEquals(1, out.get("beneficiaries").size());
        assertTrue(out.at("/beneficiaries/0/rightsOpen").asBoolean());
        assertEquals(List.of(), EventSchema.published().errors(asEvent(out).toString()));
    }

    @Test
    void correctedSchemaAcceptsACorsicanNirThatTheOriginalPatternRefuses() throws Exception {
        Wallet farmer = fixture.world.msaFarmer(); // born in Haute-Corse: NIR with 2B
        assertTrue(farmer.credential().insured().nir().contains("2B"));
        JsonNode out = JSON.readTree(fixture.verify("--text", farmer.presentQr(VerifyFixture.NOW, fixture.random, 0)).out());
        String event = asEvent(out).toString();

        assertEquals(List.of(), EventSchema.published().errors(event));
        List<String> original = EventSchema.from(PublicSuites.spec("fse-event.schema.json")).errors(event);
        assertFalse(original.isEmpty(), "the shared schema's NIR pattern puts A/B at the wrong position");
        assertTrue(original.stream().allMatch(error -> error.contains("nir")), original.toString());
    }

    @Test
    void rejectionsCarryTheReasonAndNoPersonalData() throws Exception {
        Wallet wallet = fixture.world.expired();
        VerifyFixture.Run run = fixture.verify("--text", wallet.presentQr(VerifyFixture.NOW, fixture.random, 0));

        assertEquals(ExitStatus.REJECTED, run.status());
        JsonNode out = JSON.readTree(run.out());
        assertEquals("rejected", out.get("outcome").asText());
        assertEquals("EXPIRED", out.get("reason").asText());
        for (String field : List.of("credential", "insured", "beneficiaries", "presentation")) {
            assertFalse(out.has(field), field);
        }
        MintedCredential minted = wallet.credential();
        for (String personal : List.of(minted.insured().nir(), minted.beneficiary(0).nomUsuel(),
                minted.beneficiary(0).prenom(), minted.beneficiary(0).birthDate())) {
            assertFalse(run.out().contains(personal) || run.err().contains(personal));
        }
    }

    @Test
    void rightsAreJudgedOnTheVerificationDate() throws Exception {
        Wallet closed = fixture.world.closedRights();
        JsonNode out = JSON.readTree(fixture.verify("--text", closed.presentQr(VerifyFixture.NOW, fixture.random, 0)).out());
        assertEquals("accepted", out.get("outcome").asText());
        assertFalse(out.at("/beneficiaries/0/rightsOpen").asBoolean());
    }

    @Test
    void nowOptionTakesEpochSecondsOrIso8601() throws Exception {
        String text = fixture.world.singleAdult().presentQr(VerifyFixture.NOW, fixture.random, 0);
        assertEquals(ExitStatus.OK, fixture.verify("--text", text, "--now", "1795773600").status()); // NOW
        VerifyFixture.Run stale = fixture.verify("--text", text, "--now", "2026-11-27T11:05:00+01:00");
        assertEquals("STALE", JSON.readTree(stale.out()).get("reason").asText()); // 5 minutes later
        VerifyFixture.Run bad = fixture.verify("--text", text, "--now", "yesterday");
        assertEquals(ExitStatus.USAGE, bad.status());
        assertTrue(bad.err().contains("--now"), bad.err());
    }

    @Test
    void textFromAFileLosesItsLineEnding() throws Exception {
        Path file = Files.writeString(dir.resolve("scan.txt"),
                fixture.world.family().presentQr(VerifyFixture.NOW, fixture.random, 2) + "\r\n");
        VerifyFixture.Run run = fixture.verify("--file", file.toString());
        assertEquals(ExitStatus.OK, run.status(), run.out());
        JsonNode out = JSON.readTree(run.out());
        assertEquals(fixture.world.family().credential().beneficiary(2).prenom(), out.at("/beneficiaries/0/firstName").asText());
    }

    @Test
    void imageOfTheQrCodeIsDecodedFirst() throws Exception {
        String text = fixture.world.singleAdult().presentQr(VerifyFixture.NOW, fixture.random, 0);
        BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        BufferedImage image = toImage(matrix);
        Path png = dir.resolve("screen.png");
        ImageIO.write(image, "png", png.toFile());

        assertEquals(ExitStatus.OK, fixture.verify("--image", png.toString()).status());
        Path notAnImage = Files.writeString(dir.resolve("notes.png"), "hello");
        VerifyFixture.Run unreadable = fixture.verify("--image", notAnImage.toString());
        assertEquals(ExitStatus.USAGE, unreadable.status());
        assertTrue(unreadable.err().contains("notes.png"), unreadable.err());
    }

    @Test
    void nfcBytesAreCheckedAgainstTheChallenge() throws Exception {
        byte[] challenge = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
        Path bytes = Files.write(dir.resolve("read.bin"),
                fixture.world.singleAdult().presentNfc(challenge, VerifyFixture.NOW, 0));

        VerifyFixture.Run ok = fixture.verify("--nfc-bytes", bytes.toString(), "--challenge", "00112233445566778899aabbccddeeff");
        assertEquals(ExitStatus.OK, ok.status(), ok.out());
        assertEquals("nfc", JSON.readTree(ok.out()).get("channel").asText());
        VerifyFixture.Run other = fixture.verify("--nfc-bytes", bytes.toString(), "--challenge", "ffeeddccbbaa99887766554433221100");
        assertEquals("CHALLENGE_MISMATCH", JSON.readTree(other.out()).get("reason").asText());
        assertEquals(ExitStatus.USAGE, fixture.verify("--nfc-bytes", bytes.toString()).status());
        assertEquals(ExitStatus.USAGE, fixture.verify("--nfc-bytes", bytes.toString(), "--challenge", "0011").status());
    }

    @Test
    void configurationSuppliesTrustAndPolicy() throws Exception {
        Files.createDirectories(dir.resolve("roots"));
        Files.copy(fixture.root, dir.resolve("roots/authority.pem"));
        Path config = Files.writeString(dir.resolve("terminal.properties"), """
                trust.roots = roots/*.pem
                trust.list = trust-list.cose
                demo = true
                """);
        String demoText = fixture.world.demo().presentQr(VerifyFixture.NOW, fixture.random, 0);

        assertEquals(ExitStatus.OK, fixture.run("verify", "--config", config.toString(), "--text", demoText).status());
        VerifyFixture.Run overridden = fixture.run(Map.of("VT_DEMO", "false"), "verify", "--config", config.toString(),
                "--text", demoText);
        assertEquals("DEMO_NOT_ALLOWED", JSON.readTree(overridden.out()).get("reason").asText());
    }

    @Test
    void configurationErrorsNameTheKeyTheSourceAndTheExpectedForm() throws Exception {
        Path config = Files.writeString(dir.resolve("terminal.properties"), """
                trust.roots = root.pem
                trust.list = trust-list.cose
                trust.grace = three days
                """);
        VerifyFixture.Run run = fixture.run("verify", "--config", config.toString(), "--text", "VT1:");
        assertEquals(ExitStatus.USAGE, run.status());
        assertTrue(run.err().contains("trust.grace") && run.err().contains(config.toString())
                && run.err().contains("ISO-8601 duration"), run.err());

        Files.writeString(config, "trust.roots = root.pem\ntrust.list = trust-list.cose\ntrust.gracee = PT1H\n");
        VerifyFixture.Run typo = fixture.run("verify", "--config", config.toString(), "--text", "VT1:");
        assertEquals(ExitStatus.USAGE, typo.status());
        assertTrue(typo.err().contains("unknown key 'trust.gracee'"), typo.err());

        Files.writeString(config, "trust.roots = missing/*.pem\ntrust.list = trust-list.cose\n");
        VerifyFixture.Run noRoots = fixture.run("verify", "--config", config.toString(), "--text", "VT1:");
        assertEquals(ExitStatus.USAGE, noRoots.status());
        assertTrue(noRoots.err().contains("trust.roots"), noRoots.err());
    }

    @Test
    void aTrustListTheRootsDoNotVouchForLeavesNoTrustList() throws Exception {
        SampleWorld other = SampleWorld.create(SimRandom.seeded(1), VerifyFixture.NOW);
        Path otherRoot = Files.writeString(dir.resolve("other-root.pem"), other.rootPem());
        String text = fixture.world.singleAdult().presentQr(VerifyFixture.NOW, fixture.random, 0);
        VerifyFixture.Run run = fixture.run("verify", "--trust-root", otherRoot.toString(), "--trust-list",
                fixture.trustList.toString(), "--text", text);

        assertEquals(ExitStatus.REJECTED, run.status());
        assertEquals("TRUST_LIST_MISSING", JSON.readTree(run.out()).get("reason").asText());
        assertTrue(run.err().contains("UNKNOWN_ROOT"), run.err());
    }

    @Test
    void hc1CertificateIsVerifiedAgainstTheGivenSigner() throws Exception {
        JsonNode testCase = JSON.readTree(PublicSuites.resolve("dgc/AT/2DCode/raw/1.json").toFile());
        Path certificate = Files.write(dir.resolve("dsc.der"),
                Base64.getDecoder().decode(testCase.at("/TESTCTX/CERTIFICATE").asText()));
        String clock = testCase.at("/TESTCTX/VALIDATIONCLOCK").asText();

        VerifyFixture.Run run = fixture.run("verify", "--hc1-cert", certificate.toString(), "--now", clock,
                "--text", testCase.get("PREFIX").asText());
        assertEquals(ExitStatus.OK, run.status(), run.out());
        JsonNode out = JSON.readTree(run.out());
        assertEquals("HC1", out.get("format").asText());
        assertEquals(testCase.at("/JSON/ver").asText(), out.at("/hcert/ver").asText());
        assertEquals(testCase.at("/JSON/nam/fnt").asText(), out.at("/hcert/nam/fnt").asText());

        VerifyFixture.Run untrusted = fixture.run("verify", "--now", clock, "--text", testCase.get("PREFIX").asText());
        assertEquals("TRUST_LIST_MISSING", JSON.readTree(untrusted.out()).get("reason").asText());
    }

    @Test
    void usageErrorsExitWithTwoAndSayWhatToFix() {
        assertUsage(fixture.run("verify"), "exactly one of");
        assertUsage(fixture.run("verify", "--text", "a", "--file", "b"), "exactly one of");
        assertUsage(fixture.run("verify", "--text", "a", "--colour", "red"), "unknown option --colour");
        assertUsage(fixture.run("verify", "--file", "absent.txt"), "absent.txt");
        assertUsage(fixture.run("verify", "--trust-list", "trust-list.cose", "--text", "a"), "--trust-root");
        assertUsage(fixture.run("verify", "--trust-root", "nope.pem", "--text", "a"), "nope.pem");
        assertUsage(fixture.run("verify", "--text", "a", "--challenge", "00"), "--challenge");
        assertUsage(fixture.run("verifyy"), "unknown command");
        assertEquals(ExitStatus.OK, fixture.run("verify", "--help").status());
    }

    @Test
    void unknownTextsAreFormatRejections() throws Exception {
        VerifyFixture.Run run = fixture.verify("--text", "https://example.org/");
        assertEquals(ExitStatus.REJECTED, run.status());
        JsonNode out = JSON.readTree(run.out());
        assertEquals("FORMAT", out.get("reason").asText());
        assertEquals("UNKNOWN", out.get("format").asText());
    }

    private static BufferedImage toImage(BitMatrix matrix) {
        BufferedImage image = new BufferedImage(matrix.getWidth() * 3, matrix.getHeight() * 3, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, matrix.get(x / 3, y / 3) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        return image;
    }

    private static void assertUsage(VerifyFixture.Run run, String hint) {
        assertEquals(ExitStatus.USAGE, run.status(), run.out());
        assertTrue(run.err().contains(hint), "expected '" + hint + "' in: " + run.err());
    }

    /** Wraps verify's output in the envelope of an accepted FSE event, as the terminal will. */
    private static ObjectNode asEvent(JsonNode verifyOutput) {
        ObjectNode event = JSON.createObjectNode();
        event.put("schema", "vt.fse-event/1");
        event.put("type", "presentation.accepted");
        event.put("eventId", "019ac4f2-3b1e-7c3d-8e2f-0123456789ab");
        event.put("seq", 1);
        event.put("terminalId", "pharma-0042-t1");
        event.put("siteId", "750012345");
        event.put("siteKind", "pharmacy");
        event.put("occurredAt", verifyOutput.get("verifiedAt").asText());
        event.put("clockSynced", true);
        event.put("channel", verifyOutput.get("channel").asText());
        event.put("reason", "OK");
        event.put("trustListVersion", 1);
        event.put("firmware", "test");
        for (String field : List.of("credential", "presentation", "insured", "beneficiaries")) {
            event.set(field, verifyOutput.get(field));
        }
        return event;
    }
}
