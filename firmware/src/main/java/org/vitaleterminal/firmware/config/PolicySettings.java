package org.vitaleterminal.firmware.config;

import org.vitaleterminal.credential.VerificationPolicy;

/** The verification policy a configuration sets: trust-list grace and the QR freshness window. */
public final class PolicySettings {
    private PolicySettings() {}

    /**
     * {@code trust.grace}, {@code presentation.maxAge} and {@code presentation.maxFuture} over the
     * defaults; demo mode is left to the caller ({@code demo} key or {@code --demo}).
     *
     * @throws ConfigException naming the key, its source and the expected form
     */
    public static VerificationPolicy from(Configuration config) throws ConfigException {
        VerificationPolicy defaults = VerificationPolicy.defaults();
        return defaults
                .withTrustListGrace(config.duration(ConfigKey.TRUST_GRACE, defaults.trustListGrace()))
                .withQrWindow(config.duration(ConfigKey.PRESENTATION_MAX_AGE, defaults.qrMaxAge()),
                        config.duration(ConfigKey.PRESENTATION_MAX_FUTURE, defaults.qrMaxFuture()));
    }
}
