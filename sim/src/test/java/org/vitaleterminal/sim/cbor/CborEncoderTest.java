package org.vitaleterminal.sim.cbor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Encodings checked against RFC 8949 Appendix A (hex copied from the RFC). */
class CborEncoderTest {

    private static String hex(CborValue value) {
        return HexFormat.of().formatHex(value.encode());
    }

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    @Test
    void integersUseTheShortestArgument() {
        assertEquals("00", hex(Cbor.integer(0)));
        assertEquals("01", hex(Cbor.integer(1)));
        assertEquals("0a", hex(Cbor.integer(10)));
        assertEquals("17", hex(Cbor.integer(23)));
        assertEquals("1818", hex(Cbor.integer(24)));
        assertEquals("1819", hex(Cbor.integer(25)));
        assertEquals("1864", hex(Cbor.integer(100)));
        assertEquals("1903e8", hex(Cbor.integer(1000)));
        assertEquals("1a000f4240", hex(Cbor.integer(1000000)));
        assertEquals("1b000000e8d4a51000", hex(Cbor.integer(1000000000000L)));
        assertEquals("20", hex(Cbor.integer(-1)));
        assertEquals("29", hex(Cbor.integer(-10)));
        assertEquals("3863", hex(Cbor.integer(-100)));
        assertEquals("3903e7", hex(Cbor.integer(-1000)));
    }

    @Test
    void integerBoundariesAndVt1Labels() {
        assertEquals("18ff", hex(Cbor.integer(255)));
        assertEquals("190100", hex(Cbor.integer(256)));
        assertEquals("19ffff", hex(Cbor.integer(65535)));
        assertEquals("1a00010000", hex(Cbor.integer(65536)));
        assertEquals("1b7fffffffffffffff", hex(Cbor.integer(Long.MAX_VALUE)));
        assertEquals("3b7fffffffffffffff", hex(Cbor.integer(Long.MIN_VALUE)));
        assertEquals("26", hex(Cbor.integer(-7)));       // ES256
        assertEquals("27", hex(Cbor.integer(-8)));       // EdDSA
        assertEquals("3a00011170", hex(Cbor.integer(-70001))); // vitale-data
    }

    @Test
    void textAndByteStrings() {
        assertEquals("60", hex(Cbor.text("")));
        assertEquals("6161", hex(Cbor.text("a")));
        assertEquals("6449455446", hex(Cbor.text("IETF")));
        assertEquals("62225c", hex(Cbor.text("\"\\")));
        assertEquals("62c3bc", hex(Cbor.text("\u00fc")));
        assertEquals("63e6b0b4", hex(Cbor.text("\u6c34")));
        assertEquals("64f0908591", hex(Cbor.text("\ud800\udd51")));
        assertEquals("40", hex(Cbor.bytes(new byte[0])));
        assertEquals("4401020304", hex(Cbor.bytes(bytes("01020304"))));
    }

    @Test
    void longStringsTakeALengthArgument() {
        assertEquals("5818", hex(Cbor.bytes(new byte[24])).substring(0, 4));
        assertEquals("590100", hex(Cbor.bytes(new byte[256])).substring(0, 6));
        assertEquals("7818", hex(Cbor.text("x".repeat(24))).substring(0, 4));
    }

