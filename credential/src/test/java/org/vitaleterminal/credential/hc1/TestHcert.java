package org.vitaleterminal.credential.hc1;

import static org.vitaleterminal.credential.hc1.TestCbor.map;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * Builds signed HC1 texts for the tests with the JCA (not the project's verifier code): every
 * part can be bent to make a hostile message.
 */
final class TestHcert {
    static final String BASE45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    Object protectedHeader;
    Map<Object, Object> unprotected = map();
    Object claims;
    PrivateKey key;
    String signatureAlgorithm = "ES256";
    /** The COSE wrapping: 18 = tag 18, 0 = untagged, 61 = 61(18(...)). */
    int tagging = 18;
    /** Applied to the signature after signing (e.g. truncate, flip a bit). */
    java.util.function.UnaryOperator<byte[]> tamper = s -> s;

    /** A vaccination DCC. */
    static Map<Object, Object> dcc(String... types) {
        Map<Object, Object> dcc = map("ver", "1.3.0", "nam", map("fn", "Dupont", "gn", "Marie", "fnt", "DUPONT",
                "gnt", "MARIE"), "dob", "1980-01-01");
        for (String type : types) {
            dcc.put(type, List.of(map("tg", "840539006", "co", "FR", "is", "Test issuer", "ci", "URN:UVCI:01:FR:TEST")));
        }
        return dcc;
    }

    static Map<Object, Object> claims(long iat, long exp, Map<Object, Object> dcc) {
        return map(1, "FR", 4, exp, 6, iat, -260, map(1, dcc));
    }

    static TestHcert es256(PrivateKey key, byte[] kid, Object claims) {
        TestHcert hcert = new TestHcert();
        hcert.protectedHeader = map(1, -7, 4, kid);
        hcert.claims = claims;
        hcert.key = key;
        return hcert;
    }

    static TestHcert ps256(PrivateKey key, byte[] kid, Object claims) {
        TestHcert hcert = es256(key, kid, claims);
        hcert.protectedHeader = map(1, -37, 4, kid);
        hcert.signatureAlgorithm = "PS256";
        return hcert;
    }

    /** The protected header's bytes: a map is encoded, bytes are used as they are. */
    private byte[] protectedBytes() {
        if (protectedHeader instanceof byte[] raw) {
            return raw;
        }
        return TestCbor.encode(protectedHeader);
    }

    byte[] cose() {
        byte[] protectedBytes = protectedBytes();
        byte[] payload = claims instanceof byte[] raw ? raw : TestCbor.encode(claims);
        byte[] toBeSigned = TestCbor.encode(List.of("Signature1", protectedBytes, new byte[0], payload));
        byte[] signature = tamper.apply(sign(toBeSigned));
        Object message = List.of(protectedBytes, unprotected, payload, signature);
        if (tagging == 18) {
            message = new TestCbor.Tagged(18, message);
        } else if (tagging == 61) {
            message = new TestCbor.Tagged(61, new TestCbor.Tagged(18, message));
        }
        return TestCbor.encode(message);
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
