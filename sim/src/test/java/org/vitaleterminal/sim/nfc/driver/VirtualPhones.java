package org.vitaleterminal.sim.nfc.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.vitaleterminal.hal.nfc.NfcException;
import org.vitaleterminal.hal.nfc.NfcReader;
import org.vitaleterminal.hal.nfc.NfcTarget;
import org.vitaleterminal.hal.nfc.ResponseApdu;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.nfc.phone.Iso7816Card;
import org.vitaleterminal.sim.nfc.phone.Phone;
import org.vitaleterminal.sim.nfc.phone.WalletApplet;
import org.vitaleterminal.sim.wallet.Wallet;
import org.vitaleterminal.sim.world.SampleWorld;

/**
 * The phones and the wallet protocol of the integration tests: one seeded {@link SampleWorld}
 * (created once, key generation is not free), a fixed clock so that a presentation depends only
 * on its challenge (the simulator signs with RFC 6979 deterministic ECDSA), and the APDUs of
 * {@code shared/spec/nfc-apdu.md} written out here from the spec rather than taken from the
 * firmware.
 */
final class VirtualPhones {
    static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final byte[] AID = {(byte) 0xF0, 0x56, 0x54, 0x31, 0x56, 0x49, 0x54, 0x41, 0x4C, 0x45};
    static final int MAX_PRESENTATION = 4096;
    private static SampleWorld world;

    private VirtualPhones() {}

    static synchronized SampleWorld world() {
        if (world == null) {
            world = SampleWorld.create(SimRandom.seeded(2026), NOW);
        }
        return world;
    }

    /** Marie DUPONT's wallet: one beneficiary, a presentation of about 500 bytes. */
    static Wallet singleAdult() {
        return world().singleAdult();
    }

    /** The DURAND family, all four beneficiaries disclosed: well over 262 bytes per answer path. */
    static Wallet family() {
        return world().family();
    }

    static Phone wallet(Wallet wallet, int seed, int... beneficiaries) {
        return Phone.builder(WalletApplet.of(wallet, CLOCK, beneficiaries), SimRandom.seeded(seed))
                .apduLatency(Duration.ofMillis(10)).name("wallet phone").build();
    }

    static Phone phone(Iso7816Card card, int seed) {
        return Phone.builder(card, SimRandom.seeded(seed)).apduLatency(Duration.ofMillis(10)).build();
    }

    /** What the wallet must return for {@code challenge}: byte for byte. */
    static byte[] expected(Wallet wallet, byte[] challenge, int... beneficiaries) {
        return wallet.presentNfc(challenge, NOW, beneficiaries);
    }

    static byte[] select() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x00, (byte) 0xA4, 0x04, 0x00, (byte) AID.length});
        out.writeBytes(AID);
        out.write(0x00);
        return out.toByteArray();
    }

    static byte[] getPresentation(byte[] challenge) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x80, 0x50, 0x00, 0x00, 0x10});
        out.writeBytes(challenge);
        out.write(0x00);
        return out.toByteArray();
    }

    static byte[] challenge(SecureRandom random) {
        byte[] c = new byte[16];
        random.nextBytes(c);
        return c;
    }

    /** SELECT (must answer {@code 01 90 00}), then GET PRESENTATION: the joined answer. */
    static ResponseApdu selectAndGet(NfcReader reader, NfcTarget target, byte[] challenge) throws NfcException {
        ResponseApdu selected = reader.transmit(target, select(), 256);
        assertEquals(0x9000, selected.sw(), "SELECT");
        assertArrayEquals(new byte[] {1}, selected.data(), "protocol version");
        return reader.transmit(target, getPresentation(challenge), MAX_PRESENTATION);
    }

    /**
     * Checks a presentation lightly, without the credential module: a tagged COSE_Sign1
     * ({@code D2 84}), whose payload is a CBOR map holding the challenge under key 3 (the nonce).
     */
    static void assertPresentationAnswers(byte[] presentation, byte[] challenge) {
        assertEquals(0xD2, presentation[0] & 0xFF, "tag 18, COSE_Sign1");
        TinyCbor cbor = new TinyCbor(presentation, 1);
        assertEquals(4, cbor.arrayHeader(), "COSE_Sign1 is an array of four");
        cbor.skip(); // protected header
        cbor.skip(); // unprotected header
        byte[] payload = cbor.bytes();
        TinyCbor claims = new TinyCbor(payload, 0);
        int entries = claims.mapHeader();
        byte[] nonce = null;
        for (int i = 0; i < entries; i++) {
            long key = claims.integer();
            if (key == 3) {
                nonce = claims.bytes();
            } else {
                claims.skip();
            }
        }
        assertArrayEquals(challenge, nonce, "the presentation's nonce is the challenge");
    }

    /** Just enough CBOR to walk a presentation: heads, byte strings, skipping any item. */
    static final class TinyCbor {
        private final byte[] b;
        private int pos;

        TinyCbor(byte[] bytes, int pos) {
            this.b = bytes;
            this.pos = pos;
        }

        private long argument(int info) {
            if (info < 24) {
                return info;
            }
            int n = switch (info) {
                case 24 -> 1;
                case 25 -> 2;
                case 26 -> 4;
                case 27 -> 8;
                default -> throw new AssertionError("indefinite or reserved length " + info);
            };
            long v = 0;
            for (int i = 0; i < n; i++) {
                v = (v << 8) | (b[pos++] & 0xFF);
            }
            return v;
        }

        private long head(int expectedMajor) {
            int initial = b[pos++] & 0xFF;
            int major = initial >>> 5;
            if (expectedMajor >= 0 && major != expectedMajor) {
                throw new AssertionError("major type " + major + " where " + expectedMajor + " was expected");
            }
            return argument(initial & 0x1F);
        }

        int arrayHeader() {
            return (int) head(4);
        }

        int mapHeader() {
            return (int) head(5);
        }

        byte[] bytes() {
            int n = (int) head(2);
            byte[] out = Arrays.copyOfRange(b, pos, pos + n);
            pos += n;
            return out;
        }

        long integer() {
            int major = (b[pos] & 0xFF) >>> 5;
            long v = head(-1);
            return major == 1 ? -1 - v : v;
        }

        void skip() {
            int initial = b[pos++] & 0xFF;
            int major = initial >>> 5;
            long arg = argument(initial & 0x1F);
            switch (major) {
                case 0, 1, 7 -> { }
                case 2, 3 -> pos += (int) arg;
                case 4 -> {
                    for (long i = 0; i < arg; i++) {
                        skip();
                    }
                }
                case 5 -> {
                    for (long i = 0; i < 2 * arg; i++) {
                        skip();
                    }
                }
                case 6 -> skip();
                default -> throw new AssertionError("major " + major);
            }
        }
    }
}
