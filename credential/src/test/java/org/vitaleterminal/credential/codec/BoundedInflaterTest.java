package org.vitaleterminal.credential.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.Rejection;

/** The zlib layer of spec §2.1 / §4.1: mandatory, complete, nothing trailing, output capped. */
class BoundedInflaterTest {
    /** The spec's inflated-size limit (§4.1). */
    private static final int CAP = 8192;

    @Test
    void roundTrip() throws Rejection {
        byte[] plain = sample(3000, 1);
        assertArrayEquals(plain, BoundedInflater.inflate(zlib(plain), CAP));
    }

    @Test
    void emptyStreamInflatesToNothing() throws Rejection {
        byte[] z = zlib(new byte[0]);
        assertEquals(8, z.length, "header + empty final block + Adler-32");
        assertArrayEquals(new byte[0], BoundedInflater.inflate(z, CAP));
        assertArrayEquals(new byte[0], BoundedInflater.inflate(z, 0));
    }

    /** Exactly at the cap is accepted and one byte more is TOO_LARGE, for caps of many sizes. */
    @ParameterizedTest(name = "cap {0}")
    @ValueSource(ints = {1, 63, 64, 65, 127, 128, 129, 1000, 4096, CAP, 65_536, 1 << 20})
    void capIsInclusive(int cap) throws Rejection {
        for (boolean compressible : new boolean[] {true, false}) {
            byte[] atCap = compressible ? new byte[cap] : sample(cap, cap);
            assertArrayEquals(atCap, BoundedInflater.inflate(zlib(atCap), cap));
            byte[] over = compressible ? new byte[cap + 1] : sample(cap + 1, cap);
            assertReason(Reason.TOO_LARGE, zlib(over), cap);
        }
    }

    /**
     * 10 MB of zeros compress to about 10 KB. Inflating must stop at the cap, quickly, without
     * allocating more than a small multiple of the cap on the Java heap.
     */
    @ParameterizedTest(name = "cap {0}")
    @ValueSource(ints = {CAP, 1 << 20})
    void zlibBombIsStoppedAtTheCap(int cap) throws Rejection {
        byte[] bomb = zlib(new byte[10_000_000]);
        assertTrue(bomb.length < 12_000, "bomb is " + bomb.length + " bytes");

        com.sun.management.ThreadMXBean threads = allocationCounter();
        // warm up the code path so class loading is not counted
        assertReason(Reason.TOO_LARGE, bomb, cap);

        long before = threads.getCurrentThreadAllocatedBytes();
        long start = threads.getCurrentThreadCpuTime(); // CPU, not wall time: robust on a loaded machine
        Rejection rejection = assertThrows(Rejection.class, () -> BoundedInflater.inflate(bomb, cap));
        long elapsed = threads.getCurrentThreadCpuTime() - start;
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertEquals(Reason.TOO_LARGE, rejection.reason());
        long bound = 4L * cap + (1 << 20);
        assertTrue(allocated < bound, "allocated " + allocated + " bytes, bound " + bound);
        assertTrue(Duration.ofNanos(elapsed).compareTo(Duration.ofMillis(50)) < 0,
                "took " + Duration.ofNanos(elapsed).toMillis() + " ms of CPU");
        System.out.printf("zlib bomb: %d B -> 10,000,000 B refused at cap %d after %d B allocated in %.2f ms%n",
                bomb.length, cap, allocated, elapsed / 1e6);
    }

    @Test
    void truncatedStreamAtEveryLength() {
        byte[] z = zlib(sample(2000, 7));
        for (int length = 0; length < z.length; length++) {
            byte[] truncated = Arrays.copyOf(z, length);
            assertReason(Reason.FORMAT, truncated, CAP);
        }
    }

    @Test
    void trailingBytesAreRefused() {
        byte[] z = zlib(sample(500, 2));
        assertReason(Reason.FORMAT, concat(z, new byte[] {0}), CAP);
        assertReason(Reason.FORMAT, concat(z, new byte[] {'\n'}), CAP);
        // two complete streams back to back
        assertReason(Reason.FORMAT, concat(z, z), CAP);
    }

    @Test
    void rawDeflateWithoutZlibHeaderIsRefused() {
        for (int seed = 0; seed < 20; seed++) {
            byte[] raw = deflate(sample(300 + seed, seed), true, null);
            assertReason(Reason.FORMAT, raw, CAP);
        }
        // and uncompressed input is refused, not passed through (dgc-testdata Z2)
        assertReason(Reason.FORMAT, "not compressed at all".getBytes(), CAP);
    }

    @Test
    void wrongHeaderChecksumIsRefused() {
        byte[] z = zlib(sample(200, 3));
        for (int delta = 1; delta < 31; delta++) {
            byte[] bad = z.clone();
            bad[1] = (byte) ((bad[1] & 0xE0) | (((bad[1] & 0x1F) + delta) % 32));
            if (((bad[0] & 0xFF) * 256 + (bad[1] & 0xFF)) % 31 == 0) {
                continue; // FCHECK wrapped around to another valid value
            }
            assertReason(Reason.FORMAT, bad, CAP);
        }
    }

