package org.vitaleterminal.credential.hc1;

/**
 * A document-signer certificate that cannot go into an {@link Hc1TrustStore}. The message names
 * the certificate by its position in the input and says what is wrong with it; it never repeats
 * the certificate's subject or any other text taken from it.
 *
 * <p>Checked, because trust lists arrive from outside (provisioning, a gateway download) and the
 * caller has to decide what a bad entry means for the whole list.
 */
public final class InvalidCertificateException extends Exception {
    private final int index;

    public InvalidCertificateException(int index, String problem) {
        super("certificate #" + index + ": " + problem);
        this.index = index;
    }

    /** The position (0-based) of the refused certificate in the order it was added. */
    public int index() {
        return index;
    }
}
