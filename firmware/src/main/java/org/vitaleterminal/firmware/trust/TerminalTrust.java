package org.vitaleterminal.firmware.trust;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.vitaleterminal.credential.VerificationPolicy;
import org.vitaleterminal.credential.trust.TrustList;
import org.vitaleterminal.credential.trust.TrustListException;
import org.vitaleterminal.credential.trust.TrustRoot;
import org.vitaleterminal.firmware.config.ConfigException;
import org.vitaleterminal.firmware.config.ConfigKey;
import org.vitaleterminal.firmware.config.Configuration;

/**
 * A configured terminal's trust material, as loaded at start: the pinned roots, the grace, the
 * state-directory store, and the list in use (the stored copy, else the initial
 * {@code trust.list}) in a {@link TrustListHolder}.
 *
 * @param listFile    the file the list in use was read from
 * @param loadProblem why that file was refused, when it was (the holder is then empty)
 */
public record TerminalTrust(List<TrustRoot> roots, Duration grace, TrustListStore store, TrustListHolder holder,
                            Path listFile, Optional<String> loadProblem) {

    /**
     * @throws ConfigException                when a key is missing or invalid
     * @throws TrustFiles.TrustFileException  when a root file (or the list file) cannot be read
     */
    public static TerminalTrust load(Configuration config) throws ConfigException, TrustFiles.TrustFileException {
        List<TrustRoot> roots = TrustFiles.readRoots(config.paths(ConfigKey.TRUST_ROOTS));
        Duration grace = config.duration(ConfigKey.TRUST_GRACE, VerificationPolicy.defaults().trustListGrace());
        TrustListStore store = new TrustListStore(config.path(ConfigKey.STATE_DIR));
        Path listFile = TrustListLocation.select(config);
        TrustList list = null;
        Optional<String> problem = Optional.empty();
        if (!Files.isRegularFile(listFile)) {
            problem = Optional.of("no trust list at " + listFile);
        } else {
            try {
                list = TrustFiles.readTrustList(listFile, roots);
            } catch (TrustListException e) {
                problem = Optional.of(e.problem() + ": " + e.getMessage());
            }
        }
        return new TerminalTrust(List.copyOf(roots), grace, store, new TrustListHolder(list), listFile, problem);
    }

    public TrustListUpdater updater(Clock clock) {
        return new TrustListUpdater(roots, store, holder, clock, grace);
    }
}
