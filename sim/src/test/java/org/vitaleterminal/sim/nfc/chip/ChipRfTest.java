package org.vitaleterminal.sim.nfc.chip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.nfc.phone.Iso7816Card;
import org.vitaleterminal.sim.nfc.phone.NonVt1Applet;
import org.vitaleterminal.sim.nfc.phone.Phone;
import org.vitaleterminal.sim.nfc.testing.ChipStream;
import org.vitaleterminal.sim.nfc.testing.Hex;
import org.vitaleterminal.sim.nfc.testing.TestHost;

/** The RF side: listing, exchanges, chaining, presence, removal. */
class ChipRfTest {
    private static final String SELECT = "00 A4 04 00 0A F0 56 54 31 56 49 54 41 4C 45 00";

    /** The UID a phone seeded with {@code seed} draws first: 08 and three random bytes. */
    private static byte[] firstUid(long seed) {
        byte[] uid = new byte[4];
        SimRandom.seeded(seed).nextBytes(uid);
        uid[0] = 0x08;
        return uid;
    }

    private static Phone phone(Iso7816Card card, long seed) {
        return Phone.builder(card, SimRandom.seeded(seed)).apduLatency(Duration.ZERO).build();
    }

    /** A card that records APDUs and answers with a fixed response. */
    private static final class Recorder implements Iso7816Card {
        final List<byte[]> apdus = new ArrayList<>();
        byte[] response = Hex.bytes("90 00");

        @Override
        public byte[] process(byte[] commandApdu) {
            apdus.add(commandApdu);
            return response;
        }
    }

