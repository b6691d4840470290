package org.vitaleterminal.credential.hc1;

import static org.vitaleterminal.sim.cbor.Cbor.array;
import static org.vitaleterminal.sim.cbor.Cbor.bytes;
import static org.vitaleterminal.sim.cbor.Cbor.integer;
import static org.vitaleterminal.sim.cbor.Cbor.map;
import static org.vitaleterminal.sim.cbor.Cbor.tag;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.zip.Deflater;
import org.vitaleterminal.sim.cbor.Cbor;
import org.vitaleterminal.sim.cbor.CborMapBuilder;
import org.vitaleterminal.sim.cbor.CborValue;

/**
 * Builds signed HC1 texts for the tests with the JCA (not the project's verifier code): every
 * part can be bent to make a hostile message.
 */
final class TestHcert {
    static final String BASE45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    /** Encoded as the protected header's bytes; {@code Cbor.raw(...)} gives those bytes exactly. */
    CborValue protectedHeader;
    CborMapBuilder unprotected = map();
    /** Encoded as the payload; {@code Cbor.raw(...)} gives the payload bytes exactly. */
    CborValue claims;
    PrivateKey key;
    String signatureAlgorithm = "ES256";
    /** The COSE wrapping: 18 = tag 18, 0 = untagged, 61 = 61(18(...)). */
    int tagging = 18;
    /** Applied to the signature after signing (e.g. truncate, flip a bit). */
    java.util.function.UnaryOperator<byte[]> tamper = s -> s;

    // Cbor.text is written in full below: text() is this class's own method.

    /** A vaccination DCC. */
    static CborMapBuilder dcc(String... types) {
        CborMapBuilder dcc = map().put("ver", Cbor.text("1.3.0"))
                .put("nam", map().put("fn", Cbor.text("Dupont")).put("gn", Cbor.text("Marie"))
                        .put("fnt", Cbor.text("DUPONT")).put("gnt", Cbor.text("MARIE")))
                .put("dob", Cbor.text("1980-01-01"));
        for (String type : types) {
            dcc.put(type, array(map().put("tg", Cbor.text("840539006")).put("co", Cbor.text("FR"))
                    .put("is", Cbor.text("Test issuer")).put("ci", Cbor.text("URN:UVCI:01:FR:TEST"))));
        }
        return dcc;
    }

    static CborMapBuilder claims(long iat, long exp, CborMapBuilder dcc) {
        return map().put(1, Cbor.text("FR")).put(4, integer(exp)).put(6, integer(iat))
                .put(-260, map().put(1, dcc));
    }

    static TestHcert es256(PrivateKey key, byte[] kid, CborValue claims) {
        TestHcert hcert = new TestHcert();
        hcert.protectedHeader = map().put(1, integer(-7)).put(4, bytes(kid));
        hcert.claims = claims;
        hcert.key = key;
        return hcert;
    }

    static TestHcert ps256(PrivateKey key, byte[] kid, CborValue claims) {
        TestHcert hcert = es256(key, kid, claims);
        hcert.protectedHeader = map().put(1, integer(-37)).put(4, bytes(kid));
        hcert.signatureAlgorithm = "PS256";
        return hcert;
    }

    byte[] cose() {
        byte[] protectedBytes = protectedHeader.encode();
        byte[] payload = claims.encode();
        byte[] toBeSigned = array(Cbor.text("Signature1"), bytes(protectedBytes), bytes(new byte[0]),
                bytes(payload)).encode();
        byte[] signature = tamper.apply(sign(toBeSigned));
        CborValue message = array(bytes(protectedBytes), unprotected, bytes(payload), bytes(signature));
        if (tagging == 18) {
            message = tag(18, message);
        } else if (tagging == 61) {
            message = tag(61, tag(18, message));
        }
        return message.encode();
    }

    String text() {
        return "HC1:" + base45(zlib(cose()));
    }

    private byte[] sign(byte[] message) {
        try {
            Signature signer;
            if (signatureAlgorithm.equals("PS256")) {
                signer = Signature.getInstance("RSASSA-PSS");
                signer.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            } else {
                signer = Signature.getInstance("SHA256withECDSAinP1363Format");
            }
            signer.initSign(key);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] zlib(byte[] data) {
        Deflater deflater = new Deflater(9);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    static String base45(byte[] data) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i + 1 < data.length; i += 2) {
            int value = ((data[i] & 0xFF) << 8) | (data[i + 1] & 0xFF);
            out.append(BASE45.charAt(value % 45)).append(BASE45.charAt(value / 45 % 45))
                    .append(BASE45.charAt(value / 2025));
        }
        if (data.length % 2 == 1) {
            int value = data[data.length - 1] & 0xFF;
            out.append(BASE45.charAt(value % 45)).append(BASE45.charAt(value / 45));
        }
        return out.toString();
    }
}
