package org.vitaleterminal.firmware.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vitaleterminal.credential.VerificationPolicy;
import org.vitaleterminal.credential.hc1.Hc1TrustStore;
import org.vitaleterminal.credential.trust.TrustList;
import org.vitaleterminal.credential.trust.TrustListException;
import org.vitaleterminal.credential.trust.TrustRoot;
import org.vitaleterminal.firmware.config.ConfigException;
import org.vitaleterminal.firmware.config.ConfigKey;
import org.vitaleterminal.firmware.config.Configuration;
import org.vitaleterminal.firmware.config.PolicySettings;
import org.vitaleterminal.firmware.trust.TrustFiles;
import org.vitaleterminal.firmware.trust.TrustListLocation;

/**
 * The trust and policy options shared by the commands that verify ({@code verify},
 * {@code nfc-read}): either {@code --config FILE}, or {@code --trust-list} with its
 * {@code --trust-root}s; plus {@code --hc1-cert}s and {@code --demo}.
 */
final class TrustOptions {
    static final Set<String> WITH_VALUE = Set.of("trust-list", "trust-root", "hc1-cert", "config");
    static final Set<String> FLAGS = Set.of("demo");
    static final Set<String> REPEATABLE = Set.of("trust-root", "hc1-cert");
    static final String HELP = """
              --config F          take trust roots, trust list and policy from a terminal.properties
              --trust-list F      the signed trust list (with --trust-root; instead of --config)
              --trust-root PEM    a pinned trust-list signer key (repeatable)
              --hc1-cert F        a trusted EU DCC document-signer certificate, PEM or DER (repeatable)
              --demo              accept demo keys and credentials""";

    /** What verification needs: the trust list (null when none is usable), HC1 signers, policy. */
    record Trust(TrustList list, Hc1TrustStore hc1Signers, VerificationPolicy policy, Optional<Configuration> config) {}

    private TrustOptions() {}

    static Trust load(Options options, CommandContext context) throws UsageException {
        VerificationPolicy policy = VerificationPolicy.defaults();
        List<Path> rootFiles;
        Optional<Path> listFile;
        Optional<Configuration> config = Optional.empty();
        boolean demo = options.flag("demo");
        if (options.has("config")) {
            if (options.has("trust-list") || options.has("trust-root")) {
                throw new UsageException("give either --config or --trust-list/--trust-root, not both");
            }
            try {
                Configuration loaded = Configuration.load(context.resolve(options.value("config").get()),
                        context.environment());
                rootFiles = loaded.paths(ConfigKey.TRUST_ROOTS);
                listFile = Optional.of(TrustListLocation.select(loaded));
                policy = PolicySettings.from(loaded);
                demo = demo || loaded.bool(ConfigKey.DEMO, false);
                config = Optional.of(loaded);
            } catch (ConfigException e) {
                throw new UsageException(e.getMessage());
            }
        } else {
            rootFiles = options.all("trust-root").stream().map(context::resolve).toList();
            listFile = options.value("trust-list").map(context::resolve);
            if (listFile.isPresent() && rootFiles.isEmpty()) {
                throw new UsageException("--trust-list needs at least one --trust-root to verify it against");
            }
        }
        try {
            List<TrustRoot> roots = TrustFiles.readRoots(rootFiles);
            TrustList list = null;
            if (listFile.isPresent()) {
                try {
                    list = TrustFiles.readTrustList(listFile.get(), roots);
                } catch (TrustListException e) {
                    // Verification goes on and says TRUST_LIST_MISSING: that is what the terminal would do.
                    context.err().println("vitale-terminal: trust list " + listFile.get() + " refused ("
                            + e.problem() + "): " + e.getMessage());
                }
            }
            Hc1TrustStore hc1 = TrustFiles.readHc1Signers(options.all("hc1-cert").stream().map(context::resolve).toList());
            return new Trust(list, hc1, policy.withDemoMode(demo), config);
        } catch (TrustFiles.TrustFileException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
