package org.vitaleterminal.hal.nfc;

/** A response (joined over GET RESPONSE chunks) went past the size the caller accepts. */
public final class ResponseTooLargeException extends NfcException {
    public ResponseTooLargeException(int limit) {
        super("response larger than " + limit + " bytes");
    }
}
