package org.vitaleterminal.sim.nfc.phone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.nfc.testing.Hex;
import org.vitaleterminal.sim.testing.CoseView;
import org.vitaleterminal.sim.testing.JdkSignatures;
import org.vitaleterminal.sim.wallet.Wallet;
import org.vitaleterminal.sim.world.SampleWorld;

class WalletAppletTest {
    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    static final byte[] SELECT = Hex.bytes("00 A4 04 00 0A F0 56 54 31 56 49 54 41 4C 45 00");
    private static SampleWorld world;

    @BeforeAll
    static void world() {
        world = SampleWorld.create(SimRandom.seeded(11), NOW);
    }

    static byte[] getPresentation(byte[] challenge) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Hex.bytes("80 50 00 00 10"));
        out.writeBytes(challenge);
        out.write(0x00);
        return out.toByteArray();
    }

    private static WalletApplet family() {
        return WalletApplet.of(world.family(), Clock.fixed(NOW, ZoneOffset.UTC), 0, 1, 2, 3);
    }

    private static int sw(byte[] response) {
        return (response[response.length - 2] & 0xFF) << 8 | (response[response.length - 1] & 0xFF);
    }

    /** SELECT, GET PRESENTATION, GET RESPONSE until 90 00, as the terminal does. */
    static byte[] readPresentation(Iso7816Card card, byte[] challenge, List<Integer> statusWords) {
        assertEquals("01 90 00", Hex.of(card.process(SELECT)));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] r = card.process(getPresentation(challenge));
        while (true) {
            statusWords.add(sw(r));
            assertTrue(r.length - 2 <= WalletApplet.MAX_CHUNK, "chunk of " + (r.length - 2));
            all.write(r, 0, r.length - 2);
            if (sw(r) == 0x9000) {
                return all.toByteArray();
            }
            int status = sw(r);
            assertEquals(0x61, status >> 8, () -> "61 XX expected, got " + Integer.toHexString(status));
            r = card.process(new byte[] {0x00, (byte) 0xC0, 0x00, 0x00, (byte) sw(r)});
        }
    }

    @Test
    void chunkedReadReassemblesASignedPresentationOverTheChallenge() throws Exception {
        Wallet wallet = world.family();
        byte[] challenge = Hex.bytes("00112233445566778899AABBCCDDEEFF");
        List<Integer> sws = new java.util.ArrayList<>();
        byte[] presentation = readPresentation(family(), challenge, sws);
        assertEquals(0xD2, presentation[0] & 0xFF, "tag 18 (COSE_Sign1)");
        assertTrue(presentation.length > 500, "several chunks: " + presentation.length);
        CoseView view = CoseView.decode(presentation);
        Map<Object, Object> claims = view.claims();
        assertArrayEquals(challenge, (byte[]) claims.get(3L), "the challenge is the nonce");
        assertEquals(2L, claims.get(4L), "channel NFC");
        assertEquals(NOW.getEpochSecond(), claims.get(2L), "iat from the applet's clock");
        assertEquals(4, ((List<?>) claims.get(5L)).size());
        assertTrue(JdkSignatures.verify(wallet.credential().deviceKey().spkiDer(), -7,
                view.sigStructure("VT1/presentation"), view.signature()));
        // 61 XX says what is left: 00 while 256 or more
        int left = presentation.length - 250;
        assertEquals(left >= 256 ? 0x6100 : 0x6100 | left, sws.get(0));
        assertEquals(0x9000, sws.get(sws.size() - 1));
    }

    @Test
    void freshPresentationForEachChallenge() {
        WalletApplet applet = family();
        byte[] a = readPresentation(applet, new byte[16], new java.util.ArrayList<>());
        byte[] b = readPresentation(applet, Hex.bytes("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"), new java.util.ArrayList<>());
        assertTrue(!Arrays.equals(a, b));
        assertEquals(2, applet.presentationsSigned());
    }

    @Test
    void lockedAnswers6985ThenSucceeds() {
        WalletApplet applet = family().lockedFor(2);
        assertEquals("01 90 00", Hex.of(applet.process(SELECT)));
        assertEquals("69 85", Hex.of(applet.process(getPresentation(new byte[16]))));
        assertEquals("69 85", Hex.of(applet.process(getPresentation(new byte[16]))));
        byte[] r = applet.process(getPresentation(new byte[16]));
        assertEquals(0x61, r[r.length - 2] & 0xFF);
        assertEquals(1, applet.presentationsSigned());
    }

    @Test
    void aPhoneWithoutTheWalletAnswers6A82() {
        assertEquals("6A 82", Hex.of(new NonVt1Applet().process(SELECT)));
        assertEquals("6F 00", Hex.of(new NonVt1Applet().process(getPresentation(new byte[16]))));
        assertEquals("6A 82", Hex.of(family().process(Hex.bytes("00 A4 04 00 07 A0 00 00 00 04 10 10 00"))));
    }

    @Test
    void emptyWalletAnswers6A88() {
        WalletApplet empty = WalletApplet.empty();
        assertEquals("01 90 00", Hex.of(empty.process(SELECT)));
        assertEquals("6A 88", Hex.of(empty.process(getPresentation(new byte[16]))));
    }

    @Test
    void iso7816Errors() {
        WalletApplet applet = family();
        assertEquals("6F 00", Hex.of(applet.process(getPresentation(new byte[16]))), "before SELECT: Android's router");
        applet.process(SELECT);
        assertEquals("6E 00", Hex.of(applet.process(Hex.bytes("90 50 00 00 00"))));
        assertEquals("6D 00", Hex.of(applet.process(Hex.bytes("80 51 00 00 00"))));
        assertEquals("6D 00", Hex.of(applet.process(Hex.bytes("00 B0 00 00 00"))));
        assertEquals("67 00", Hex.of(applet.process(Hex.bytes("80 50 00 00 08 00 00 00 00 00 00 00 00 00"))));
        assertEquals("67 00", Hex.of(applet.process(Arrays.copyOf(getPresentation(new byte[16]), 21))), "no Le");
        assertEquals("67 00", Hex.of(applet.process(Hex.bytes("80 50"))));
        byte[] badP1 = getPresentation(new byte[16]);
        badP1[2] = 1;
        assertEquals("6A 86", Hex.of(applet.process(badP1)));
        assertEquals("69 00", Hex.of(applet.process(Hex.bytes("00 C0 00 00 10"))), "nothing to GET RESPONSE");
        assertEquals("67 00", Hex.of(applet.process(Hex.bytes("00 C0 00 00"))));
    }

    @Test
    void anotherCommandDropsTheRestAndDeactivationNeedsANewSelect() {
        WalletApplet applet = family();
        applet.process(SELECT);
        byte[] r = applet.process(getPresentation(new byte[16]));
        assertEquals(0x61, r[r.length - 2] & 0xFF);
        applet.process(SELECT);
        assertEquals("69 00", Hex.of(applet.process(Hex.bytes("00 C0 00 00 00"))));
        applet.deactivated();
        assertEquals("6F 00", Hex.of(applet.process(getPresentation(new byte[16]))));
    }

    @Test
    void getResponseHonoursASmallerLe() {
        WalletApplet applet = family();
        applet.process(SELECT);
        applet.process(getPresentation(new byte[16]));
        byte[] r = applet.process(Hex.bytes("00 C0 00 00 20"));
        assertEquals(0x20 + 2, r.length);
        assertEquals(0x61, r[r.length - 2] & 0xFF);
    }
}
