package org.vitaleterminal.firmware.nfc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitaleterminal.firmware.nfc.FakePhoneReader.challengeOf;
import static org.vitaleterminal.firmware.nfc.FakePhoneReader.isGetPresentation;
import static org.vitaleterminal.firmware.nfc.FakePhoneReader.isSelect;
import static org.vitaleterminal.firmware.nfc.FakePhoneReader.withSw;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.credential.CredentialVerifier;
import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.TerminalState;
import org.vitaleterminal.credential.VerificationPolicy;
import org.vitaleterminal.credential.hc1.Hc1TrustStore;
import org.vitaleterminal.credential.trust.TrustList;
import org.vitaleterminal.credential.trust.TrustListReader;
import org.vitaleterminal.credential.trust.TrustRoot;
import org.vitaleterminal.credential.vt1.InMemoryReplayGuard;
import org.vitaleterminal.firmware.outbox.TestClock;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.wallet.Wallet;
import org.vitaleterminal.sim.world.SampleWorld;

class NfcTapFlowTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final SampleWorld WORLD = SampleWorld.create(SimRandom.seeded(3), NOW);

    private TestClock clock;
    private FakePhoneReader reader;
    private NfcTapFlow flow;
    private final Events events = new Events();

    /** Records what the flow tells the terminal. */
    static final class Events implements NfcListener {
        final List<String> seen = new ArrayList<>();

        @Override
        public void phoneDetected() {
            seen.add("detected");
        }

        @Override
        public void waitingForHolder() {
            seen.add("waiting");
        }

        @Override
        public void tapAbandoned(String why) {
            seen.add("abandoned: " + why);
        }

        @Override
        public void debounced() {
            seen.add("debounced");
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        clock = new TestClock(NOW);
        reader = new FakePhoneReader(clock);
        TrustList list = TrustListReader.read(WORLD.trustList(), List.of(TrustRoot.fromPem(WORLD.rootPem())));
        CredentialVerifier verifier = new CredentialVerifier(VerificationPolicy.defaults(), new InMemoryReplayGuard(64));
        flow = new NfcTapFlow(reader, verifier,
                () -> new TerminalState(clock.instant(), true, list, Hc1TrustStore.empty()),
                SimRandom.seeded(11), clock, clock::advance, NfcTapFlow.DEFAULT_DEBOUNCE);
    }

    /** A phone with the VT1 wallet, locked for the first {@code lockedFor} requests. */
    private Function<byte[], byte[]> wallet(Wallet wallet, int lockedFor) {
        int[] locked = {lockedFor};
        return apdu -> {
            if (isSelect(apdu)) {
                return withSw(new byte[] {1}, 0x9000);
            }
            if (isGetPresentation(apdu)) {
                if (locked[0]-- > 0) {
                    return withSw(new byte[0], 0x6985);
                }
                return withSw(wallet.presentNfc(challengeOf(apdu), clock.instant(), 0), 0x9000);
            }
            return withSw(new byte[0], 0x6D00);
        };
    }

    private Optional<NfcDecision> await(Duration timeout) throws Exception {
        return flow.awaitDecision(timeout, events);
    }

    @Test
    void aTapIsReadWithAFreshChallengeAndVerified() throws Exception {
        reader.tap(new FakePhoneReader.Phone(wallet(WORLD.singleAdult(), 0), 0));
        NfcDecision decision = await(Duration.ofSeconds(10)).orElseThrow();

        assertEquals(Reason.OK, decision.result().reason());
        assertTrue(isSelect(reader.sent.get(0)));
        assertEquals("00a404000af05654315649544 14c4500".replace(" ", ""), HexFormat.of().formatHex(reader.sent.get(0)));
        assertTrue(isGetPresentation(reader.sent.get(1)));
        assertEquals(List.of("detected"), events.seen);
        assertTrue(decision.detectionToDecision().compareTo(Duration.ZERO) > 0);
    }

    @Test
    void aLockedWalletIsAskedAgainEvery500msWithANewChallenge() throws Exception {
        reader.tap(new FakePhoneReader.Phone(wallet(WORLD.singleAdult(), 3), 0));
        NfcDecision decision = await(Duration.ofSeconds(60)).orElseThrow();

        assertEquals(Reason.OK, decision.result().reason());
        List<byte[]> requests = reader.sent.stream().filter(FakePhoneReader::isGetPresentation).toList();
        assertEquals(4, requests.size());
        Set<String> challenges = new HashSet<>();
        requests.forEach(r -> challenges.add(HexFormat.of().formatHex(challengeOf(r))));
        assertEquals(4, challenges.size(), "a new challenge for every GET PRESENTATION");
        assertEquals(3, events.seen.stream().filter("waiting"::equals).count());
        assertTrue(decision.detectionToDecision().compareTo(Duration.ofMillis(1500)) >= 0);
    }

    @Test
    void aWalletNeverUnlockedIsGivenUpAfter30sWithoutADecision() throws Exception {
        reader.tap(new FakePhoneReader.Phone(wallet(WORLD.singleAdult(), Integer.MAX_VALUE), 0));
        assertEquals(Optional.empty(), await(Duration.ofSeconds(45)));
        long requests = reader.sent.stream().filter(FakePhoneReader::isGetPresentation).count();
        assertTrue(requests >= 50 && requests <= 61, "about one request per 500 ms for 30 s: " + requests);
        assertTrue(events.seen.contains("abandoned: the holder did not unlock the wallet within 30 s"), events.seen.toString());
    }

    @Test
    void aPhoneWithoutTheWalletIsIgnoredWithoutAnEvent() throws Exception {
        reader.tap(new FakePhoneReader.Phone(apdu -> withSw(new byte[0], 0x6A82), 2));
        assertEquals(Optional.empty(), await(Duration.ofSeconds(5)));
        assertEquals(1, reader.sent.size(), "only the SELECT");
        assertTrue(events.seen.contains("abandoned: not a VT1 wallet"));
    }

    @Test
    void noCredentialAndUnexpectedStatusWordsAreFormatRejections() throws Exception {
        reader.tap(new FakePhoneReader.Phone(apdu -> isSelect(apdu) ? withSw(new byte[] {1}, 0x9000)
                : withSw(new byte[0], 0x6A88), 0));
        assertEquals(Reason.FORMAT, await(Duration.ofSeconds(5)).orElseThrow().result().reason());

        reader.tap(new FakePhoneReader.Phone(apdu -> withSw(new byte[0], 0x6E00), 0));
        assertEquals(Reason.FORMAT, await(Duration.ofSeconds(5)).orElseThrow().result().reason());

        reader.tap(new FakePhoneReader.Phone(apdu -> withSw(new byte[] {2}, 0x9000), 0));
        assertEquals(Reason.FORMAT, await(Duration.ofSeconds(5)).orElseThrow().result().reason(),
                "a wallet of another protocol version");
    }

    @Test
    void aPresentationOver4096BytesIsTooLarge() throws Exception {
        reader.tap(new FakePhoneReader.Phone(apdu -> isSelect(apdu) ? withSw(new byte[] {1}, 0x9000)
                : withSw(new byte[4097], 0x9000), 0));
        assertEquals(Reason.TOO_LARGE, await(Duration.ofSeconds(5)).orElseThrow().result().reason());
    }

    @Test
    void aPhoneLostMidReadGivesNoEventAndTheNextTapIsRead() throws Exception {
        FakePhoneReader.Phone leaving = new FakePhoneReader.Phone(wallet(WORLD.singleAdult(), 0), 0);
        leaving.apdusBeforeLeaving = 1; // answers SELECT, gone before GET PRESENTATION
        reader.tap(leaving);
        reader.tap(new FakePhoneReader.Phone(wallet(WORLD.family(), 0), 0));

        NfcDecision decision = await(Duration.ofSeconds(10)).orElseThrow();
        assertEquals(Reason.OK, decision.result().reason());
        assertTrue(events.seen.get(1).startsWith("abandoned: target lost"), events.seen.toString());
    }

    @Test
    void theChallengeIsCheckedByTheVerifier() throws Exception {
        Wallet wallet = WORLD.singleAdult();
        reader.tap(new FakePhoneReader.Phone(apdu -> isSelect(apdu) ? withSw(new byte[] {1}, 0x9000)
                : withSw(wallet.presentNfc(new byte[16], clock.instant(), 0), 0x9000), 0)); // an old recording
        assertEquals(Reason.CHALLENGE_MISMATCH, await(Duration.ofSeconds(5)).orElseThrow().result().reason());
    }

    @Test
    void aPhoneLeftOnTheReaderGivesOneDecision() throws Exception {
        reader.tap(new FakePhoneReader.Phone(wallet(WORLD.singleAdult(), 0), 40)); // 10 s of presence checks
        assertTrue(await(Duration.ofSeconds(5)).isPresent());
        assertEquals(0, reader.released, "the decided phone is held, not released");

        assertEquals(Optional.empty(), await(Duration.ofSeconds(5)), "still lying there: no new decision");
        assertEquals(Optional.empty(), await(Duration.ofSeconds(20)));
        assertEquals(1, reader.released, "released once it left");
    }

    @Test
    void aQuickReTapOfTheSameCredentialIsDebounced() throws Exception {
        reader.tap(new FakePhoneReader.Phone(wallet(WORLD.singleAdult(), 0), 0));
        assertTrue(await(Duration.ofSeconds(5)).isPresent());
        clock.advance(Duration.ofSeconds(2));
        reader.tap(new FakePhoneReader.Phone(wallet(WORLD.singleAdult(), 0), 0));
        assertEquals(Optional.empty(), await(Duration.ofSeconds(1)));
        assertTrue(events.seen.contains("debounced"));

        clock.advance(Duration.ofSeconds(6));
        reader.tap(new FakePhoneReader.Phone(wallet(WORLD.singleAdult(), 0), 0));
        assertTrue(await(Duration.ofSeconds(5)).isPresent(), "after the debounce time the same credential counts again");
    }

    @Test
    void anotherCredentialRightAfterwardsIsDecided() throws Exception {
        reader.tap(new FakePhoneReader.Phone(wallet(WORLD.singleAdult(), 0), 0));
        reader.tap(new FakePhoneReader.Phone(wallet(WORLD.family(), 0), 0));
        NfcDecision first = await(Duration.ofSeconds(5)).orElseThrow();
        NfcDecision second = await(Duration.ofSeconds(5)).orElseThrow();
        assertEquals(Reason.OK, second.result().reason());
        assertFalse(first.equals(second));
    }

    @Test
    void closingReleasesAHeldPhone() throws Exception {
        reader.tap(new FakePhoneReader.Phone(wallet(WORLD.singleAdult(), 0), 100));
        assertTrue(await(Duration.ofSeconds(5)).isPresent());
        flow.close();
        assertEquals(1, reader.released);
        assertArrayEquals(WalletProtocol.AID, java.util.Arrays.copyOfRange(reader.sent.get(0), 5, 15));
    }
}