    @Test
    void otherCompressionMethodOrWindowIsRefused() {
        byte[] z = zlib(sample(200, 4));
        // CM = 15 (reserved) and CINFO = 8 (window above 32 KiB), each with a correct FCHECK
        for (int cmf : new int[] {0x7F, 0x88}) {
            byte[] bad = z.clone();
            bad[0] = (byte) cmf;
            bad[1] = (byte) fcheck(cmf, bad[1] & 0xE0);
            assertReason(Reason.FORMAT, bad, CAP);
        }
    }

    @Test
    void presetDictionaryIsRefused() {
        byte[] dictionary = "VT1 presentation dictionary".getBytes();
        byte[] z = deflate(sample(300, 5), false, dictionary);
        assertTrue((z[1] & 0x20) != 0, "FDICT set by the JDK");
        assertReason(Reason.FORMAT, z, CAP);

        // the FDICT bit alone, on an otherwise ordinary stream, with a repaired FCHECK
        byte[] plain = zlib(sample(300, 5));
        plain[1] = (byte) fcheck(plain[0] & 0xFF, (plain[1] & 0xC0) | 0x20);
        assertReason(Reason.FORMAT, plain, CAP);
    }

    @Test
    void corruptedAdler32IsRefused() {
        byte[] z = zlib(sample(1000, 6));
        for (int i = z.length - 4; i < z.length; i++) {
            byte[] bad = z.clone();
            bad[i] ^= 0x01;
            assertReason(Reason.FORMAT, bad, CAP);
        }
    }

    @Test
    void corruptedDeflateDataIsRefused() {
        // BTYPE = 3 (reserved) in the first block header
        byte[] z = zlib(sample(100, 8));
        z[2] = (byte) (z[2] | 0x06);
        assertReason(Reason.FORMAT, z, CAP);
    }

    /** Random damage anywhere is either caught or (rarely) still decodes; nothing else may escape. */
    @Test
    void randomCorruptionOnlyEverRejects() {
        Random random = new Random(1950);
        byte[] original = sample(1500, 9);
        byte[] z = zlib(original);
        int rejected = 0;
        for (int trial = 0; trial < 5000; trial++) {
            byte[] bad = z.clone();
            int flips = 1 + random.nextInt(3);
            for (int f = 0; f < flips; f++) {
                bad[random.nextInt(bad.length)] ^= (byte) (1 << random.nextInt(8));
            }
            try {
                byte[] out = BoundedInflater.inflate(bad, CAP);
                // Adler-32 protects the output; a surviving change must reproduce the same bytes
                assertArrayEquals(original, out, "corruption produced different output");
            } catch (Rejection e) {
                assertTrue(e.reason() == Reason.FORMAT || e.reason() == Reason.TOO_LARGE, e.reason().code());
                rejected++;
            } catch (org.opentest4j.AssertionFailedError e) {
                throw e; // our own assertion, not the code under test
            } catch (RuntimeException | Error e) {
                fail("trial " + trial + " threw " + e);
            }
        }
        assertTrue(rejected > 4900, "rejected " + rejected);
    }

    @Test
    void tooShortInputIsRefused() {
        for (int length = 0; length < 8; length++) {
            assertReason(Reason.FORMAT, Arrays.copyOf(new byte[] {0x78, (byte) 0x9C, 3, 0, 0, 0, 0, 1}, length), CAP);
        }
    }

    private static void assertReason(Reason expected, byte[] input, int cap) {
        Rejection rejection = assertThrows(Rejection.class, () -> BoundedInflater.inflate(input, cap));
        Assertions.assertEquals(expected, rejection.reason(), rejection.detail());
    }

    private static com.sun.management.ThreadMXBean allocationCounter() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no HotSpot allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "thread allocation counting unavailable");
        return threads;
    }

    /** Returns the FLG byte with its FCHECK bits set so that CMF*256 + FLG is a multiple of 31. */
    private static int fcheck(int cmf, int flgWithoutCheck) {
        int base = flgWithoutCheck & 0xE0;
        int remainder = (cmf * 256 + base) % 31;
        return base + (remainder == 0 ? 0 : 31 - remainder);
    }

    static byte[] zlib(byte[] plain) {
        return deflate(plain, false, null);
    }

    private static byte[] deflate(byte[] plain, boolean raw, byte[] dictionary) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, raw);
        try {
            if (dictionary != null) {
                deflater.setDictionary(dictionary);
            }
            deflater.setInput(plain);
            deflater.finish();
            byte[] buffer = new byte[plain.length + 1024];
            int length = 0;
            while (!deflater.finished()) {
                if (length == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
                length += deflater.deflate(buffer, length, buffer.length - length);
            }
            return Arrays.copyOf(buffer, length);
        } finally {
            deflater.end();
        }
    }

    /** Somewhat compressible bytes: text-like with randomness, so the output is not trivial. */
    private static byte[] sample(int length, long seed) {
        Random random = new Random(seed);
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) ("VT1 credential ".charAt(random.nextInt(15)) + (random.nextInt(8) == 0 ? random.nextInt(50) : 0));
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
