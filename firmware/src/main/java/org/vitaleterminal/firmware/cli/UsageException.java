package org.vitaleterminal.firmware.cli;

/**
 * Bad arguments, configuration or unreadable input files: the command stops with exit status 2
 * and the message tells the operator what to fix (which option, file or key, and the expected
 * form). Messages never contain personal data.
 */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message, null, false, false);
    }
}
