package org.vitaleterminal.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The test cases of the EU DCC test data ({@code testdata/dgc}): every JSON file except the
 * root {@code 6.json} (a bare payload, not a case), plus the root file {@code QR} (an HR case
 * without the {@code .json} ending), in a stable order, with short ids for reports.
 */
public final class DgcCases {
    /** The root file that is not a test case. */
    public static final String NOT_A_CASE = "6.json";

    private DgcCases() {}

    public static List<Path> files(Path root) throws IOException {
        List<Path> cases;
        try (Stream<Path> walk = Files.walk(root)) {
            cases = new ArrayList<>(walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.equals(root.resolve(NOT_A_CASE)))
                    .sorted()
                    .toList());
        }
        cases.add(root.resolve("QR"));
        return cases;
    }

    /** {@code ES/401}, {@code PL/1.2.1/6}, {@code common/CO20}, {@code QR}. */
    public static String id(Path root, Path file) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        return relative.replaceFirst("(?i)/2DCode/raw/", "/").replaceFirst("\\.json$", "");
    }
}
