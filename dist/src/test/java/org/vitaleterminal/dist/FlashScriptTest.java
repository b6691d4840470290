package org.vitaleterminal.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The provisioning script, checked without hardware: {@code scripts/test/flash-test.sh} builds a
 * fake two-partition Raspberry Pi OS image and runs {@code scripts/flash.sh} against it in both
 * modes (see that script for the list of checks), and every shell script is shellcheck-clean.
 */
class FlashScriptTest {
    private static final int SKIPPED = 77;

    @Test
    @Timeout(600)
    void flashScriptPassesItsImageAndSshChecks() throws Exception {
        // The programs the check needs, with the Debian packages .ci/run installs for them.
        for (String[] tool : new String[][] {{"sfdisk", "fdisk"}, {"mkfs.vfat", "dosfstools"}, {"mcopy", "mtools"},
                {"debugfs", "e2fsprogs"}, {"mkfs.ext4", "e2fsprogs"}, {"losetup", "mount"}, {"xz", "xz-utils"},
                {"systemd-sysusers", "systemd"}}) {
            ExternalTool.require(tool[0], tool[1]);
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root && "true".equals(System.getenv("CI"))) {
            fail("the flash script check needs root for loop devices; CI runs as root");
        }
        Assumptions.assumeTrue(root, "the flash script check needs root (loop devices)");

        ExternalTool.Result result = ExternalTool.run(ExternalTool.ROOT, 540,
                List.of("bash", ExternalTool.ROOT.resolve("scripts/test/flash-test.sh").toString()));

        if (result.status() == SKIPPED && !"true".equals(System.getenv("CI"))) {
            Assumptions.abort(result.stdout());
        }
        assertEquals(0, result.status(), result.output());
        assertTrue(result.stdout().contains(" checks, 0 failed"), result.output());
    }

    @Test
    @Timeout(120)
    void everyShellScriptIsShellcheckClean() throws Exception {
        Path shellcheck = ExternalTool.require("shellcheck", "shellcheck");
        List<String> command = new ArrayList<>(List.of(shellcheck.toString(), "--external-sources"));
        List<Path> scripts = shellScripts();
        assertTrue(scripts.size() >= 5, "scripts found: " + scripts);
        scripts.forEach(s -> command.add(s.toString()));

        ExternalTool.Result result = ExternalTool.run(ExternalTool.ROOT, 100, command);

        assertEquals(0, result.status(), result.output());
    }

    /** Every file under scripts/, systemd/ and .ci/ that starts with a bash shebang. */
    private static List<Path> shellScripts() throws Exception {
        List<Path> scripts = new ArrayList<>();
        for (String dir : List.of("scripts", "systemd", ".ci")) {
            Path base = ExternalTool.ROOT.resolve(dir);
            if (!Files.isDirectory(base)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(base)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                    String firstLine = text.lines().findFirst().orElse("");
                    if (firstLine.matches("#!.*\\b(bash|sh)\\b.*")) {
                        scripts.add(file);
                    }
                }
            }
        }
        return scripts;
    }
}
