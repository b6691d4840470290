package org.vitaleterminal.firmware.qr;

/**
 * What a decoded QR text is, judged by its prefix only. Only {@link #VT1} and {@link #HC1} go on
 * to verification; the rest is counted per kind (telemetry shows what people hold up to the
 * terminal) and ignored.
 */
public enum PayloadKind {
    /** {@code VT1:} — a carte Vitale presentation (spec vt1-credential.md). */
    VT1,
    /** {@code HC1:} — an EU Digital COVID Certificate. */
    HC1,
    /** A URL ({@code scheme://...}): a web link, a shop's code, a phishing attempt. */
    URL,
    /** A credential prefix in the wrong case ({@code vt1:}, {@code Hc1:}): a broken generator, worth seeing in telemetry. */
    WRONG_CASE_PREFIX,
    /** The empty text. */
    EMPTY,
    /** Any other text. */
    OTHER;

    private static final String VT1_PREFIX = "VT1:";
    private static final String HC1_PREFIX = "HC1:";

    /** True for the kinds that are verified. */
    public boolean isCredential() {
        return this == VT1 || this == HC1;
    }

    /** Classifies by prefix; never fails, whatever the text. */
    public static PayloadKind of(String text) {
        if (text.isEmpty()) {
            return EMPTY;
        }
        if (text.startsWith(VT1_PREFIX)) {
            return VT1;
        }
        if (text.startsWith(HC1_PREFIX)) {
            return HC1;
        }
        if (text.regionMatches(true, 0, VT1_PREFIX, 0, 4) || text.regionMatches(true, 0, HC1_PREFIX, 0, 4)) {
            return WRONG_CASE_PREFIX;
        }
        return isUrl(text) ? URL : OTHER;
    }

    /** RFC 3986 scheme ({@code ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )}) followed by "://". */
    private static boolean isUrl(String text) {
        int colon = text.indexOf("://");
        if (colon <= 0 || colon > 32 || !isAsciiLetter(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = text.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
