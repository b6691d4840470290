package org.vitaleterminal.sim.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;

/**
 * Randomness for the simulated world. Every sim class takes a {@link SecureRandom} parameter;
 * tests pass {@link #seeded(long)} so that the same seed gives byte-identical keys,
 * credentials, trust lists and QR texts (a failing test can then be replayed exactly). The demo
 * and anything long-lived should pass {@code new SecureRandom()}.
 */
public final class SimRandom {
    private SimRandom() {
    }

    /**
     * A deterministic generator: SHA-256 in counter mode over a seed-derived state. It does not
     * depend on the JDK's provider list (unlike "SHA1PRNG" seeded before first use), so the same
     * seed gives the same bytes on every JDK. Predictable by design: never use it for real keys.
     */
    public static SecureRandom seeded(long seed) {
        return new DeterministicSecureRandom(new CounterModeSpi(seed));
    }

    /** Wraps the SPI; the constructor this needs is protected in {@link SecureRandom}. */
    private static final class DeterministicSecureRandom extends SecureRandom {
        DeterministicSecureRandom(SecureRandomSpi spi) {
            super(spi, null);
        }

        @Override
        public String getAlgorithm() {
            return "VT1-SIM-SEEDED";
        }
    }

    /** block_i = SHA-256(state || i); bytes are handed out from consecutive blocks. */
    private static final class CounterModeSpi extends SecureRandomSpi {
        private final MessageDigest sha256 = newSha256();
        private byte[] state;
        private long counter;
        private byte[] block = new byte[0];
        private int used;

        CounterModeSpi(long seed) {
            sha256.update("vitale-terminal sim seeded random v1".getBytes(StandardCharsets.US_ASCII));
            state = sha256.digest(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
        }

        @Override
        protected synchronized void engineSetSeed(byte[] seed) {
            // Mixed in deterministically, so a library that reseeds keeps the output reproducible.
            sha256.update(state);
            state = sha256.digest(seed);
            counter = 0;
            used = block.length;
        }

        @Override
        protected synchronized void engineNextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                if (used == block.length) {
                    sha256.update(state);
                    block = sha256.digest(ByteBuffer.allocate(Long.BYTES).putLong(counter++).array());
                    used = 0;
                }
                bytes[i] = block[used++];
            }
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            byte[] seed = new byte[numBytes];
            engineNextBytes(seed);
            return seed;
        }

        private static MessageDigest newSha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }
    }
}
