package org.vitaleterminal.hal.scanner.evdev;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads a hex fixture: hex digits, whitespace ignored, {@code #} starts a comment to the end of the line. */
final class HexFixture {
    private HexFixture() {}

    static byte[] load(String resource) throws IOException {
        try (InputStream in = HexFixture.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no test resource " + resource);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                String hex = line.replaceAll("#.*", "").replaceAll("\\s", "");
                if (hex.length() % 2 != 0) {
                    throw new IOException(resource + ": odd number of hex digits in '" + line + "'");
                }
                for (int i = 0; i < hex.length(); i += 2) {
                    out.write(Integer.parseInt(hex.substring(i, i + 2), 16));
                }
            }
            return out.toByteArray();
        }
    }
}
