package org.vitaleterminal.bench.qr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ZXingReader} (Debian zxing-cpp-tools), QR only, default effort (try harder, rotations,
 * downscaling: its strongest setting), one line per file and code: {@code <file> QRCode "<text>"}.
 * A file with no code prints {@code <file> None}. VT1 and HC1 texts are Base45, which has no quote, backslash or
 * control character, so the quoted text is the decoded text as is; a line it cannot parse is an
 * error, not a miss.
 */
final class ZxingCppReader extends PeerReader {
    static final String COMMAND = "ZXingReader";
    private static final String FORMAT = " QRCode \"";
    private static final String NONE = " None";

    ZxingCppReader(Path executable) {
        super(executable);
    }

    @Override
    public String name() {
        return "zxing-cpp";
    }

    @Override
    public String debianPackage() {
        return "zxing-cpp-tools";
    }

    @Override
    List<String> options() {
        return List.of("-format", "QRCode", "-1");
    }

    @Override
    Map<Path, List<String>> parse(String stdout, List<Path> files) throws IOException {
        Set<String> names = new java.util.HashSet<>();
        files.forEach(file -> names.add(file.toString()));
        Map<Path, List<String>> texts = new HashMap<>();
        for (String line : stdout.split("\n")) {
            if (line.isEmpty() || (line.endsWith(NONE) && names.contains(line.substring(0, line.length() - NONE.length())))) {
                continue;
            }
            int format = line.indexOf(FORMAT);
            if (format < 0 || !line.endsWith("\"") || !names.contains(line.substring(0, format))) {
                throw new IOException("ZXingReader printed a line this harness cannot read: "
                        + (line.length() > 120 ? line.substring(0, 120) + "..." : line));
            }
            String text = line.substring(format + FORMAT.length(), line.length() - 1);
            texts.computeIfAbsent(Path.of(line.substring(0, format)), f -> new ArrayList<>()).add(text);
        }
        return texts;
    }
}
