package org.vitaleterminal.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script {@code scripts/vitale-terminal} against fake Java installations: which
 * runtime it picks, the message when there is none, and that it hands every argument to java.
 */
class LauncherTest {
    private static final Path LAUNCHER = Path.of("..", "scripts", "vitale-terminal").toAbsolutePath().normalize();

    @TempDir
    Path dir;
    Path jvms;

    @BeforeEach
    void fakeJvms() throws IOException {
        jvms = Files.createDirectories(dir.resolve("jvm"));
        fakeJava("java-17-openjdk", "17.0.15");
        fakeJava("java-21-openjdk-arm64", "21.0.7");
        fakeJava("temurin-25-jdk", "25.0.3");
    }

    @Test
    void picksTheNewestRuntimeUnderTheJvmFolder() throws Exception {
        Result result = launch(Map.of("VITALE_TERMINAL_PRINT_JAVA_HOME", "1"));
        assertEquals(0, result.status(), result.output());
        assertEquals(jvms.resolve("temurin-25-jdk").toString(), result.output().strip());
    }

    @Test
    void javaHomeWinsWhenItIsRecentEnough() throws Exception {
        Result result = launch(Map.of("VITALE_TERMINAL_PRINT_JAVA_HOME", "1",
                "JAVA_HOME", jvms.resolve("java-21-openjdk-arm64").toString()));
        assertEquals(jvms.resolve("java-21-openjdk-arm64").toString(), result.output().strip());
    }

    @Test
    void anOldJavaHomeIsReportedAndSkipped() throws Exception {
        Result result = launch(Map.of("VITALE_TERMINAL_PRINT_JAVA_HOME", "1",
                "JAVA_HOME", jvms.resolve("java-17-openjdk").toString()));
        assertEquals(0, result.status());
        assertTrue(result.output().contains("is not a Java 21+ runtime"), result.output());
        assertTrue(result.output().strip().endsWith(jvms.resolve("temurin-25-jdk").toString()), result.output());
    }

    @Test
    void noSuitableRuntimeIsAClearError() throws Exception {
        deleteRecursively(jvms.resolve("java-21-openjdk-arm64"));
        deleteRecursively(jvms.resolve("temurin-25-jdk"));
        Result result = launch(Map.of());
        assertEquals(2, result.status());
        assertTrue(result.output().contains("no Java runtime 21 or newer was found"), result.output());
        assertTrue(result.output().contains("openjdk-21-jre-headless"), result.output());
    }

    @Test
    void handsEveryArgumentAndTheJvmOptionsToJava() throws Exception {
        Path jar = Files.writeString(dir.resolve("vitale-terminal.jar"), "not really a jar");
        Result result = launch(Map.of("VITALE_TERMINAL_JAR", jar.toString(),
                "VITALE_TERMINAL_JAVA_OPTS", "-Xmx64m -XX:+UseSerialGC"), "verify", "--text", "VT1:A B", "");
        assertEquals(0, result.status(), result.output());
        assertEquals(List.of("-Xmx64m", "-XX:+UseSerialGC", "-jar", jar.toString(), "verify", "--text", "VT1:A B", ""),
                result.output().lines().toList());
    }

    private record Result(int status, String output) {}

    private Result launch(Map<String, String> environment, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", LAUNCHER.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", "/usr/bin:/bin");
        env.put("VITALE_TERMINAL_JVM_DIR", jvms.toString());
        env.putAll(new HashMap<>(environment));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the launcher hung");
        return new Result(process.exitValue(), output);
    }

    /** A "java" that prints one argument per line, with a JDK-style release file. */
    private void fakeJava(String name, String version) throws IOException {
        Path home = Files.createDirectories(jvms.resolve(name));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path java = Files.writeString(bin.resolve("java"), "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void deleteRecursively(Path path) throws IOException {
        try (var walk = Files.walk(path)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
