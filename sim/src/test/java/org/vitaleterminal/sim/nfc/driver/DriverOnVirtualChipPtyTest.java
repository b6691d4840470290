package org.vitaleterminal.sim.nfc.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.vitaleterminal.hal.nfc.NfcTarget;
import org.vitaleterminal.hal.nfc.ResponseApdu;
import org.vitaleterminal.hal.nfc.TargetLostException;
import org.vitaleterminal.hal.nfc.pn532.Pn532;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.nfc.phone.Iso7816Card;
import org.vitaleterminal.sim.nfc.phone.NonVt1Applet;
import org.vitaleterminal.sim.nfc.phone.Phone;
import org.vitaleterminal.sim.nfc.phone.WalletApplet;
import org.vitaleterminal.sim.wallet.Wallet;

/**
 * The real PN532 driver, opened from a {@code pn532:uart:} URI, against the independent virtual
 * PN532 on a pseudo-terminal: the whole VT1 read of {@code nfc-apdu.md} (poll, SELECT, GET
 * PRESENTATION, {@code 61 XX} joining), the phone's variants, presence checks, MI chaining, and
 * no thread left behind. The timeouts are hang detectors, not speed goals.
 */
@EnabledOnOs(OS.LINUX)
class DriverOnVirtualChipPtyTest {
    private static final Duration HANG = Duration.ofSeconds(30);
    private static Set<Thread> threadsBefore;

    @BeforeAll
    static void warmUpAndSnapshotThreads() throws Exception {
        VirtualPhones.world();
        // JNA and jSerialComm may start a JVM-wide helper the first time they are used: open a
        // rig once so that only threads our tests leave behind count
        try (PtyRig rig = PtyRig.open()) {
            rig.reader.poll(Duration.ZERO);
        }
        threadsBefore = LiveThreads.snapshot();
    }

    @AfterAll
    static void noThreadWasLeftBehind() throws Exception {
        Set<String> left = LiveThreads.startedSince(threadsBefore);
        assertTrue(left.isEmpty(), "threads left running: " + left);
    }

    @Test
    void aWalletIsReadThroughThePseudoTerminal() {
        assertTimeoutPreemptively(HANG, () -> {
            try (PtyRig rig = PtyRig.open()) {
                Wallet wallet = VirtualPhones.singleAdult();
                rig.chip.placePhone(VirtualPhones.wallet(wallet, 1, 0));
                NfcTarget target = rig.reader.poll(Duration.ofSeconds(2)).orElseThrow();
                assertTrue(target.isoDep());
                assertEquals(0x0004, target.atqa());
                assertArrayEquals(Phone.defaultAts(), target.ats());
                assertArrayEquals(rig.chip.currentUid().orElseThrow(), target.uid());

                byte[] challenge = VirtualPhones.challenge(SimRandom.seeded(5));
                long exchangesBefore = rig.chip.commandsAccepted();
                ResponseApdu r = VirtualPhones.selectAndGet(rig.reader, target, challenge);
                assertEquals(0x9000, r.sw());
                assertTrue(r.data().length > WalletApplet.MAX_CHUNK, "joined over 61 XX: " + r.data().length);
                VirtualPhones.assertPresentationAnswers(r.data(), challenge);
                assertArrayEquals(VirtualPhones.expected(wallet, challenge, 0), r.data());
                int chunks = (r.data().length + WalletApplet.MAX_CHUNK - 1) / WalletApplet.MAX_CHUNK;
                assertEquals(1 + chunks, rig.chip.commandsAccepted() - exchangesBefore,
                        "SELECT, GET PRESENTATION, one GET RESPONSE per further chunk, nothing else");
            }
        });
    }

