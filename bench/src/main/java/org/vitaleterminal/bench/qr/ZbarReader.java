package org.vitaleterminal.bench.qr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code zbarimg} (Debian zbar-tools), QR only, XML output: the plain {@code --raw} output does
 * not say which file a text came from, the XML does ({@code <source href=...>} per file), and it
 * keeps texts exact (CDATA; base64 for binary data).
 */
final class ZbarReader extends PeerReader {
    static final String COMMAND = "zbarimg";
    private static final Pattern SOURCE = Pattern.compile("<source href='([^']*)'>(.*?)</source>", Pattern.DOTALL);
    private static final Pattern DATA = Pattern.compile("<data( format='base64')?[^>]*><!\\[CDATA\\[(.*?)\\]\\]></data>",
            Pattern.DOTALL);

    ZbarReader(Path executable) {
        super(executable);
    }

    @Override
    public String name() {
        return "zbar";
    }

    @Override
    public String debianPackage() {
        return "zbar-tools";
    }

    @Override
    List<String> options() {
        return List.of("--xml", "-q", "--nodbus", "-Sdisable", "-Sqrcode.enable");
    }

    @Override
    Map<Path, List<String>> parse(String stdout, List<Path> files) throws IOException {
        Map<Path, List<String>> texts = new HashMap<>();
        Matcher source = SOURCE.matcher(stdout);
        while (source.find()) {
            List<String> found = new ArrayList<>();
            Matcher data = DATA.matcher(source.group(2));
            while (data.find()) {
                found.add(data.group(1) == null ? data.group(2)
                        : new String(Base64.getMimeDecoder().decode(data.group(2)), StandardCharsets.ISO_8859_1));
            }
            texts.put(Path.of(source.group(1)), found);
        }
        if (texts.size() != files.size()) {
            throw new IOException("zbarimg reported " + texts.size() + " of " + files.size() + " files");
        }
        return texts;
    }
}
