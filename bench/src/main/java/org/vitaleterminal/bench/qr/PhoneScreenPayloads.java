package org.vitaleterminal.bench.qr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.wallet.Wallet;
import org.vitaleterminal.sim.world.SampleWorld;

/**
 * The texts shown on the synthetic phone screens: real VT1 presentations of every wallet of a
 * seeded {@link SampleWorld} (one beneficiary disclosed, as the spec recommends; the family
 * wallet also with two), and — when the public test data is at hand — two EU DCC {@code HC1:}
 * texts from the French test cases. Fixed seed: the same list on every run.
 */
public final class PhoneScreenPayloads {
    static final long WORLD_SEED = 20_260_315L;
    static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    /** French DCC test cases (dgc-testdata, Apache-2.0), read in place. */
    static final List<String> HC1_CASES = List.of("FR/2DCode/raw/DCC_Test_0001.json", "FR/2DCode/raw/DCC_Test_0002.json");

    private static final Pattern PREFIX = Pattern.compile("\"PREFIX\"\\s*:\\s*\"(HC1:[0-9A-Z $%*+\\-./:]+)\"");

    private PhoneScreenPayloads() {
    }

    /** The VT1 texts, then the HC1 texts if {@code testdata} (the dgc folder's parent) has them. */
    public static List<String> create(Optional<Path> testdata) throws IOException {
        List<String> texts = new ArrayList<>(vt1());
        if (testdata.isPresent()) {
            texts.addAll(hc1(testdata.get()));
        }
        return List.copyOf(texts);
    }

    static List<String> vt1() {
        SampleWorld world = SampleWorld.create(SimRandom.seeded(WORLD_SEED), NOW);
        SecureRandom nonces = SimRandom.seeded(WORLD_SEED + 1);
        List<String> texts = new ArrayList<>();
        for (Wallet wallet : world.wallets().values()) {
            texts.add(wallet.presentQr(NOW, nonces, 0));
        }
        texts.add(world.family().presentQr(NOW, nonces, 2));
        texts.add(world.family().presentQr(NOW, nonces, 0, 1));
        return texts;
    }

    /** The {@code PREFIX} of each listed case that exists; a case without one is an error, not a skip. */
    static List<String> hc1(Path testdata) throws IOException {
        List<String> texts = new ArrayList<>();
        for (String name : HC1_CASES) {
            Path file = testdata.resolve("dgc").resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            Matcher m = PREFIX.matcher(Files.readString(file, StandardCharsets.UTF_8));
            if (!m.find()) {
                throw new IOException(file + ": no \"PREFIX\": \"HC1:<Base45>\" entry");
            }
            texts.add(m.group(1));
        }
        return texts;
    }
}
