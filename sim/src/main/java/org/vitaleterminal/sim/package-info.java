/**
 * The issuing side of the VT1 world, for tests and the demo: issuers, the trust-list authority
 * and holder wallets, written from the spec ({@code shared/spec/vt1-credential.md}) without using
 * the credential module, so that tests never check the verifier against itself.
 *
 * <ul>
 * <li>{@code cbor}: a CBOR encoder, strict by default, with helpers for malformed items;</li>
 * <li>{@code codec}: Base45, zlib and the "VT1:" QR text;</li>
 * <li>{@code keys}: ES256 / Ed25519 key pairs and a seeded {@code SecureRandom};</li>
 * <li>{@code cose}: COSE_Sign1 with every part controllable;</li>
 * <li>{@code data}: insured and beneficiary specs mapped to the CDDL keys, sample people;</li>
 * <li>{@code issuer}, {@code wallet}, {@code trust}: credentials, presentations, trust lists;</li>
 * <li>{@code world}: a ready-made coherent world ({@code SampleWorld});</li>
 * <li>{@code nfc}: the virtual PN532 and the phones in its field, on a pseudo-terminal or behind
 * I2C and SPI views;</li>
 * <li>{@code qr}: synthetic camera photos of a phone screen showing a QR code, with seeded
 * distortions (blur, rotation, perspective, glare, noise, JPEG, moiré, dark mode).</li>
 * </ul>
 *
 * <p>No class holds static mutable state, and all randomness comes from a {@code SecureRandom}
 * argument: pass {@code SimRandom.seeded(n)} for byte-identical runs.
 */
package org.vitaleterminal.sim;
