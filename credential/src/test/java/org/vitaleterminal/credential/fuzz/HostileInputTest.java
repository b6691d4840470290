package org.vitaleterminal.credential.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.credential.Channel;
import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.Rejection;
import org.vitaleterminal.credential.VerificationResult;
import org.vitaleterminal.credential.cbor.CborDecoder;
import org.vitaleterminal.credential.cbor.CborProfile;
import org.vitaleterminal.credential.codec.BoundedInflater;
import org.vitaleterminal.credential.vt1.Vt1Text;
import org.vitaleterminal.sim.codec.Base45Encoder;
import org.vitaleterminal.sim.codec.Zlib;

/**
 * The two attacks the fuzzing requirement names, checked explicitly with the fuzz targets'
 * {@link InputBudget} (≤ 50 ms of thread CPU time, ≤ 4 MiB allocated per input): a zlib bomb
 * and 10,000-deep CBOR.
 *
 * <p>A 10,000-deep array needs at least 10,001 bytes (one head per level), more than the
 * 4096-byte presentation limit, so at the facade it is {@code TOO_LARGE} (spec §4: the size
 * check comes first) and the depth limit is never asked. The depth limit itself ({@code FORMAT})
 * is checked with the deepest nesting that fits the limit and, directly on the CBOR decoder, with
 * 10,000 levels.
 */
class HostileInputTest {
    private static final FuzzFixture FIXTURE = FuzzFixture.get();
    private static final InputBudget BUDGET = new InputBudget("hostile inputs");

    /** 1 MiB of zeros compresses to about 1 KiB: a thousandfold bomb that still fits in a QR text. */
    private static final byte[] ZLIB_BOMB = Zlib.compress(new byte[1024 * 1024]);

    @BeforeAll
    static void warmUp() {
        // Class loading and the first (interpreted) runs are not what is being measured.
        InputBudget.warmUp(20,
                () -> FIXTURE.verifier().verifyNfc(FIXTURE.nfcSeeds().get("single-adult[0]"), FuzzFixture.CHALLENGE, FIXTURE.state()),
                () -> verifyText(Vt1Text.PREFIX + Base45Encoder.encode(Zlib.compress(FIXTURE.qrSeeds().get("single-adult[0]")))),
                () -> verifyText(Vt1Text.PREFIX + Base45Encoder.encode(Zlib.compress(nestedArrays(100)))),
                () -> verifyNfc(nestedArrays(100)));
    }

    @Test
    void zlibBombInAVt1TextIsTooLarge() throws Exception {
        String text = Vt1Text.PREFIX + Base45Encoder.encode(ZLIB_BOMB);
        assertTrue(text.length() <= Vt1Text.MAX_TEXT_CHARS, "the bomb fits in a QR text: " + text.length() + " chars");
        VerificationResult result = BUDGET.run(ZLIB_BOMB, () -> verifyText(text));
        assertEquals(Reason.TOO_LARGE, result.reason(), result::toString);
    }

    @Test
    void zlibBombStopsAtTheInflaterCap() throws Exception {
        Rejection rejection = BUDGET.run(ZLIB_BOMB, () -> assertThrows(Rejection.class,
                () -> BoundedInflater.inflate(ZLIB_BOMB, Vt1Text.MAX_INFLATED_BYTES)));
        assertEquals(Reason.TOO_LARGE, rejection.reason());
    }

    @Test
    void tenThousandDeepArrayOverNfcIsRefusedBySizeFirst() throws Exception {
        byte[] deep = nestedArrays(10_000);
        VerificationResult result = BUDGET.run(deep, () -> verifyNfc(deep));
        assertEquals(Reason.TOO_LARGE, result.reason(), result::toString);
    }

    @Test
    void tenThousandDeepArrayInAVt1TextIsRefusedBySizeFirst() throws Exception {
        byte[] deep = nestedArrays(10_000);
        String text = Vt1Text.PREFIX + Base45Encoder.encode(Zlib.compress(deep));
        VerificationResult result = BUDGET.run(deep, () -> verifyText(text));
        assertEquals(Reason.TOO_LARGE, result.reason(), result::toString);
    }

