package org.vitaleterminal.sim.cose;

import java.nio.charset.StandardCharsets;

/**
 * The external AAD of each VT1 signature (spec §2.3, §3). Each structure signs under its own
 * label, so a signature made for one can never be replayed as another.
 */
public enum Vt1ExternalAad {
    CREDENTIAL("VT1/credential"),
    PRESENTATION("VT1/presentation"),
    TRUST_LIST("VT1/trust-list");

    private final String text;

    Vt1ExternalAad(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** The ASCII bytes (a fresh array each call). */
    public byte[] bytes() {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
