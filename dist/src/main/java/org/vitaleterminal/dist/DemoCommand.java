package org.vitaleterminal.dist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vitaleterminal.firmware.cli.Command;
import org.vitaleterminal.firmware.cli.CommandContext;
import org.vitaleterminal.firmware.cli.ExitStatus;
import org.vitaleterminal.firmware.cli.Options;
import org.vitaleterminal.firmware.cli.UsageException;
import org.vitaleterminal.firmware.cli.VerifyCommand;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.wallet.Wallet;
import org.vitaleterminal.sim.world.SampleWorld;

/**
 * {@code vitale-terminal demo}, first version: mints a fresh sample world with the simulator (a
 * trust-list authority, issuers, a signed trust list and patients' wallets), writes the trust
 * material and each wallet's QR text to a folder, and runs the real {@code verify} command on
 * each one, printing the command and a readable line of its JSON answer. Needs no hardware, no
 * configuration and no network.
 */
public final class DemoCommand implements Command {
    private static final Set<String> WITH_VALUE = Set.of("seed", "dir");
    private static final Set<String> FLAGS = Set.of("help", "json");

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "mint sample credentials with the simulator and verify them (no hardware needed)";
    }

    @Override
    public int run(List<String> arguments, CommandContext context) throws UsageException {
        Options options = Options.parse(arguments, WITH_VALUE, FLAGS, Set.of());
        if (options.flag("help")) {
            context.out().println("""
                    usage: vitale-terminal demo [--seed N] [--dir DIR] [--json]
                      --seed N   mint the same world every time (default: fresh random keys)
                      --dir DIR  where to write the trust material and QR texts (default: a new temp folder)
                      --json     print each verify answer in full instead of one line""");
            return ExitStatus.OK;
        }
        SecureRandom random = options.has("seed") ? seeded(options.value("seed").get()) : new SecureRandom();
        Instant now = context.clock().instant();
        SampleWorld world = SampleWorld.create(random, now);
        Path dir = outputDirectory(options, context);
        try {
            Files.writeString(dir.resolve("root.pem"), world.rootPem());
            Files.write(dir.resolve("trust-list.cose"), world.trustList());
        } catch (IOException e) {
            throw new UsageException("cannot write to " + dir);
        }

        PrintStream out = context.out();
        out.println("vitale-terminal demo: a sample world minted at " + now + " by the simulator");
        out.println("  trust list version 1 signed by " + SampleWorld.AUTHORITY_ID + "; issuers " + SampleWorld.CNAM
                + " (ES256), " + SampleWorld.MSA + " (EdDSA), " + SampleWorld.DEMO + " (demo key); one credential revoked");
        out.println("  files in " + dir);
        out.println();
        int accepted = 0;
        List<String> cases = new ArrayList<>();
        for (Map.Entry<String, Wallet> entry : world.wallets().entrySet()) {
            String name = entry.getKey();
            String qrText = entry.getValue().presentQr(now, random, beneficiaryShown(name));
            Path textFile = dir.resolve(name + ".txt");
            try {
                Files.writeString(textFile, qrText + "\n");
            } catch (IOException e) {
                throw new UsageException("cannot write to " + dir);
            }
            List<String> verifyArguments = List.of("--trust-root", dir.resolve("root.pem").toString(),
                    "--trust-list", dir.resolve("trust-list.cose").toString(), "--file", textFile.toString());
            String json = runVerify(verifyArguments, context);
            out.println("$ vitale-terminal verify --trust-root root.pem --trust-list trust-list.cose --file " + name + ".txt");
            out.println(options.flag("json") ? json : "  " + DemoLine.of(name, json));
            if (json.contains("\"outcome\":\"accepted\"")) {
                accepted++;
            }
            cases.add(name);
        }
        out.println();
        out.printf("%d of %d presentations accepted. Run any line above yourself from %s; add --json to see the full answers.%n",
                accepted, cases.size(), dir);
        return ExitStatus.OK;
    }

    /** The family wallet shows one child, as a parent would at the pharmacy; others show the card holder. */
    private static int beneficiaryShown(String walletName) {
        return walletName.equals("family") ? 2 : 0;
    }

    private static String runVerify(List<String> arguments, CommandContext context) throws UsageException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        CommandContext captured = new CommandContext(new PrintStream(buffer, true, StandardCharsets.UTF_8),
                context.err(), context.clock(), Map.of(), context.workingDir());
        new VerifyCommand().run(arguments, captured);
        return buffer.toString(StandardCharsets.UTF_8).strip();
    }

    private static Path outputDirectory(Options options, CommandContext context) throws UsageException {
        try {
            if (options.has("dir")) {
                return Files.createDirectories(context.resolve(options.value("dir").get()));
            }
            return Files.createTempDirectory("vitale-terminal-demo-");
        } catch (IOException e) {
            throw new UsageException("cannot create the demo folder: " + e.getMessage());
        }
    }

    private static SecureRandom seeded(String seed) throws UsageException {
        try {
            return SimRandom.seeded(Long.parseLong(seed));
        } catch (NumberFormatException e) {
            throw new UsageException("--seed: expected an integer, got '" + seed + "'");
        }
    }
}
