package org.vitaleterminal.firmware.trust;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.vitaleterminal.firmware.config.ConfigException;
import org.vitaleterminal.firmware.config.ConfigKey;
import org.vitaleterminal.firmware.config.Configuration;

/**
 * Where the trust list in use lives: the copy the terminal stored in {@code state.dir} after the
 * last accepted update, else the initial list from {@code trust.list} installed at provisioning.
 */
public final class TrustListLocation {
    /** The file name of the stored list inside {@code state.dir}. */
    public static final String STORED_FILE = "trust-list.cose";

    private TrustListLocation() {}

    public static Path select(Configuration config) throws ConfigException {
        Optional<Path> stored = config.optionalPath(ConfigKey.STATE_DIR).map(dir -> dir.resolve(STORED_FILE))
                .filter(Files::isRegularFile);
        return stored.isPresent() ? stored.get() : config.path(ConfigKey.TRUST_LIST);
    }
}
