package org.vitaleterminal.firmware.trust;

/** Where trust lists received from outside (MQTT, a file) are offered for installation. */
@FunctionalInterface
public interface TrustUpdates {
    /**
     * @param bytes  the raw COSE bytes, untrusted
     * @param source where they came from, for logs
     */
    TrustUpdateOutcome offer(byte[] bytes, String source);
}