    @Test
    void aSecondReadWithAnotherChallengeGivesAnotherPresentation() {
        assertTimeoutPreemptively(HANG, () -> {
            try (PtyRig rig = PtyRig.open()) {
                Wallet wallet = VirtualPhones.family();
                rig.chip.placePhone(VirtualPhones.wallet(wallet, 2, 0, 1, 2, 3));
                NfcTarget target = rig.reader.poll(Duration.ofSeconds(2)).orElseThrow();
                byte[] first = VirtualPhones.challenge(SimRandom.seeded(6));
                byte[] second = VirtualPhones.challenge(SimRandom.seeded(7));
                byte[] a = VirtualPhones.selectAndGet(rig.reader, target, first).data();
                byte[] b = rig.reader.transmit(target, VirtualPhones.getPresentation(second),
                        VirtualPhones.MAX_PRESENTATION).data();
                assertArrayEquals(VirtualPhones.expected(wallet, first, 0, 1, 2, 3), a);
                assertArrayEquals(VirtualPhones.expected(wallet, second, 0, 1, 2, 3), b);
                VirtualPhones.assertPresentationAnswers(b, second);
            }
        });
    }

    @Test
    void aPhoneThatLeavesAfterTheFirstChunkIsALostTargetAndTheNextTapReads() {
        assertTimeoutPreemptively(HANG, () -> {
            try (PtyRig rig = PtyRig.open()) {
                Wallet wallet = VirtualPhones.singleAdult();
                Phone leaving = Phone.builder(WalletApplet.of(wallet, VirtualPhones.CLOCK, 0), SimRandom.seeded(3))
                        .apduLatency(Duration.ofMillis(10)).leavesAfterApdus(2).build();
                rig.chip.placePhone(leaving);
                NfcTarget target = rig.reader.poll(Duration.ofSeconds(2)).orElseThrow();
                byte[] challenge = VirtualPhones.challenge(SimRandom.seeded(8));
                assertThrows(TargetLostException.class, () -> VirtualPhones.selectAndGet(rig.reader, target, challenge),
                        "GET RESPONSE after the phone left");
                rig.reader.release(target);
                assertEquals(Optional.empty(), rig.reader.poll(Duration.ofMillis(200)), "nobody in the field");

                rig.chip.placePhone(VirtualPhones.wallet(wallet, 4, 0));
                NfcTarget again = rig.reader.poll(Duration.ofSeconds(2)).orElseThrow();
                assertArrayEquals(VirtualPhones.expected(wallet, challenge, 0),
                        VirtualPhones.selectAndGet(rig.reader, again, challenge).data());
            }
        });
    }

