package org.vitaleterminal.bench;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.Rejection;
import org.vitaleterminal.credential.cbor.CborDecoder;
import org.vitaleterminal.credential.cbor.CborItem;
import org.vitaleterminal.credential.cbor.CborProfile;
import org.vitaleterminal.credential.crypto.CoseAlgorithm;
import org.vitaleterminal.credential.crypto.PublicKeys;
import org.vitaleterminal.credential.crypto.VerificationKey;
import org.vitaleterminal.sim.keys.SimKeyPair;
import org.vitaleterminal.sim.keys.SimRandom;

/**
 * Goal 4: the JDK providers beside BouncyCastle. One signature verification of the same
 * {@value #MESSAGE_LENGTH}-byte message (about the size of a credential's Sig_structure) with the
 * same key and signature, once through the project's {@link VerificationKey} (BouncyCastle
 * lightweight API, what the verifiers use) and once through the JDK's {@link Signature}:
 * <ul>
 *   <li>ES256: {@code SHA256withECDSAinP1363Format} (SunEC), 64-byte r‖s signature; and the
 *       BouncyCastle side once more with the key rebuilt on every call
 *       ({@link #es256BouncyCastleNewKey}), which is how a VT1 holder key is used;</li>
 *   <li>EdDSA: {@code Ed25519} (SunEC);</li>
 *   <li>PS256: {@code RSASSA-PSS} with SHA-256, MGF1-SHA-256, 32-byte salt (SunRsaSign), RSA-2048.</li>
 * </ul>
 * The JDK {@code Signature} object is made once in setup and re-initialised with the key on every
 * call ({@code initVerify, update, verify}), as a verifier holding one per thread would; the
 * {@code VerificationKey} makes its BouncyCastle signer on every call, as the project does.
 * Setup checks that both sides accept every signature.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class SignatureBaselineBenchmark {
    static final int MESSAGE_LENGTH = 512;

    private byte[] message;

    private VerificationKey es256Bc;
    private CborItem es256CoseKey;
    private PublicKey es256JdkKey;
    private Signature es256Jdk;
    private byte[] es256Signature;

    private VerificationKey ed25519Bc;
    private PublicKey ed25519JdkKey;
    private Signature ed25519Jdk;
    private byte[] ed25519Signature;

    private VerificationKey ps256Bc;
    private PublicKey ps256JdkKey;
    private Signature ps256Jdk;
    private byte[] ps256Signature;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException, Rejection {
        SecureRandom random = SimRandom.seeded(BenchWorld.SEED + 4);
        message = new byte[MESSAGE_LENGTH];
        random.nextBytes(message);

        SimKeyPair p256 = SimKeyPair.p256(random);
        es256Signature = p256.sign(message);
        es256Bc = PublicKeys.fromSubjectPublicKeyInfo(p256.spkiDer());
        es256CoseKey = CborDecoder.decode(p256.coseKey().encode(), CborProfile.VT1_PAYLOAD);
        es256JdkKey = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(p256.spkiDer()));
        es256Jdk = Signature.getInstance("SHA256withECDSAinP1363Format");

        SimKeyPair ed25519 = SimKeyPair.ed25519(random);
        ed25519Signature = ed25519.sign(message);
        ed25519Bc = PublicKeys.fromSubjectPublicKeyInfo(ed25519.spkiDer());
        ed25519JdkKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(ed25519.spkiDer()));
        ed25519Jdk = Signature.getInstance("Ed25519");

        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048, random);
        KeyPair rsaPair = rsa.generateKeyPair();
        PSSParameterSpec pss = new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32,
                PSSParameterSpec.TRAILER_FIELD_BC);
        Signature signer = Signature.getInstance("RSASSA-PSS");
        signer.setParameter(pss);
        signer.initSign(rsaPair.getPrivate(), random);
        signer.update(message);
        ps256Signature = signer.sign();
        ps256Bc = PublicKeys.fromSubjectPublicKeyInfo(rsaPair.getPublic().getEncoded());
        ps256JdkKey = rsaPair.getPublic();
        ps256Jdk = Signature.getInstance("RSASSA-PSS");
        ps256Jdk.setParameter(pss);

        require(es256Bc.algorithm() == CoseAlgorithm.ES256 && ed25519Bc.algorithm() == CoseAlgorithm.EDDSA
                && ps256Bc.algorithm() == CoseAlgorithm.PS256, "key types");
        require(es256BouncyCastle(), "ES256 BouncyCastle");
        require(es256BouncyCastleNewKey(), "ES256 BouncyCastle, new key");
        require(es256Jdk(), "ES256 JDK");
        require(ed25519BouncyCastle(), "Ed25519 BouncyCastle");
        require(ed25519Jdk(), "Ed25519 JDK");
        require(ps256BouncyCastle(), "PS256 BouncyCastle");
        require(ps256Jdk(), "PS256 JDK");
        // and a wrong signature is refused on both sides (the benchmarks are not timing a stub)
        byte[] spoiled = es256Signature.clone();
        spoiled[10] ^= 1;
        require(!es256Bc.verify(message, spoiled) && !jdkVerify(es256Jdk, es256JdkKey, spoiled), "ES256 refusal");
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what + ": the signature check does not give the expected answer");
        }
    }

    private boolean jdkVerify(Signature signature, PublicKey key, byte[] sig) throws GeneralSecurityException {
        signature.initVerify(key);
        signature.update(message);
        return signature.verify(sig);
    }

    @Benchmark
    public boolean es256BouncyCastle() {
        return es256Bc.verify(message, es256Signature);
    }

    /**
     * ES256 as the VT1 holder signature is checked: the key is built from its COSE_Key on every
     * call ({@link PublicKeys#fromCoseKey}, as {@code Vt1Verifier} does with the credential's cnf),
     * so BouncyCastle has no cached precomputation for the point. {@link #es256BouncyCastle}
     * reuses one key object, as trust-list issuer keys are reused.
     */
    @Benchmark
    public boolean es256BouncyCastleNewKey() {
        try {
            return PublicKeys.fromCoseKey(es256CoseKey, Reason.BAD_HOLDER_SIGNATURE).verify(message, es256Signature);
        } catch (Rejection e) {
            return false;
        }
    }

    @Benchmark
    public boolean es256Jdk() throws GeneralSecurityException {
        return jdkVerify(es256Jdk, es256JdkKey, es256Signature);
    }

    @Benchmark
    public boolean ed25519BouncyCastle() {
        return ed25519Bc.verify(message, ed25519Signature);
    }

    @Benchmark
    public boolean ed25519Jdk() throws GeneralSecurityException {
        return jdkVerify(ed25519Jdk, ed25519JdkKey, ed25519Signature);
    }

    @Benchmark
    public boolean ps256BouncyCastle() {
        return ps256Bc.verify(message, ps256Signature);
    }

    @Benchmark
    public boolean ps256Jdk() throws GeneralSecurityException {
        return jdkVerify(ps256Jdk, ps256JdkKey, ps256Signature);
    }
}