    @Test
    void arraysAndMaps() {
        assertEquals("80", hex(Cbor.array()));
        assertEquals("83010203", hex(Cbor.array(Cbor.integer(1), Cbor.integer(2), Cbor.integer(3))));
        assertEquals("8301820203820405", hex(Cbor.array(Cbor.integer(1),
                Cbor.array(Cbor.integer(2), Cbor.integer(3)), Cbor.array(Cbor.integer(4), Cbor.integer(5)))));
        List<CborValue> twentyFive = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            twentyFive.add(Cbor.integer(i));
        }
        assertEquals("98190102030405060708090a0b0c0d0e0f101112131415161718181819", hex(Cbor.array(twentyFive)));
        assertEquals("a0", hex(Cbor.map()));
        assertEquals("a201020304", hex(Cbor.map().put(1, Cbor.integer(2)).put(3, Cbor.integer(4))));
        assertEquals("a26161016162820203", hex(Cbor.map().put("a", Cbor.integer(1))
                .put("b", Cbor.array(Cbor.integer(2), Cbor.integer(3)))));
        assertEquals("826161a161626163", hex(Cbor.array(Cbor.text("a"), Cbor.map().put("b", Cbor.text("c")))));
        assertEquals("a56161614161626142616361436164614461656145", hex(Cbor.map()
                .put("a", Cbor.text("A")).put("b", Cbor.text("B")).put("c", Cbor.text("C"))
                .put("d", Cbor.text("D")).put("e", Cbor.text("E"))));
    }

    @Test
    void tagsAndSimpleValues() {
        assertEquals("c074323031332d30332d32315432303a30343a30305a",
                hex(Cbor.tag(0, Cbor.text("2013-03-21T20:04:00Z"))));
        assertEquals("c11a514b67b0", hex(Cbor.tag(1, Cbor.integer(1363896240))));
        assertEquals("d818456449455446", hex(Cbor.tag(24, Cbor.bytes(bytes("6449455446")))));
        assertEquals("d82076687474703a2f2f7777772e6578616d706c652e636f6d",
                hex(Cbor.tag(32, Cbor.text("http://www.example.com"))));
        assertEquals("d28440a0f640", hex(Cbor.tag(18, Cbor.array(Cbor.bytes(new byte[0]), Cbor.map(), Cbor.nul(),
                Cbor.bytes(new byte[0])))));
        assertEquals("f4", hex(Cbor.bool(false)));
        assertEquals("f5", hex(Cbor.bool(true)));
        assertEquals("f6", hex(Cbor.nul()));
        assertEquals("f7", hex(Cbor.undefined()));
    }

    @Test
    void floatsForNegativeTests() {
        assertEquals("f90000", hex(Cbor.float16(0.0f)));
        assertEquals("f98000", hex(Cbor.float16(-0.0f)));
        assertEquals("f93c00", hex(Cbor.float16(1.0f)));
        assertEquals("f93e00", hex(Cbor.float16(1.5f)));
        assertEquals("f97bff", hex(Cbor.float16(65504.0f)));
        assertEquals("f90001", hex(Cbor.float16(5.960464477539063e-8f)));
        assertEquals("f9c400", hex(Cbor.float16(-4.0f)));
        assertEquals("f97c00", hex(Cbor.float16(Float.POSITIVE_INFINITY)));
        assertEquals("f9fc00", hex(Cbor.float16(Float.NEGATIVE_INFINITY)));
        assertEquals("f97e00", hex(Cbor.float16(Float.NaN)));
        assertEquals("fa47c35000", hex(Cbor.float32(100000.0f)));
        assertEquals("fa7f7fffff", hex(Cbor.float32(3.4028234663852886e+38f)));
        assertEquals("fb3ff199999999999a", hex(Cbor.float64(1.1)));
        assertEquals("fb7e37e43c8800759c", hex(Cbor.float64(1.0e+300)));
        assertEquals("fbc010666666666666", hex(Cbor.float64(-4.1)));
    }

    @Test
    void indefiniteLengthsForNegativeTests() {
        assertEquals("5f42010243030405ff", hex(Cbor.indefiniteBytes(bytes("0102"), bytes("030405"))));
        assertEquals("7f657374726561646d696e67ff", hex(Cbor.indefiniteText("strea", "ming")));
        assertEquals("9fff", hex(Cbor.indefiniteArray()));
        assertEquals("9f018202039f0405ffff", hex(Cbor.indefiniteArray(Cbor.integer(1),
                Cbor.array(Cbor.integer(2), Cbor.integer(3)), Cbor.indefiniteArray(Cbor.integer(4), Cbor.integer(5)))));
        assertEquals("bf61610161629fffff", hex(Cbor.indefiniteMap(Cbor.map().put("a", Cbor.integer(1))
                .put("b", Cbor.indefiniteArray()))));
    }

    @Test
    void nonShortestIntegersForNegativeTests() {
        assertEquals("1801", hex(Cbor.integerWithArgumentBytes(1, 1)));
        assertEquals("190001", hex(Cbor.integerWithArgumentBytes(1, 2)));
        assertEquals("1a00000001", hex(Cbor.integerWithArgumentBytes(1, 4)));
        assertEquals("1b0000000000000000", hex(Cbor.integerWithArgumentBytes(0, 8)));
        assertEquals("380f", hex(Cbor.integerWithArgumentBytes(-16, 1)));
        assertEquals("3a00011170", hex(Cbor.integerWithArgumentBytes(-70001, 4)));
        assertThrows(IllegalArgumentException.class, () -> Cbor.integerWithArgumentBytes(256, 1));
        assertThrows(IllegalArgumentException.class, () -> Cbor.integerWithArgumentBytes(1, 3));
    }

    @Test
    void embeddedAndRaw() {
        CborMapBuilder header = Cbor.map().put(1, Cbor.integer(-7));
        assertEquals("43a10126", hex(Cbor.embedded(header)));
        assertEquals("82ff01", hex(Cbor.array(Cbor.raw(bytes("ff")), Cbor.integer(1))));
    }

    @Test
    void putReplacesInPlaceAndPutDuplicateAppends() {
        CborMapBuilder map = Cbor.map().put(1, Cbor.integer(1)).put(2, Cbor.integer(2));
        map.put(1, Cbor.text("x"));
        assertEquals("a2016178" + "0202", hex(map));
        map.putDuplicate(1, Cbor.integer(3));
        assertEquals("a3016178020201" + "03", hex(map));
        map.remove(1);
        assertEquals("a10202", hex(map));
        assertNull(map.get(1));
    }

    @Test
    void textAndIntegerKeysAreDistinct() {
        CborMapBuilder map = Cbor.map().put(1, Cbor.integer(1)).put("1", Cbor.integer(2));
        assertEquals(2, map.size());
        assertEquals("a2010161310" + "2", hex(map));
    }

    @Test
    void copyIsDeep() {
        CborMapBuilder inner = Cbor.map().put(1, Cbor.integer(1));
        CborMapBuilder outer = Cbor.map().put(1, inner).put(2, Cbor.array(Cbor.map().put(3, Cbor.integer(3))));
        CborMapBuilder copy = outer.copy();
        copy.mapAt(1).put(1, Cbor.integer(9));
        ((CborMapBuilder) ((CborArray) copy.get(2)).get(0)).put(3, Cbor.integer(9));
        assertEquals("a201a1010102" + "81a10303", hex(outer));
        assertEquals("a201a1010902" + "81a10309", hex(copy));
        assertNotSame(outer.mapAt(1), copy.mapAt(1));
    }

    @Test
    void nestedMapsAreLiveUntilEmbedded() {
        CborMapBuilder inner = Cbor.map();
        CborMapBuilder outer = Cbor.map().put(1, inner);
        CborBytes embedded = Cbor.embedded(outer);
        inner.put(2, Cbor.integer(2));
        assertEquals("a101a10202", hex(outer));
        assertEquals("43a101a0", hex(embedded));
    }

    @Test
    void diagnosticNotationNamesWhatAFailingTestSees() {
        CborValue value = Cbor.tag(18, Cbor.array(Cbor.embedded(Cbor.map().put(1, Cbor.integer(-7))),
                Cbor.map().put("k", Cbor.bool(true)), Cbor.float16(1.5f), Cbor.integerWithArgumentBytes(1, 1)));
        assertEquals("18([h'a10126', {\"k\": true}, 1.5_1, 1_0])", value.toString());
    }
}