    @Test
    void aPhoneTakenAwayWhileItComputesItsAnswerIsALostTarget() {
        assertTimeoutPreemptively(HANG, () -> {
            try (PtyRig rig = PtyRig.open()) {
                Wallet wallet = VirtualPhones.singleAdult();
                WalletApplet applet = WalletApplet.of(wallet, VirtualPhones.CLOCK, 0);
                Phone slow = Phone.builder(applet, SimRandom.seeded(9)).apduLatency(Duration.ofMillis(300)).build();
                rig.chip.placePhone(slow);
                NfcTarget target = rig.reader.poll(Duration.ofSeconds(2)).orElseThrow();
                assertEquals(0x9000, rig.reader.transmit(target, VirtualPhones.select(), 256).sw());
                Thread removal = new Thread(() -> {
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                    rig.chip.removePhone();
                }, "test-removes-the-phone");
                removal.start();
                byte[] challenge = VirtualPhones.challenge(SimRandom.seeded(10));
                long start = System.nanoTime();
                assertThrows(TargetLostException.class, () -> rig.reader.transmit(target,
                        VirtualPhones.getPresentation(challenge), VirtualPhones.MAX_PRESENTATION));
                removal.join(5000);
                assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3), "no wait past the exchange timeout");
                assertFalse(rig.reader.isPresent(target));
                rig.reader.release(target);
            }
        });
    }

    @Test
    void aPhoneWithoutTheWalletAnswers6A82() {
        assertTimeoutPreemptively(HANG, () -> {
            try (PtyRig rig = PtyRig.open()) {
                rig.chip.placePhone(VirtualPhones.phone(new NonVt1Applet(), 11));
                NfcTarget target = rig.reader.poll(Duration.ofSeconds(2)).orElseThrow();
                ResponseApdu r = rig.reader.transmit(target, VirtualPhones.select(), 256);
                assertEquals(0x6A82, r.sw());
                assertEquals(0, r.data().length);
                assertTrue(rig.reader.isPresent(target), "still there, only not a wallet");
            }
        });
    }

    @Test
    void anEmptyWalletAnswers6A88() {
        assertTimeoutPreemptively(HANG, () -> {
            try (PtyRig rig = PtyRig.open()) {
                rig.chip.placePhone(VirtualPhones.phone(WalletApplet.empty(), 12));
                NfcTarget target = rig.reader.poll(Duration.ofSeconds(2)).orElseThrow();
                assertEquals(0x6A88, VirtualPhones.selectAndGet(rig.reader, target,
                        VirtualPhones.challenge(SimRandom.seeded(13))).sw());
            }
        });
    }

    @Test
    void aLockedWalletAnswers6985UntilTheHolderUnlocksThenTheReadSucceeds() {
        assertTimeoutPreemptively(HANG, () -> {
            try (PtyRig rig = PtyRig.open()) {
                Wallet wallet = VirtualPhones.singleAdult();
                WalletApplet applet = WalletApplet.of(wallet, VirtualPhones.CLOCK, 0).lockedFor(2);
                rig.chip.placePhone(VirtualPhones.phone(applet, 14));
                NfcTarget target = rig.reader.poll(Duration.ofSeconds(2)).orElseThrow();
                byte[] first = VirtualPhones.challenge(SimRandom.seeded(15));
                ResponseApdu r = VirtualPhones.selectAndGet(rig.reader, target, first);
                assertEquals(0x6985, r.sw());
                assertEquals(0, r.data().length);
                byte[] second = VirtualPhones.challenge(SimRandom.seeded(16));
                assertEquals(0x6985, rig.reader.transmit(target, VirtualPhones.getPresentation(second),
                        VirtualPhones.MAX_PRESENTATION).sw());
                byte[] third = VirtualPhones.challenge(SimRandom.seeded(17));
                ResponseApdu unlocked = rig.reader.transmit(target, VirtualPhones.getPresentation(third),
                        VirtualPhones.MAX_PRESENTATION);
                assertEquals(0x9000, unlocked.sw());
                assertArrayEquals(VirtualPhones.expected(wallet, third, 0), unlocked.data());
                assertEquals(1, applet.presentationsSigned());
            }
        });
    }

    @Test
    void presenceIsTrueWhileThePhoneStaysAndFalseOnceItLeft() {
        assertTimeoutPreemptively(HANG, () -> {
            try (PtyRig rig = PtyRig.open()) {
                Wallet wallet = VirtualPhones.singleAdult();
                rig.chip.placePhone(VirtualPhones.wallet(wallet, 18, 0));
                NfcTarget target = rig.reader.poll(Duration.ofSeconds(2)).orElseThrow();
                byte[] challenge = VirtualPhones.challenge(SimRandom.seeded(19));
                VirtualPhones.selectAndGet(rig.reader, target, challenge);
                for (int i = 0; i < 5; i++) {
                    assertTrue(rig.reader.isPresent(target), "check " + i);
                }
                // the R(NAK) checks did not disturb the wallet: it still answers in the same session
                byte[] again = VirtualPhones.challenge(SimRandom.seeded(20));
                assertArrayEquals(VirtualPhones.expected(wallet, again, 0), rig.reader.transmit(target,
                        VirtualPhones.getPresentation(again), VirtualPhones.MAX_PRESENTATION).data());

                rig.chip.removePhone();
                assertFalse(rig.reader.isPresent(target));
                assertFalse(rig.reader.isPresent(target), "and stays false");
                rig.reader.release(target);
                assertEquals(Optional.empty(), rig.reader.poll(Duration.ofMillis(100)));
            }
        });
    }

    @Test
    void aPresentationAnsweredInOneApduOverTheInDataExchangeLimitComesInMiChainedPieces() {
        assertTimeoutPreemptively(HANG, () -> {
            try (PtyRig rig = PtyRig.open()) {
                Wallet wallet = VirtualPhones.family();
                WalletApplet applet = WalletApplet.of(wallet, VirtualPhones.CLOCK, 0, 1, 2, 3);
                AtomicInteger longest = new AtomicInteger();
                Iso7816Card wholeAnswer = wholeAnswer(applet, longest);
                rig.chip.placePhone(VirtualPhones.phone(wholeAnswer, 21));
                NfcTarget target = rig.reader.poll(Duration.ofSeconds(2)).orElseThrow();
                byte[] challenge = VirtualPhones.challenge(SimRandom.seeded(22));
                long before = rig.chip.commandsAccepted();
                ResponseApdu r = VirtualPhones.selectAndGet(rig.reader, target, challenge);
                assertEquals(0x9000, r.sw());
                byte[] expected = VirtualPhones.expected(wallet, challenge, 0, 1, 2, 3);
                assertTrue(expected.length > 2 * Pn532.MAX_EXCHANGE_DATA, "three pieces at least: " + expected.length);
                assertEquals(expected.length + 2, longest.get(), "one response APDU carried it all");
                assertArrayEquals(expected, r.data());
                int pieces = (expected.length + 2 + Pn532.MAX_EXCHANGE_DATA - 1) / Pn532.MAX_EXCHANGE_DATA;
                assertEquals(1 + pieces, rig.chip.commandsAccepted() - before,
                        "SELECT, then one InDataExchange per 262-byte piece (40 Tg for the rest)");
            }
        });
    }

    @Test
    void aCommandOverTheInDataExchangeLimitGoesInMiChainedPieces() {
        assertTimeoutPreemptively(HANG, () -> {
            try (PtyRig rig = PtyRig.open()) {
                // an extended-length command the phone echoes back, with 90 00
                AtomicInteger received = new AtomicInteger();
                Iso7816Card echo = apdu -> {
                    received.set(apdu.length);
                    byte[] out = Arrays.copyOf(apdu, apdu.length + 2);
                    out[apdu.length] = (byte) 0x90;
                    return out;
                };
                rig.chip.placePhone(VirtualPhones.phone(echo, 23));
                NfcTarget target = rig.reader.poll(Duration.ofSeconds(2)).orElseThrow();
                byte[] command = new byte[700];
                SimRandom.seeded(24).nextBytes(command);
                command[0] = (byte) 0x80;
                ResponseApdu r = rig.reader.transmit(target, command, 1000);
                assertEquals(700, received.get(), "the phone got the whole command, once");
                assertEquals(0x9000, r.sw());
                assertArrayEquals(command, r.data());
            }
        });
    }

    @Test
    void closingTheReaderTurnsTheFieldOffAndClosingThePtyEndsItsThread() {
        assertTimeoutPreemptively(HANG, () -> {
            PtyRig rig = PtyRig.open();
            String name = "virtual-pn532 " + rig.pty.slavePath();
            assertTrue(LiveThreads.snapshot().stream().anyMatch(t -> t.getName().equals(name)));
            rig.chip.placePhone(VirtualPhones.wallet(VirtualPhones.singleAdult(), 25, 0));
            rig.reader.poll(Duration.ofSeconds(2)).orElseThrow();
            rig.close();
            assertFalse(rig.chip.rfFieldOn());
            assertFalse(rig.pty.isRunning());
            assertNull(rig.pty.failure());
            assertTrue(LiveThreads.snapshot().stream().noneMatch(t -> t.getName().equals(name)));
        });
    }

    /** The wallet, but GET PRESENTATION answers the whole presentation at once (no 61 XX). */
    private static Iso7816Card wholeAnswer(WalletApplet applet, AtomicInteger longest) {
        return new Iso7816Card() {
            @Override
            public byte[] process(byte[] apdu) {
                byte[] r = applet.process(apdu);
                ByteArrayOutputStream joined = new ByteArrayOutputStream();
                while ((r[r.length - 2] & 0xFF) == 0x61) {
                    joined.write(r, 0, r.length - 2);
                    r = applet.process(new byte[] {0x00, (byte) 0xC0, 0x00, 0x00, r[r.length - 1]});
                }
                joined.writeBytes(r);
                byte[] out = joined.toByteArray();
                longest.accumulateAndGet(out.length, Math::max);
                return out;
            }

            @Override
            public void deactivated() {
                applet.deactivated();
            }
        };
    }

}
