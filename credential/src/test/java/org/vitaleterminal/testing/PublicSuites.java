package org.vitaleterminal.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the public test suites (EU DCC test data, Wycheproof, COSE WG, ZXing and BoofCV photos)
 * that live beside the project in {@code ../shared/testdata}. Tests read them in place.
 *
 * <p>Maven passes the location as the {@code vt.testdata} system property (scripts/dev can point
 * it elsewhere). When the suites are missing a test skips with a message on a developer's
 * machine, and fails under {@code CI=true}, where a skipped suite would hide a regression.
 */
public final class PublicSuites {
    private PublicSuites() {}

    /** The root of the test-data tree, or a skip/failure when it is not there. */
    public static Path root() {
        String configured = System.getProperty("vt.testdata", "../../shared/testdata");
        Path root = Path.of(configured).toAbsolutePath().normalize();
        requirePresent(root, "public test suites");
        return root;
    }

    /** A sub-folder or file of the test-data tree, e.g. {@code wycheproof/ed25519_test.json}. */
    public static Path resolve(String relative) {
        Path path = root().resolve(relative);
        requirePresent(path, relative);
        return path;
    }

    /** The folder of normative specs next to the test data ({@code ../shared/spec}). */
    public static Path spec(String relative) {
        String configured = System.getProperty("vt.spec", root().resolve("../spec").toString());
        Path path = Path.of(configured).resolve(relative).toAbsolutePath().normalize();
        requirePresent(path, "spec " + relative);
        return path;
    }

    private static void requirePresent(Path path, String what) {
        if (Files.exists(path)) {
            return;
        }
        String message = what + " not found at " + path
                + " (set -Dvt.testdata=... or VITALE_TESTDATA for scripts/dev)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
    }
}
