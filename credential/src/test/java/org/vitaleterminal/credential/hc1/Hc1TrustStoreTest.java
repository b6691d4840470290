package org.vitaleterminal.credential.hc1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.credential.crypto.CoseAlgorithm;
import org.vitaleterminal.credential.crypto.Digests;
import org.vitaleterminal.credential.crypto.Kid;

class Hc1TrustStoreTest {
    private static final KeyPair P256 = TestPki.ec("secp256r1");
    private static final byte[] DSC = TestPki.certificate(P256, "CN=Jane Doe,C=FR", TestPki.NOT_BEFORE,
            TestPki.NOT_AFTER, null);

    @Test
    void kidIsTheFirstEightBytesOfTheCertificateHash() throws Exception {
        Hc1TrustStore store = Hc1TrustStore.of(List.of(DSC));
        Kid kid = Kid.of(Arrays.copyOf(Digests.sha256(DSC), 8));
        DocumentSigner signer = store.candidates(kid).get(0);
        assertEquals(kid, signer.kid());
        assertTrue(signer.supports(CoseAlgorithm.ES256));
        assertFalse(signer.supports(CoseAlgorithm.PS256));
        assertEquals(TestPki.NOT_BEFORE, signer.notBefore());
        assertEquals(TestPki.NOT_AFTER, signer.notAfter());
        assertEquals(EnumSet.allOf(HcertEntryType.class), signer.allowedTypes(), "no EKU = every type");
        assertFalse(signer.toString().contains("Jane"));
    }

    @Test
    void pemGivesTheSameEntryAsDer() throws Exception {
        Hc1TrustStore store = Hc1TrustStore.of(List.of(TestPki.pem(DSC)));
        assertEquals(1, store.candidates(Kid.derivedFrom(DSC)).size());
    }

    @Test
    void extendedKeyUsageRestrictsTheTypes() throws Exception {
        byte[] testAndRecovery = TestPki.certificate(P256, List.of(TestPki.OID_TEST, TestPki.OID_RECOVERY,
                TestPki.OID_SERVER_AUTH));
        assertEquals(EnumSet.of(HcertEntryType.TEST, HcertEntryType.RECOVERY), only(testAndRecovery).allowedTypes());
        byte[] withoutZeroArc = TestPki.certificate(P256, List.of(TestPki.OID_VACCINATION_WITHOUT_ZERO_ARC));
        assertEquals(EnumSet.of(HcertEntryType.VACCINATION), only(withoutZeroArc).allowedTypes());
        byte[] serverAuth = TestPki.certificate(P256, List.of(TestPki.OID_SERVER_AUTH));
        assertEquals(EnumSet.allOf(HcertEntryType.class), only(serverAuth).allowedTypes());
    }

    @Test
    void unusableKeysAreKeptWithoutAKey() throws Exception {
        assertTrue(only(TestPki.certificate(TestPki.ec("secp384r1"), null)).key().isEmpty(), "P-384");
        assertTrue(only(TestPki.certificate(TestPki.rsa(1024), null)).key().isEmpty(), "RSA-1024");
        assertTrue(only(TestPki.certificate(TestPki.rsa(2048), null)).supports(CoseAlgorithm.PS256));
    }

    @Test
    void sharedKidsKeepEveryCertificate() throws Exception {
        byte[] other = TestPki.certificate(TestPki.ec("secp256r1"), null);
        Kid kid = new Kid(42);
        Hc1TrustStore store = Hc1TrustStore.builder().add(DSC, kid).add(other, kid).add(DSC, kid).build();
        assertEquals(2, store.size(), "the same certificate twice under one kid is kept once");
        assertEquals(2, store.candidates(kid).size());
    }

    @Test
    void theBuiltStoreDoesNotChangeWithItsBuilder() throws Exception {
        Hc1TrustStore.Builder builder = Hc1TrustStore.builder().add(DSC);
        Hc1TrustStore first = builder.build();
        builder.add(TestPki.certificate(TestPki.ec("secp256r1"), null));
        assertEquals(1, first.size());
        assertEquals(2, builder.build().size());
        assertThrows(UnsupportedOperationException.class,
                () -> first.candidates(Kid.derivedFrom(DSC)).add(null));
        assertTrue(Hc1TrustStore.of(List.of()).isEmpty());
    }

    @Test
    void malformedCertificatesAreRefusedByPositionAndProblem() {
        assertProblem(new byte[0], "certificate #0: empty input");
        assertProblem(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}, "certificate #0: not a parseable X.509 certificate (DER or PEM)");
        assertProblem(Arrays.copyOf(DSC, DSC.length - 1), "certificate #0: not a parseable X.509 certificate (DER or PEM)");
        byte[] trailing = Arrays.copyOf(DSC, DSC.length + 2);
        assertProblem(trailing, "certificate #0: bytes after the DER certificate");
        byte[] twoPem = (new String(TestPki.pem(DSC)) + new String(TestPki.pem(DSC))).getBytes();
        assertProblem(twoPem, "certificate #0: expected exactly one PEM certificate, found 2");
        assertProblem("hello".getBytes(), "certificate #0: not a parseable X.509 certificate (DER or PEM)");

        InvalidCertificateException second = assertThrows(InvalidCertificateException.class,
                () -> Hc1TrustStore.of(List.of(DSC, new byte[] {1, 2, 3})));
        assertEquals(1, second.index());
    }

    private static void assertProblem(byte[] input, String message) {
        InvalidCertificateException e = assertThrows(InvalidCertificateException.class,
                () -> Hc1TrustStore.of(List.of(input)));
        assertEquals(message, e.getMessage());
        assertFalse(e.getMessage().contains("Jane"));
    }

    private static DocumentSigner only(byte[] certificate) throws InvalidCertificateException {
        Hc1TrustStore store = Hc1TrustStore.of(List.of(certificate));
        return store.candidates(Kid.derivedFrom(certificate)).get(0);
    }
}
