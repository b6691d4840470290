package org.vitaleterminal.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI gate for the files in {@code systemd/}: every unit passes {@code systemd-analyze verify}
 * without a word (it exits 0 on warnings, so any output fails), the service's offline security
 * exposure stays at most 2.0, the hardening avoids the options that break a JVM or device access,
 * and the sysusers/tmpfiles files do what the flash script relies on.
 */
@Timeout(120)
class SystemdUnitsTest {
    private static final Path UNITS = ExternalTool.ROOT.resolve("systemd");
    private static final double MAX_EXPOSURE = 2.0;

    @TempDir
    Path dir;

    @Test
    void everyUnitPassesVerifyWithoutOutput() throws Exception {
        Path analyze = ExternalTool.require("systemd-analyze", "systemd");
        List<Path> units = installedForVerify();
        assertEquals(2, units.size(), "units found: " + units);
        for (Path unit : units) {
            ExternalTool.Result result = verify(analyze, unit);
            assertEquals(0, result.status(), unit + "\n" + result.output());
            assertEquals("", result.stdout() + result.stderr(), unit + " must verify without any output");
        }
    }

    @Test
    void verifyCatchesAWarningSoTheGateCanFail() throws Exception {
        Path analyze = ExternalTool.require("systemd-analyze", "systemd");
        Path unit = installedForVerify().getFirst();
        Files.writeString(unit, Files.readString(unit).replace("[Service]\n", "[Service]\nProtectSystm=strict\n"));

        ExternalTool.Result result = verify(analyze, unit);

        assertTrue(result.stderr().contains("ProtectSystm"), result.output());
    }

    @Test
    void serviceExposureIsAtMostTwo() throws Exception {
        Path analyze = ExternalTool.require("systemd-analyze", "systemd");
        Path unit = Files.copy(UNITS.resolve("vitale-terminal.service"), dir.resolve("vitale-terminal.service"));

        double exposure = exposure(analyze, unit);

        assertTrue(exposure <= MAX_EXPOSURE, "overall exposure " + exposure + " > " + MAX_EXPOSURE);
    }

    @Test
    void exposureParsingSeesAWeakUnit() throws Exception {
        Path analyze = ExternalTool.require("systemd-analyze", "systemd");
        Path unit = Files.writeString(dir.resolve("weak.service"),
                "[Service]\nType=notify\nExecStart=/bin/true\n");

        assertTrue(exposure(analyze, unit) > 5.0, "a unit without hardening must score badly");
    }

    @Test
    void hardeningAvoidsTheJvmAndDeviceTraps() throws IOException {
        List<String> lines = Files.readAllLines(UNITS.resolve("vitale-terminal.service"));
        // JIT needs W+X memory; PrivateUsers maps device groups to nogroup; ProcSubset hides /proc/cpuinfo.
        for (String forbidden : List.of("MemoryDenyWriteExecute=yes", "PrivateUsers=yes", "ProcSubset=pid",
                "PrivateDevices=yes", "DynamicUser=yes")) {
            assertFalse(lines.contains(forbidden), forbidden);
        }
        for (String required : List.of("Type=notify", "NotifyAccess=main", "Restart=on-failure",
                "DevicePolicy=closed", "ProtectSystem=strict", "CapabilityBoundingSet=", "NoNewPrivileges=yes",
                "StateDirectory=vitale-terminal", "CacheDirectory=vitale-terminal", "LogsDirectory=vitale-terminal",
                "User=vitale-terminal", "SupplementaryGroups=i2c spi gpio video dialout input",
                "ExecStart=/usr/bin/vitale-terminal run --config /etc/vitale-terminal/terminal.properties")) {
            assertTrue(lines.contains(required), required);
        }
        assertTrue(seconds(lines, "TimeoutStopSec") >= 15, "drain of 10 s plus margin");
        assertTrue(seconds(lines, "WatchdogSec") >= 10, "watchdog long enough for a GC pause on a Pi 3");
        String javaOpts = lines.stream().filter(l -> l.startsWith("Environment=\"VITALE_TERMINAL_JAVA_OPTS="))
                .findFirst().orElseThrow();
        for (String flag : List.of("-Xmx", "-XX:+UseSerialGC",
                "-XX:SharedArchiveFile=/var/cache/vitale-terminal/", "-XX:+AutoCreateSharedArchive")) {
            assertTrue(javaOpts.contains(flag), flag);
        }
    }

