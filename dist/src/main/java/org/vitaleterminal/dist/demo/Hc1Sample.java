package org.vitaleterminal.dist.demo;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.vitaleterminal.sim.cbor.Cbor;
import org.vitaleterminal.sim.cbor.CborMapBuilder;
import org.vitaleterminal.sim.codec.Base45Encoder;
import org.vitaleterminal.sim.codec.Zlib;
import org.vitaleterminal.sim.cose.CoseHeaders;
import org.vitaleterminal.sim.cose.CoseSign1Builder;
import org.vitaleterminal.sim.keys.SimKeyPair;

/**
 * An EU Digital COVID Certificate ({@code HC1:}) for the demo's camera, minted here so that the
 * demo needs no test data: HCERT's shape (COSE_Sign1, ES256, CWT claims with {@code -260 → 1 →}
 * a vaccination entry, zlib, Base45) for a fictitious person, signed by a throwaway document
 * signer. The demo terminal trusts no document signers, so it refuses the code with a reason —
 * what a terminal set up for VT1 only does when a patient shows the wrong pass.
 */
final class Hc1Sample {
    private static final long HCERT = -260;
    private static final long EU_DGC_V1 = 1;

    private Hc1Sample() {}

    static String mint(SecureRandom random, Instant now) {
        SimKeyPair signer = SimKeyPair.p256(random);
        CborMapBuilder vaccination = Cbor.map()
                .put("tg", Cbor.text("840539006"))
                .put("vp", Cbor.text("1119349007"))
                .put("mp", Cbor.text("EU/1/20/1528"))
                .put("ma", Cbor.text("ORG-100030215"))
                .put("dn", Cbor.integer(2))
                .put("sd", Cbor.integer(2))
                .put("dt", Cbor.text("2021-06-01"))
                .put("co", Cbor.text("FR"))
                .put("is", Cbor.text("Demo issuer"))
                .put("ci", Cbor.text("URN:UVCI:01:FR:DEMO0000000001#0"));
        CborMapBuilder dcc = Cbor.map()
                .put("ver", Cbor.text("1.3.0"))
                .put("nam", Cbor.map().put("fn", Cbor.text("EXEMPLE")).put("fnt", Cbor.text("EXEMPLE"))
                        .put("gn", Cbor.text("Camille")).put("gnt", Cbor.text("CAMILLE")))
                .put("dob", Cbor.text("1990-01-01"))
                .put("v", Cbor.array(vaccination));
        CborMapBuilder claims = Cbor.map()
                .put(1, Cbor.text("FR"))
                .put(4, Cbor.integer(now.plus(Duration.ofDays(365)).getEpochSecond()))
                .put(6, Cbor.integer(now.minus(Duration.ofDays(1)).getEpochSecond()))
                .put(HCERT, Cbor.map().put(EU_DGC_V1, dcc));
        byte[] cose = CoseSign1Builder.create()
                .protectedHeader(CoseHeaders.algAndKid(SimKeyPair.ES256, signer.kid()))
                .payload(claims)
                .signer(signer)
                .sign()
                .encode();
        return "HC1:" + Base45Encoder.encode(Zlib.compress(cose));
    }
}