    private static byte[] cat(String hex, byte[] tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Hex.bytes(hex));
        out.writeBytes(tail);
        return out.toByteArray();
    }

    @Test
    void listsAPhoneWithItsTargetData() {
        TestHost host = new TestHost().init();
        host.chip.placePhone(phone(new NonVt1Applet(), 7));
        byte[] uid = firstUid(7);
        assertEquals("4B 01 01 00 04 20 04 " + Hex.of(uid) + " 05 78 80 70 02", Hex.of(host.exchange(0x4A, 0x01, 0x00)));
        assertTrue(host.chip.rfFieldOn(), "InListPassiveTarget switched the field on");
        assertArrayEquals(uid, host.chip.lastActivatedUid().orElseThrow());
        assertEquals("05 00 01 01 01 00 00 00 00", Hex.of(host.exchange(0x04)));
    }

    @Test
    void withoutAutomaticRatsThereIsNoAts() {
        TestHost host = new TestHost().init();
        host.chip.placePhone(phone(new NonVt1Applet(), 7));
        host.exchange(0x12, 0x00);
        assertEquals("4B 01 01 00 04 20 04 " + Hex.of(firstUid(7)), Hex.of(host.exchange(0x4A, 0x01, 0x00)));
        assertEquals("41 01", Hex.of(host.exchange(0x40, 0x01, 0x00, 0xA4, 0x04, 0x00)), "no ISO-DEP without RATS");
        assertEquals("43 00 05 78 80 70 02", Hex.of(host.exchange(0x42, 0xE0, 0x80)), "RATS by hand");
        assertEquals("43 00 02 6A 82", Hex.of(host.exchange(cat("42 02", Hex.bytes(SELECT)))));
    }

    @Test
    void noPhoneGivesNoTargetOnceTheRetriesAreSpent() {
        TestHost host = new TestHost(Pn532Timing.realistic()).init();
        host.clock.advance(Duration.ofMillis(1));
        host.take();
        assertEquals("33", Hex.of(respond(host, "32 05 00 01 02")));
        host.send(ChipStream.command(0x4A, 0x01, 0x00));
        host.advance(Duration.ofMillis(1));
        assertEquals("00 00 FF 00 FF 00", Hex.of(host.take()));
        host.advance(Duration.ofMillis(28));
        assertEquals(0, host.take().length, "three tries of 10 ms are not over");
        host.advance(Duration.ofMillis(2));
        assertEquals("4B 00", Hex.of(((ChipStream.Response) host.takeFrames().get(0)).data()));
        assertEquals(0x26, host.chip.register(0x6339), "the unanswered REQA is left in the FIFO");
    }

    private static byte[] respond(TestHost host, String command) {
        host.send(ChipStream.command(Hex.bytes(command)));
        host.advance(Duration.ofMillis(2));
        return host.expectAckAndResponse();
    }

    @Test
    void infiniteRetriesWaitForAPhoneOrAnAbort() {
        TestHost host = new TestHost().init();
        host.send(ChipStream.command(0x4A, 0x01, 0x00));
        assertEquals("00 00 FF 00 FF 00", Hex.of(host.take()));
        host.advance(Duration.ofSeconds(30));
        assertEquals(0, host.take().length);
        assertTrue(host.chip.commandPending());
        host.chip.placePhone(phone(new NonVt1Applet(), 3));
        assertEquals("4B 01 01 00 04 20 04 " + Hex.of(firstUid(3)) + " 05 78 80 70 02",
                Hex.of(((ChipStream.Response) host.takeFrames().get(0)).data()));

        host.exchange(0x52, 0x00);
        host.chip.removePhone();
        host.send(ChipStream.command(0x4A, 0x01, 0x00));
        host.take();
        host.send(Hex.bytes("00 00 FF 00 FF 00")); // host ACK: abort
        assertFalse(host.chip.commandPending());
        host.chip.placePhone(phone(new NonVt1Applet(), 4));
        assertEquals(0, host.take().length, "the aborted command does not come back");
        assertEquals("03 32 01 06 07", Hex.of(host.exchange(0x02)));
    }

    @Test
    void libnfcListLoopEndsBecauseADeselectedPhoneIsHalted() {
        TestHost host = new TestHost().init();
        host.chip.placePhone(phone(new NonVt1Applet(), 5));
        host.exchange(0x32, 0x05, 0x00, 0x01, 0x02);
        assertEquals("4B 01", Hex.of(Arrays.copyOf(host.exchange(0x4A, 0x01, 0x00), 2)));
        assertEquals("45 00", Hex.of(host.exchange(0x44, 0x00)));
        assertEquals("4B 00", Hex.of(host.exchange(0x4A, 0x01, 0x00)));
    }

    @Test
    void inSelectWakesADeselectedTarget() {
        TestHost host = new TestHost().init();
        Recorder card = new Recorder();
        host.chip.placePhone(phone(card, 5));
        host.exchange(0x4A, 0x01, 0x00);
        assertEquals("45 00", Hex.of(host.exchange(0x44, 0x01)));
        assertEquals("41 27", Hex.of(host.exchange(0x40, 0x01, 0x00, 0xB0, 0x00, 0x00, 0x00)));
        assertEquals("55 00", Hex.of(host.exchange(0x54, 0x01)));
        assertEquals("41 00 90 00", Hex.of(host.exchange(0x40, 0x01, 0x00, 0xB0, 0x00, 0x00, 0x00)));
        assertEquals("55 27", Hex.of(host.exchange(0x54, 0x02)));
    }

    @Test
    void everyPowerUpIsANewTapWithANewUid() {
        TestHost host = new TestHost().init();
        host.chip.placePhone(phone(new NonVt1Applet(), 9));
        byte[] first = Arrays.copyOfRange(host.exchange(0x4A, 0x01, 0x00), 7, 11);
        assertEquals("33", Hex.of(host.exchange(0x32, 0x01, 0x00)));
        assertEquals("41 27", Hex.of(host.exchange(0x40, 0x01, 0x00)), "field off released the target");
        byte[] second = Arrays.copyOfRange(host.exchange(0x4A, 0x01, 0x00), 7, 11);
        assertNotEquals(Hex.of(first), Hex.of(second));
        assertEquals(0x08, second[0]);
    }

    @Test
    void dataExchangeChecksTheTargetNumber() {
        TestHost host = new TestHost().init();
        assertEquals("41 27", Hex.of(host.exchange(0x40, 0x01, 0x00, 0xA4)), "no target listed");
        host.chip.placePhone(phone(new NonVt1Applet(), 1));
        host.exchange(0x4A, 0x01, 0x00);
        assertEquals("41 27", Hex.of(host.exchange(0x40, 0x02, 0x00, 0xA4)));
        assertEquals("41 27", Hex.of(host.exchange(0x40, 0x00, 0x00, 0xA4)), "Tg 0 (pn532pi issue #20)");
        assertEquals("41 00 6A 82", Hex.of(host.exchange(cat("40 01", Hex.bytes(SELECT)))));
    }

    @Test
    void chainingBothWays() {
        TestHost host = new TestHost().init();
        Recorder card = new Recorder();
        byte[] big = new byte[400];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        card.response = big;
        host.chip.placePhone(phone(card, 1));
        host.exchange(0x4A, 0x01, 0x00);

        byte[] apdu = new byte[300];
        for (int i = 0; i < apdu.length; i++) {
            apdu[i] = (byte) (255 - i);
        }
        byte[] part1 = Arrays.copyOf(apdu, 262);
        byte[] part2 = Arrays.copyOfRange(apdu, 262, 300);
        assertEquals("41 00", Hex.of(host.exchange(cat("40 41", part1))), "MI from the host: R(ACK), no data");
        assertTrue(card.apdus.isEmpty());
        byte[] first = host.exchange(cat("40 01", part2));
        assertEquals(1, card.apdus.size());
        assertArrayEquals(apdu, card.apdus.get(0), "the phone got the whole APDU");
        assertEquals(264, first.length);
        assertEquals("41 40", Hex.of(Arrays.copyOf(first, 2)), "MI from the chip");
        byte[] second = host.exchange(0x40, 0x01);
        assertEquals("41 00", Hex.of(Arrays.copyOf(second, 2)));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(first, 2, first.length - 2);
        all.write(second, 2, second.length - 2);
        assertArrayEquals(big, all.toByteArray());
        assertEquals(1, card.apdus.size(), "the continuation reaches no application");
    }

    @Test
    void removalBetweenApdusTimesOutThenReportsTheTargetGone() {
        TestHost host = new TestHost(Pn532Timing.realistic()).init();
        host.chip.placePhone(phone(new NonVt1Applet(), 1));
        host.send(ChipStream.command(0x4A, 0x01, 0x00));
        host.advance(Duration.ofMillis(10));
        host.take();
        host.chip.removePhone();
        host.send(ChipStream.command(cat("40 01", Hex.bytes(SELECT))));
        host.advance(Duration.ofMillis(50));
        assertEquals("00 00 FF 00 FF 00", Hex.of(host.take()), "the chip still waits for its RF timeout");
        host.advance(Duration.ofMillis(2));
        assertEquals("41 01", Hex.of(((ChipStream.Response) host.takeFrames().get(0)).data()), "51.2 ms later");
        host.send(ChipStream.command(cat("40 01", Hex.bytes(SELECT))));
        host.advance(Duration.ofMillis(60));
        assertEquals("41 2B", Hex.of(host.expectAckAndResponse()));
        host.send(ChipStream.command(0x42, 0xB2));
        host.advance(Duration.ofMillis(60));
        assertEquals("43 2B", Hex.of(host.expectAckAndResponse()));
    }

    @Test
    void removalWhileThePhoneIsAnsweringLosesTheAnswer() {
        TestHost host = new TestHost().init();
        Recorder card = new Recorder();
        host.chip.placePhone(Phone.builder(card, SimRandom.seeded(1)).apduLatency(Duration.ofMillis(30)).build());
        host.exchange(0x4A, 0x01, 0x00);
        host.send(ChipStream.command(0x40, 0x01, 0x00, 0xB0, 0x00, 0x00, 0x00));
        assertEquals("00 00 FF 00 FF 00", Hex.of(host.take()));
        host.advance(Duration.ofMillis(10));
        host.chip.removePhone();
        host.advance(Duration.ofMillis(30));
        assertEquals("41 01", Hex.of(((ChipStream.Response) host.takeFrames().get(0)).data()));
        assertEquals(1, card.apdus.size(), "the phone had processed the APDU");
    }

    @Test
    void aPhoneThatLeavesAfterKApdus() {
        TestHost host = new TestHost().init();
        Recorder card = new Recorder();
        host.chip.placePhone(Phone.builder(card, SimRandom.seeded(1)).apduLatency(Duration.ZERO)
                .leavesAfterApdus(2).build());
        host.exchange(0x4A, 0x01, 0x00);
        assertEquals("41 00 90 00", Hex.of(host.exchange(0x40, 0x01, 0x00, 0x01, 0x00, 0x00)));
        assertEquals("41 00 90 00", Hex.of(host.exchange(0x40, 0x01, 0x00, 0x02, 0x00, 0x00)));
        assertTrue(host.chip.phoneInField().isEmpty(), "gone after its second answer");
        assertEquals("41 01", Hex.of(host.exchange(0x40, 0x01, 0x00, 0x03, 0x00, 0x00)));
        assertEquals(2, card.apdus.size());
    }

    @Test
    void presenceCheckWithRNak() {
        TestHost host = new TestHost().init();
        host.chip.placePhone(phone(new Recorder(), 1));
        host.exchange(0x4A, 0x01, 0x00);
        assertEquals("43 00 A3", Hex.of(host.exchange(0x42, 0xB2)), "PICC block number 1 before any I-block");
        host.exchange(0x40, 0x01, 0x00, 0xB0, 0x00, 0x00, 0x00);
        assertEquals("43 00 A2", Hex.of(host.exchange(0x42, 0xB3)));
        host.chip.removePhone();
        assertEquals("43 01", Hex.of(host.exchange(0x42, 0xB2)));
    }

    @Test
    void aNewCommandSupersedesAPendingOne() {
        TestHost host = new TestHost().init();
        host.send(ChipStream.command(0x4A, 0x01, 0x00));
        host.take();
        assertTrue(host.chip.commandPending());
        assertEquals("03 32 01 06 07", Hex.of(host.exchange(0x02)));
        host.chip.placePhone(phone(new Recorder(), 1));
        assertEquals(0, host.take().length);
    }

    @Test
    void releaseForgetsTheTarget() {
        TestHost host = new TestHost().init();
        host.chip.placePhone(phone(new Recorder(), 1));
        host.exchange(0x4A, 0x01, 0x00);
        assertEquals("53 00", Hex.of(host.exchange(0x52, 0x00)));
        assertEquals("41 27", Hex.of(host.exchange(0x40, 0x01, 0x00)));
        assertEquals("53 00", Hex.of(host.exchange(0x52, 0x00)), "nothing to release is fine");
    }
}