    @Test
    void sysusersCreatesTheUserWithItsDeviceGroupsAndTmpfilesHandsItTheKey() throws Exception {
        Path sysusers = ExternalTool.require("systemd-sysusers", "systemd");
        Path tmpfiles = ExternalTool.require("systemd-tmpfiles", "systemd");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "chown in an offline root needs root (CI runs as root)");
        Path root = Files.createDirectories(dir.resolve("root"));
        Path etc = Files.createDirectories(root.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\nvideo:x:44:\ndialout:x:20:\n");
        Path key = Files.createDirectories(etc.resolve("vitale-terminal")).resolve("device.key");
        Files.writeString(key, "not a real key");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

        ExternalTool.Result users = ExternalTool.run(dir, 60, List.of(sysusers.toString(),
                "--root=" + root, UNITS.resolve("sysusers.d/vitale-terminal.conf").toString()));
        assertEquals(0, users.status(), users.output());
        String[] user = Files.readAllLines(etc.resolve("passwd")).stream()
                .filter(l -> l.startsWith("vitale-terminal:")).findFirst().orElseThrow().split(":");
        assertEquals("/var/lib/vitale-terminal", user[5]);
        assertTrue(Integer.parseInt(user[2]) < 1000, "a system uid");
        List<String> groups = Files.readAllLines(etc.resolve("group"));
        for (String group : List.of("i2c", "spi", "gpio", "video", "dialout", "input")) {
            assertTrue(groups.stream().anyMatch(l -> l.startsWith(group + ":") && l.endsWith(":vitale-terminal")),
                    group + " must list vitale-terminal: " + groups);
        }

        ExternalTool.Result files = ExternalTool.run(dir, 60, List.of(tmpfiles.toString(),
                "--root=" + root, "--create", UNITS.resolve("tmpfiles.d/vitale-terminal.conf").toString()));
        assertEquals(0, files.status(), files.output());
        PosixFileAttributes attributes = Files.readAttributes(key, PosixFileAttributes.class);
        assertEquals("rw-------", PosixFilePermissions.toString(attributes.permissions()));
        assertEquals(user[2], String.valueOf(Files.getAttribute(key, "unix:uid")));
        assertTrue(Files.isDirectory(root.resolve("var/lib/vitale-terminal")));
        assertNotEquals(0, Files.getAttribute(root.resolve("var/lib/vitale-terminal"), "unix:uid"));
    }

    /**
     * Copies of the units whose program paths point into the checkout: verify checks that
     * ExecStart exists, and the files are only installed under /usr on a device.
     */
    private List<Path> installedForVerify() throws IOException {
        List<Path> copies = new ArrayList<>();
        try (Stream<Path> files = Files.list(UNITS)) {
            for (Path unit : files.filter(f -> f.toString().endsWith(".service")).sorted().toList()) {
                String text = Files.readString(unit)
                        .replace("/usr/bin/vitale-terminal", ExternalTool.ROOT.resolve("scripts/vitale-terminal").toString())
                        .replace("/usr/lib/vitale-terminal/firstboot", UNITS.resolve("firstboot").toString());
                copies.add(Files.writeString(dir.resolve(unit.getFileName()), text));
            }
        }
        return copies;
    }

    private ExternalTool.Result verify(Path analyze, Path unit) throws Exception {
        return ExternalTool.run(dir, 60, List.of(analyze.toString(), "verify", "--man=no", unit.toString()));
    }

    private double exposure(Path analyze, Path unit) throws Exception {
        ExternalTool.Result result = ExternalTool.run(dir, 60,
                List.of(analyze.toString(), "security", "--offline=true", unit.toString()));
        Matcher m = Pattern.compile("Overall exposure level for \\S+: (\\d+(?:\\.\\d+)?)").matcher(result.stdout());
        assertTrue(m.find(), result.output());
        return Double.parseDouble(m.group(1));
    }

    private static long seconds(List<String> lines, String key) {
        String value = lines.stream().filter(l -> l.startsWith(key + "=")).findFirst().orElseThrow()
                .substring(key.length() + 1);
        assertTrue(value.matches("\\d+"), key + " in plain seconds: " + value);
        return Long.parseLong(value);
    }
}
