package org.vitaleterminal.credential.cbor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.vitaleterminal.sim.cbor.Cbor.array;
import static org.vitaleterminal.sim.cbor.Cbor.bytes;
import static org.vitaleterminal.sim.cbor.Cbor.integer;
import static org.vitaleterminal.sim.cbor.Cbor.map;
import static org.vitaleterminal.sim.cbor.Cbor.tag;
import static org.vitaleterminal.sim.cbor.Cbor.text;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.Rejection;
import org.vitaleterminal.sim.cbor.CborValue;

/**
 * The strict CBOR profile of spec §2.3: RFC 8949 Appendix A examples inside and outside the
 * profile, and the resource limits of signed-qr.md §4.6/§4.7.
 */
class CborDecoderTest {
    private static final HexFormat HEX = HexFormat.of();
    /** No tags, depth 8: the claims/header profile. */
    private static final CborProfile PLAIN = CborProfile.VT1_PAYLOAD;

    // ---------------------------------------------------------------- RFC 8949 Appendix A

    /** The Appendix A examples our profile accepts, with the item each must decode to. */
    static Stream<Arguments> appendixAInProfile() {
        return Stream.of(
                in("00", new CborInteger(0)),
                in("01", new CborInteger(1)),
                in("0a", new CborInteger(10)),
                in("17", new CborInteger(23)),
                in("1818", new CborInteger(24)),
                in("1819", new CborInteger(25)),
                in("1864", new CborInteger(100)),
                in("1903e8", new CborInteger(1000)),
                in("1a000f4240", new CborInteger(1_000_000)),
                in("1b000000e8d4a51000", new CborInteger(1_000_000_000_000L)),
                in("20", new CborInteger(-1)),
                in("29", new CborInteger(-10)),
                in("3863", new CborInteger(-100)),
                in("3903e7", new CborInteger(-1000)),
                in("f4", new CborBoolean(false)),
                in("f5", new CborBoolean(true)),
                in("f6", new CborNull()),
                in("40", CborBytes.of(new byte[0])),
                in("4401020304", CborBytes.of(new byte[] {1, 2, 3, 4})),
                in("60", new CborText("")),
                in("6161", new CborText("a")),
                in("6449455446", new CborText("IETF")),
                in("62225c", new CborText("\"\\")),
                in("62c3bc", new CborText("\u00fc")),
                in("63e6b0b4", new CborText("\u6c34")),
                in("64f0908591", new CborText("\ud800\udd51")),
                in("80", arr()),
                in("83010203", arr(i(1), i(2), i(3))),
                in("8301820203820405", arr(i(1), arr(i(2), i(3)), arr(i(4), i(5)))),
                in("98190102030405060708090a0b0c0d0e0f101112131415161718181819", arr(oneTo25())),
                in("a0", CborMap.empty()),
                in("a201020304", cmap(i(1), i(2), i(3), i(4))),
                in("a26161016162820203", cmap(t("a"), i(1), t("b"), arr(i(2), i(3)))),
                in("826161a161626163", arr(t("a"), cmap(t("b"), t("c")))),
                in("a56161614161626142616361436164614461656145",
                        cmap(t("a"), t("A"), t("b"), t("B"), t("c"), t("C"), t("d"), t("D"), t("e"), t("E"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("appendixAInProfile")
    void appendixAInProfileDecodes(String hex, CborItem expected) throws Rejection {
        CborItem item = CborDecoder.decode(HEX.parseHex(hex), PLAIN);
        assertEquals(expected, item);
    }

    /** Appendix A examples outside the profile: floats, undefined, simple values, indefinite lengths, big ints. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        // integers beyond the signed 64-bit range
        "1bffffffffffffffff", // 18446744073709551615
        "3bffffffffffffffff", // -18446744073709551616
        // bignums (tags 2, 3) are tags outside the profile
        "c249010000000000000000",
        "c349010000000000000000",
        // every float of Appendix A
        "f90000", "f98000", "f93c00", "fb3ff199999999999a", "f93e00", "f97bff", "fa47c35000",
        "fa7f7fffff", "fb7e37e43c8800759c", "f90001", "f90400", "f9c400", "fbc010666666666666",
        "f97c00", "f97e00", "f9fc00", "fa7f800000", "fa7fc00000", "faff800000", "fb7ff0000000000000",
        "fb7ff8000000000000", "fbfff0000000000000",
        // undefined and simple values
        "f7", "f0", "f8ff",
        // tags (none allowed in this profile)
        "c074323031332d30332d32315432303a30343a30305a",
        "c11a514b67b0",
        "c1fb41d452d9ec200000",
        "d74401020304",
        "d818456449455446",
        "d82076687474703a2f2f7777772e6578616d706c652e636f6d",
        // indefinite lengths
        "5f42010243030405ff",
        "7f657374726561646d696e67ff",
        "9fff",
        "9f018202039f0405ffff",
        "9f01820203820405ff",
        "83018202039f0405ff",
        "83019f0203ff820405",
        "9f0102030405060708090a0b0c0d0e0f101112131415161718181819ff",
        "bf61610161629f0203ffff",
        "826161bf61626163ff",
        "bf6346756ef563416d7421ff",
    })
    void appendixAOutOfProfileIsFormat(String hex) {
        assertFormat(HEX.parseHex(hex), PLAIN);
    }

    /** Allowed tags decode to CborTag; the float inside tag 1 stays refused even with the tag allowed. */
    @Test
    void allowedTagsDecode() throws Rejection {
        CborProfile tags = new CborProfile(8, Set.of(0L, 1L, 23L, 24L, 32L));
        assertEquals(new CborTag(1, new CborInteger(1363896240)), CborDecoder.decode(HEX.parseHex("c11a514b67b0"), tags));
        assertEquals(new CborTag(0, new CborText("2013-03-21T20:04:00Z")),
                CborDecoder.decode(HEX.parseHex("c074323031332d30332d32315432303a30343a30305a"), tags));
        assertEquals(new CborTag(23, CborBytes.of(new byte[] {1, 2, 3, 4})),
                CborDecoder.decode(HEX.parseHex("d74401020304"), tags));
        assertEquals(new CborTag(24, CborBytes.of(HEX.parseHex("6449455446"))),
                CborDecoder.decode(HEX.parseHex("d818456449455446"), tags));
        assertEquals(new CborTag(32, new CborText("http://www.example.com")),
                CborDecoder.decode(HEX.parseHex("d82076687474703a2f2f7777772e6578616d706c652e636f6d"), tags));
        assertFormat(HEX.parseHex("c1fb41d452d9ec200000"), tags);
    }

    @Test
    void tag998AndOtherTagsAreRefusedByTheCoseProfile() throws Rejection {
        assertFormat(HEX.parseHex("d903e600"), CborProfile.VT1_COSE); // 998(0)
        assertFormat(HEX.parseHex("d83d00"), CborProfile.VT1_COSE); // 61(0): only the HC1 profile may allow it
        assertFormat(HEX.parseHex("d200"), PLAIN); // 18 is not allowed inside payloads
        assertEquals(new CborTag(18, new CborInteger(0)), CborDecoder.decode(HEX.parseHex("d200"), CborProfile.VT1_COSE));
        // tag numbers above 2^63 cannot be in any allow-list
        assertFormat(HEX.parseHex("dbffffffffffffffff00"), new CborProfile(8, Set.of(-1L)));
    }

    // ---------------------------------------------------------------- integers

    @Test
    void integersAtThe64BitBoundaries() throws Rejection {
        assertEquals(new CborInteger(Long.MAX_VALUE), CborDecoder.decode(HEX.parseHex("1b7fffffffffffffff"), PLAIN));
        assertEquals(new CborInteger(Long.MIN_VALUE), CborDecoder.decode(HEX.parseHex("3b7fffffffffffffff"), PLAIN));
        assertFormat(HEX.parseHex("1b8000000000000000"), PLAIN); // 2^63
        assertFormat(HEX.parseHex("3b8000000000000000"), PLAIN); // -2^63 - 1
        assertFormat(HEX.parseHex("3bffffffffffffffff"), PLAIN); // -2^64
        assertFormat(HEX.parseHex("1bffffffffffffffff"), PLAIN); // 2^64 - 1
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1c", "1d", "1e", "3c", "5c", "7d", "9e", "bc", "dd", "fc", "fd", "fe"})
    void reservedAdditionalInformationIsRefused(String hex) {
        assertFormat(HEX.parseHex(hex + "00000000000000000000"), CborProfile.VT1_COSE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1f", "3f", "df00", "ff", "f818", "f820"})
    void indefiniteAndBreakAndTwoByteSimpleAreRefused(String hex) {
        assertFormat(HEX.parseHex(hex), CborProfile.VT1_COSE);
    }

    // ---------------------------------------------------------------- maps

    @Test
    void duplicateMapKeysAreRefused() throws Rejection {
        assertFormat(map().put(1, integer(0)).putDuplicate(1, integer(0)), PLAIN);
        assertFormat(map().put(1, integer(0)).put(2, integer(0)).putDuplicate(1, text("x")), PLAIN);
        assertFormat(map().put(-70001, integer(0)).putDuplicate(-70001, integer(1)), PLAIN);
        assertFormat(map().put("a", integer(0)).putDuplicate("a", integer(0)), PLAIN);
        assertFormat(map().put("\u00fc", integer(0)).putDuplicate("\u00fc", integer(1)), PLAIN);
        // a duplicate inside a nested map
        assertFormat(array(map().put(4, bytes(new byte[8])).putDuplicate(4, bytes(new byte[8]))), PLAIN);
        // 1 and "1" are different keys
        CborMap both = (CborMap) CborDecoder.decode(map().put(1, integer(0)).put("1", integer(0)).encode(), PLAIN);
        assertEquals(2, both.size());
    }

    @Test
    void mapKeysMustBeIntegerOrText() {
        assertFormat(map().put(bytes(new byte[] {1}), integer(0)), PLAIN);
        assertFormat(map().put(bytes(new byte[0]), integer(0)), PLAIN);
        assertFormat(map().put(array(), integer(0)), PLAIN);
        assertFormat(map().put(map(), integer(0)), PLAIN);
        assertFormat(HEX.parseHex("a1f600"), PLAIN); // null key
        assertFormat(HEX.parseHex("a1f500"), PLAIN); // true key
        assertFormat(HEX.parseHex("a1d20100"), CborProfile.VT1_COSE); // tagged key
    }

    @Test
    void mapKeyOrderIsKept() throws Rejection {
        CborMap m = (CborMap) CborDecoder.decode(map().put(4, integer(0)).put(1, integer(0)).put("z", integer(0)).encode(),
                PLAIN);
        assertEquals(List.of(i(4), i(1), t("z")), new ArrayList<>(m.keys()));
    }

    // ---------------------------------------------------------------- depth

    @Test
    void depthEightAcceptedDepthNineRefused() throws Rejection {
        CborProfile eight = new CborProfile(8, Set.of(18L));
        // arrays only: the top-level container is depth 1
        assertInstanceOf(CborArray.class, CborDecoder.decode(nestedArrays(8, integer(1)).encode(), eight));
        assertFormat(nestedArrays(9, integer(1)), eight);
        assertFormat(nestedArrays(9), eight);
        // maps count too
        assertInstanceOf(CborMap.class, CborDecoder.decode(nestedMaps(8).encode(), eight));
        assertFormat(nestedMaps(9), eight);
        // and tags: 18(...) around seven arrays is depth 8, around eight is 9
        assertInstanceOf(CborTag.class, CborDecoder.decode(tag(18, nestedArrays(7, integer(1))).encode(), eight));
        assertFormat(tag(18, nestedArrays(8, integer(1))), eight);
        assertFormat(tag(18, tag(18, tag(18, tag(18, tag(18, tag(18, tag(18, tag(18, tag(18, integer(0)))))))))), eight);
        assertInstanceOf(CborTag.class, CborDecoder.decode(
                tag(18, tag(18, tag(18, tag(18, tag(18, tag(18, tag(18, tag(18, integer(0))))))))).encode(), eight));
        // a map key that is itself deep counts (and is refused for its type anyway)
        assertFormat(nestedMaps(7, map().put(nestedArrays(2, integer(0)), integer(0))), eight);
        // the same inputs against a depth limit of 9 and of 1
        assertInstanceOf(CborArray.class,
                CborDecoder.decode(nestedArrays(9, integer(1)).encode(), new CborProfile(9, Set.of())));
        assertInstanceOf(CborArray.class, CborDecoder.decode(HEX.parseHex("83010203"), new CborProfile(1, Set.of())));
        assertFormat(HEX.parseHex("8180"), new CborProfile(1, Set.of()));
        // scalars do not count
        assertEquals(i(7), CborDecoder.decode(integer(7).encode(), new CborProfile(1, Set.of())));
    }

    @Test
    void tenThousandDeepIsRefusedFastWithoutStackOverflow() {
        byte[] deep = new byte[10_001];
        Arrays.fill(deep, 0, 10_000, (byte) 0x81);
        deep[10_000] = 0x00;
        byte[] deepMaps = new byte[20_001];
        for (int d = 0; d < 10_000; d++) {
            deepMaps[2 * d] = (byte) 0xA1;
            deepMaps[2 * d + 1] = 0x00;
        }
        deepMaps[20_000] = 0x00;
        byte[] deepTags = new byte[10_001];
        Arrays.fill(deepTags, 0, 10_000, (byte) 0xD2);
        // CPU time of this thread, not wall time: a loaded CI machine must not make this flaky.
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (byte[] input : List.of(deep, deepMaps, deepTags)) {
            long start = threads.getCurrentThreadCpuTime();
            assertFormat(input, CborProfile.VT1_COSE);
            long cpu = threads.getCurrentThreadCpuTime() - start;
            assertTrue(cpu < 50_000_000L, "took " + cpu / 1_000_000 + " ms of CPU");
        }
    }

    // ---------------------------------------------------------------- declared lengths

    /** A 9-byte head declaring a huge length is refused before anything of that size is allocated. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "5b0000010000000000", // bytes, 2^40
        "7b0000010000000000", // text, 2^40
        "9b0000000100000000", // array, 2^32 elements
        "bb0000000100000000", // map, 2^32 pairs
        "9a7fffffff", // array, 2^31 - 1 elements
        "ba40000000", // map, 2^30 pairs
        "5a7fffffff", // bytes, 2^31 - 1
        "5bffffffffffffffff", // bytes, 2^64 - 1 (negative as a long)
        "9bffffffffffffffff", // array, 2^64 - 1
        "5b7fffffffffffffff", // bytes, 2^63 - 1
    })
    void hugeDeclaredLengthsAreRefusedWithoutAllocation(String hex) {
        byte[] head = HEX.parseHex(hex);
        byte[] input = Arrays.copyOf(head, head.length + 16); // the head, then 16 zero bytes
        com.sun.management.ThreadMXBean threads = allocationCounter();
        assertFormat(input, PLAIN); // warm up
        long before = threads.getCurrentThreadAllocatedBytes();
        assertFormat(input, PLAIN);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 64 * 1024, "allocated " + allocated + " bytes");
    }

    @Test
    void lengthsThatFitExactlyAreAccepted() throws Rejection {
        assertEquals(CborBytes.of(new byte[300]), CborDecoder.decode(bytes(new byte[300]).encode(), PLAIN));
        assertFormat(Arrays.copyOf(bytes(new byte[300]).encode(), 302), PLAIN); // one byte short
        byte[] many = new byte[3 + 1000];
        System.arraycopy(HEX.parseHex("9903e8"), 0, many, 0, 3);
        assertEquals(1000, ((CborArray) CborDecoder.decode(many, PLAIN)).size());
        assertFormat(Arrays.copyOf(many, many.length - 1), PLAIN);
    }

    // ---------------------------------------------------------------- framing

    @Test
    void trailingBytesAndEmptyInputAreRefused() throws Rejection {
        assertFormat(new byte[0], PLAIN);
        assertFormat(HEX.parseHex("0000"), PLAIN);
        assertFormat(HEX.parseHex("a0ff"), PLAIN);
        assertFormat(HEX.parseHex("8301020300"), PLAIN);
        // a slice of a larger buffer decodes only the slice
        byte[] buffer = HEX.parseHex("ff83010203ff");
        assertEquals(arr(i(1), i(2), i(3)), CborDecoder.decode(buffer, 1, 4, PLAIN));
        assertFormat(HEX.parseHex("ff8301020300ff"), 1, 5, PLAIN);
    }

    /** Every strict prefix of a valid item is refused with FORMAT and nothing else. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "98190102030405060708090a0b0c0d0e0f101112131415161718181819",
        "a56161614161626142616361436164614461656145",
        "8301820203820405",
        "64f0908591",
        "1b000000e8d4a51000",
        // RFC 8392 A.3: a whole signed CWT
        "d28443a10126a05850a70175636f61703a2f2f61732e6578616d706c652e636f6d02656572696b77037818636f61703a2f2f6c"
                + "696768742e6578616d706c652e636f6d041a5612aeb0051a5610d9f0061a5610d9f007420b7158405427c1ff28d23fba"
                + "d1f29c4c7c6a555e601d6fa29f9179bc3d7438bacaca5acd08c8d4d4f96131680c429a01f85951ecee743a52b9b63632"
                + "c57209120e1c9e30",
    })
    void everyTruncationIsFormat(String hex) throws Rejection {
        byte[] full = HEX.parseHex(hex);
        CborDecoder.decode(full, CborProfile.VT1_COSE); // the whole item is valid
        for (int length = 0; length < full.length; length++) {
            byte[] prefix = Arrays.copyOf(full, length);
            try {
                CborDecoder.decode(prefix, CborProfile.VT1_COSE);
                fail("prefix of length " + length + " decoded");
            } catch (Rejection e) {
                assertEquals(Reason.FORMAT, e.reason());
            } catch (org.opentest4j.AssertionFailedError e) {
                throw e; // our own assertion, not the code under test
            } catch (RuntimeException | Error e) {
                fail("prefix of length " + length + " threw " + e);
            }
        }
    }

    // ---------------------------------------------------------------- text

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "62c0af", // overlong "/"
        "63e080af", // overlong "/" in three bytes
        "64f08080af", // overlong "/" in four bytes
        "62c080", // overlong NUL
        "63eda080", // a lone high surrogate, encoded (CESU-8 style)
        "63edbfbf", // a lone low surrogate, encoded
        "66eda081edb080", // a surrogate pair encoded as two 3-byte sequences
        "62e6b0", // truncated 3-byte sequence
        "61e6", // truncated at the lead byte
        "63f09085", // truncated 4-byte sequence
        "6180", // a lone continuation byte
        "61ff", // a byte never valid in UTF-8
        "64f4908080", // above U+10FFFF
        "a16261ff00", // invalid UTF-8 in a map key
    })
    void invalidUtf8IsRefused(String hex) {
        assertFormat(HEX.parseHex(hex), PLAIN);
    }

    // ---------------------------------------------------------------- helpers

    private static void assertFormat(CborValue input, CborProfile profile) {
        assertFormat(input.encode(), profile);
    }

    private static void assertFormat(byte[] input, CborProfile profile) {
        assertFormat(input, 0, input.length, profile);
    }

    private static void assertFormat(byte[] input, int offset, int length, CborProfile profile) {
        try {
            CborItem item = CborDecoder.decode(input, offset, length, profile);
            fail("decoded " + HEX.formatHex(input) + " to " + item);
        } catch (Rejection e) {
            assertEquals(Reason.FORMAT, e.reason(), e.detail());
        } catch (org.opentest4j.AssertionFailedError e) {
            throw e; // our own assertion, not the code under test
        } catch (RuntimeException | Error e) {
            fail(HEX.formatHex(input, 0, Math.min(input.length, 32)) + " threw " + e, e);
        }
    }

    private static com.sun.management.ThreadMXBean allocationCounter() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no HotSpot allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        return threads;
    }

    /** {@code depth} arrays [[... [innermost]]]; without {@code innermost} the deepest array is empty. */
    private static CborValue nestedArrays(int depth, CborValue... innermost) {
        CborValue out = array(innermost);
        for (int d = 1; d < depth; d++) {
            out = array(out);
        }
        return out;
    }

    private static CborValue nestedMaps(int depth) {
        return nestedMaps(depth, map());
    }

    /** {@code depth} maps {1: {1: ... innermost}}, where {@code innermost} is the deepest map. */
    private static CborValue nestedMaps(int depth, CborValue innermost) {
        CborValue out = innermost;
        for (int d = 1; d < depth; d++) {
            out = map().put(1, out);
        }
        return out;
    }

    private static Arguments in(String hex, CborItem expected) {
        return Arguments.of(hex, expected);
    }

    private static CborInteger i(long value) {
        return new CborInteger(value);
    }

    private static CborText t(String value) {
        return new CborText(value);
    }

    private static CborArray arr(CborItem... items) {
        return new CborArray(List.of(items));
    }

    private static CborItem[] oneTo25() {
        CborItem[] items = new CborItem[25];
        for (int k = 0; k < 25; k++) {
            items[k] = i(k + 1);
        }
        return items;
    }

    private static CborMap cmap(CborItem... keysAndValues) {
        LinkedHashMap<CborItem, CborItem> entries = new LinkedHashMap<>();
        for (int k = 0; k < keysAndValues.length; k += 2) {
            entries.put(keysAndValues[k], keysAndValues[k + 1]);
        }
        return new CborMap(entries);
    }

    @Test
    void profilesCannotAskForADepthThatWouldRecurseTooDeep() {
        assertThrows(IllegalArgumentException.class,
                () -> new CborProfile(CborProfile.MAX_DEPTH_LIMIT + 1, Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new CborProfile(0, Set.of()));
    }
}
