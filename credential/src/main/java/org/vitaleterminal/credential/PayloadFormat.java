package org.vitaleterminal.credential;

/** Which format a payload claimed to be, judged from its prefix (or its channel, for NFC). */
public enum PayloadFormat {
    VT1,
    HC1,
    /** Neither prefix: the text is not something this terminal verifies. */
    UNKNOWN
}
