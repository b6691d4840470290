package org.vitaleterminal.dist.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class EventLineTest {
    private static final String ACCEPTED = """
            {"schema":"vt.fse-event/1","type":"presentation.accepted","seq":3,"channel":"qr","reason":"OK",
             "credential":{"issuer":"FR-CNAM","delegated":false},
             "insured":{"nir":"2850375114123","nirKey":12,"organisme":{"regime":"01","caisse":"751","centre":"0100"}},
             "beneficiaries":[{"lastName":"DUPONT","firstName":"Marie","birthDate":"19850314","quality":0,
                               "nir":"2850375114123","nirKey":12,"rightsOpen":true}]}""";

    @Test
    void anAcceptedEventShowsWhoWithTheNirMaskedAndTheRights() {
        String line = EventLine.of("vt/v1/s/t/fse", ACCEPTED);
        assertEquals("#3 ACCEPTED qr   Marie DUPONT · NIR 2 85 ** ** *** *** 12 · FR-CNAM CPAM 751 · rights open", line);
        assertFalse(line.contains("2850375114123") || line.contains("19850314"), line);
    }

    @Test
    void closedRightsChildrenAndDelegatesAreSaid() {
        String json = """
                {"type":"presentation.accepted","seq":9,"channel":"nfc","reason":"OK",
                 "credential":{"issuer":"FR-MSA","delegated":true,"delegate":"Françoise DURAND"},
                 "insured":{"nir":"1680749123456","nirKey":5,"organisme":{"regime":"02","caisse":"491"}},
                 "beneficiaries":[{"lastName":"DURAND","firstName":"Léa","quality":6,"rightsOpen":false}]}""";
        assertEquals("#9 ACCEPTED nfc  Léa DURAND (child) · NIR 1 68 ** ** *** *** 05 · FR-MSA MSA 491 · rights CLOSED"
                + " · shown by a delegate", EventLine.of("vt/v1/s/t/fse", json));
    }

    @Test
    void aRejectedEventShowsTheReasonAndWhatItMeans() {
        assertEquals("#4 REJECTED qr   REPLAYED — this very code was already used (a screenshot?)",
                EventLine.of("vt/v1/s/t/fse", "{\"type\":\"presentation.rejected\",\"seq\":4,\"channel\":\"qr\","
                        + "\"reason\":\"REPLAYED\"}"));
    }

    @Test
    void statusAndTelemetryLines() {
        assertEquals("status online · trust list v1 until 2026-12-04T00:00:00Z · outbox 0 · camera ok, nfc ok",
                EventLine.of("vt/v1/s/t/status", "{\"state\":\"online\",\"trustListVersion\":1,"
                        + "\"trustListExpiresAt\":\"2026-12-04T00:00:00Z\",\"outboxDepth\":0,"
                        + "\"devices\":{\"nfc\":\"ok\",\"camera\":\"ok\"}}"));
        assertEquals("status offline", EventLine.of("vt/v1/s/t/status", "{\"state\":\"offline\"}"));
        assertEquals("telemetry · 5 accepted, 3 rejected · 150 frames (2 dropped) · decode p50 2.3 ms · verify p50 "
                        + "? ms · outbox 0",
                EventLine.of("vt/v1/s/t/telemetry", "{\"scans\":{\"accepted\":5,\"rejected\":{\"EXPIRED\":1,"
                        + "\"REVOKED\":2}},\"frames\":{\"processed\":150,\"dropped\":2},"
                        + "\"latencyMs\":{\"decode\":{\"p50\":2.340394}},\"outbox\":{\"depth\":0}}"));
        assertNull(EventLine.of("vt/v1/trust", "x"));
    }

    @Test
    void aNirIsMaskedButForSexYearAndKey() {
        assertEquals("1 80 ** ** *** *** 45", NirMask.mask("1800769383045", "45"));
        assertEquals("2 85 ** ** *** *** 07", NirMask.mask("285032A114123", "7"));
        assertEquals("?", NirMask.mask("12345", "7"));
        assertEquals("?", NirMask.mask(null, null));
    }
}