    @Test
    void tenThousandDeepArrayIsFormatForTheDecoder() throws Exception {
        byte[] deep = nestedArrays(10_000);
        for (CborProfile profile : new CborProfile[] {CborProfile.VT1_COSE, CborProfile.VT1_PAYLOAD}) {
            Rejection rejection = BUDGET.run(deep, () -> assertThrows(Rejection.class, () -> CborDecoder.decode(deep, profile)));
            assertEquals(Reason.FORMAT, rejection.reason());
        }
    }

    @Test
    void deepestArrayThatFitsIsFormatOverNfcAndInAVt1Text() throws Exception {
        byte[] deep = nestedArrays(Vt1Text.MAX_PRESENTATION_BYTES - 1); // 4095 levels + the leaf = 4096 bytes
        assertEquals(Vt1Text.MAX_PRESENTATION_BYTES, deep.length);
        VerificationResult nfc = BUDGET.run(deep, () -> verifyNfc(deep));
        assertEquals(Reason.FORMAT, nfc.reason(), nfc::toString);
        String text = Vt1Text.PREFIX + Base45Encoder.encode(Zlib.compress(deep));
        VerificationResult qr = BUDGET.run(deep, () -> verifyText(text));
        assertEquals(Reason.FORMAT, qr.reason(), qr::toString);
    }

    @Test
    void deepMapsAndTagsAreFormat() throws Exception {
        byte[] maps = new byte[Vt1Text.MAX_PRESENTATION_BYTES];
        for (int i = 0; i + 1 < maps.length; i += 2) {
            maps[i] = (byte) 0xA1; // {0: {0: ...}}
            maps[i + 1] = 0x00;
        }
        maps[maps.length - 1] = 0x00;
        byte[] tags = new byte[Vt1Text.MAX_PRESENTATION_BYTES];
        Arrays.fill(tags, (byte) 0xD2); // 18(18(18(...))), the one tag VT1 allows
        tags[tags.length - 1] = 0x00;
        for (byte[] deep : new byte[][] {maps, tags}) {
            VerificationResult nfc = BUDGET.run(deep, () -> verifyNfc(deep));
            assertEquals(Reason.FORMAT, nfc.reason(), nfc::toString);
            VerificationResult qr = BUDGET.run(deep, () -> verifyText(Vt1Text.PREFIX + Base45Encoder.encode(Zlib.compress(deep))));
            assertEquals(Reason.FORMAT, qr.reason(), qr::toString);
        }
    }

    @Test
    void deepArrayInsideTheSignedPayloadIsFormat() throws Exception {
        // 18([h'a10126', {}, payload = 4000-deep array, 64-byte signature]): the nesting sits in
        // the presentation claims, a separately decoded byte string.
        byte[] payload = nestedArrays(3_900);
        byte[] head = {(byte) 0xD2, (byte) 0x84, 0x43, (byte) 0xA1, 0x01, 0x26, (byte) 0xA0, 0x59,
                (byte) (payload.length >>> 8), (byte) payload.length};
        byte[] signature = new byte[66];
        signature[0] = 0x58;
        signature[1] = 64;
        byte[] cose = concat(head, payload, signature);
        VerificationResult result = BUDGET.run(cose, () -> verifyNfc(cose));
        assertEquals(Reason.FORMAT, result.reason(), result::toString);
    }

    /** {@code depth} nested one-element arrays around a 0: {@code 81 81 ... 81 00}. */
    static byte[] nestedArrays(int depth) {
        byte[] bytes = new byte[depth + 1];
        Arrays.fill(bytes, 0, depth, (byte) 0x81);
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    private static VerificationResult verifyNfc(byte[] bytes) {
        return FuzzFixture.requireWellFormed(
                FIXTURE.verifier().verifyNfc(bytes, FuzzFixture.CHALLENGE, FIXTURE.state()), "verifyNfc");
    }

    private static VerificationResult verifyText(String text) {
        return FuzzFixture.requireWellFormed(FIXTURE.verifier().verifyText(text, Channel.QR, FIXTURE.state()), "verifyText");
    }

    @AfterAll
    static void report() {
        System.out.println(BUDGET.summary());
    }
}
