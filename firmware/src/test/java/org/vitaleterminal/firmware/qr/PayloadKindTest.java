package org.vitaleterminal.firmware.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PayloadKindTest {
    @Test
    void onlyExactCredentialPrefixesAreVerified() {
        assertEquals(PayloadKind.VT1, PayloadKind.of("VT1:NCF..."));
        assertEquals(PayloadKind.HC1, PayloadKind.of("HC1:6BF..."));
        assertEquals(PayloadKind.VT1, PayloadKind.of("VT1:"));
        assertTrue(PayloadKind.VT1.isCredential());
        assertTrue(PayloadKind.HC1.isCredential());
    }

    @Test
    void everythingElseIsClassifiedAndNotVerified() {
        assertEquals(PayloadKind.WRONG_CASE_PREFIX, PayloadKind.of("vt1:NCF"));
        assertEquals(PayloadKind.WRONG_CASE_PREFIX, PayloadKind.of("Hc1:6BF"));
        assertEquals(PayloadKind.URL, PayloadKind.of("https://example.org/x?y=1"));
        assertEquals(PayloadKind.URL, PayloadKind.of("otpauth+x.y-z://a"));
        assertEquals(PayloadKind.EMPTY, PayloadKind.of(""));
        assertEquals(PayloadKind.OTHER, PayloadKind.of("VT1"));
        assertEquals(PayloadKind.OTHER, PayloadKind.of(" VT1:NCF"), "prefix must be at the very start");
        assertEquals(PayloadKind.OTHER, PayloadKind.of("VT2:NCF"));
        assertEquals(PayloadKind.OTHER, PayloadKind.of("WIFI:S:net;T:WPA;P:x;;"));
        assertEquals(PayloadKind.OTHER, PayloadKind.of("://no-scheme"));
        assertEquals(PayloadKind.OTHER, PayloadKind.of("1http://digit-first"));
        assertEquals(PayloadKind.OTHER, PayloadKind.of("\u0000\uFFFD binary"));
        for (PayloadKind kind : PayloadKind.values()) {
            assertEquals(kind == PayloadKind.VT1 || kind == PayloadKind.HC1, kind.isCredential(), kind.name());
        }
        assertFalse(PayloadKind.URL.isCredential());
    }
}
