package org.vitaleterminal.firmware.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The terminal's configuration: one Java properties file, where every key can be overridden by a
 * {@code VT_*} environment variable. Typed getters report problems by key, source and expected
 * form. Relative paths are resolved against the file's directory.
 */
public final class Configuration {
    public static final Path DEFAULT_FILE = Path.of("/etc/vitale-terminal/terminal.properties");

    private record Entry(String value, String source) {}

    private final Map<ConfigKey, Entry> entries;
    private final Path baseDirectory;

    private Configuration(Map<ConfigKey, Entry> entries, Path baseDirectory) {
        this.entries = entries;
        this.baseDirectory = baseDirectory;
    }

    /**
     * Reads {@code file} and applies the environment's overrides.
     *
     * @throws ConfigException for an unreadable file or an unknown key (with the list of keys)
     */
    public static Configuration load(Path file, Map<String, String> environment) throws ConfigException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
        }
        Map<ConfigKey, Entry> entries = new EnumMap<>(ConfigKey.class);
        for (String name : new TreeSet<>(properties.stringPropertyNames())) {
            ConfigKey key = ConfigKey.byKey(name).orElseThrow(() -> new ConfigException(
                    "unknown key '" + name + "' in " + file + "; known keys: " + knownKeys()));
            entries.put(key, new Entry(properties.getProperty(name).strip(), "file " + file));
        }
        for (ConfigKey key : ConfigKey.values()) {
            String override = environment.get(key.environmentVariable());
            if (override != null) {
                entries.put(key, new Entry(override.strip(), "environment variable " + key.environmentVariable()));
            }
        }
        Path parent = file.toAbsolutePath().getParent();
        return new Configuration(entries, parent == null ? Path.of("/") : parent);
    }

    public Optional<String> string(ConfigKey key) {
        Entry entry = entries.get(key);
        return entry == null || entry.value().isEmpty() ? Optional.empty() : Optional.of(entry.value());
    }

    public String requiredString(ConfigKey key) throws ConfigException {
        return string(key).orElseThrow(() -> ConfigException.missing(key, sourceOf(key)));
    }

    public Duration duration(ConfigKey key, Duration defaultValue) throws ConfigException {
        Optional<String> text = string(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            Duration value = Duration.parse(text.get());
            if (value.isNegative()) {
                throw ConfigException.invalid(key, sourceOf(key), text.get());
            }
            return value;
        } catch (DateTimeParseException e) {
            throw ConfigException.invalid(key, sourceOf(key), text.get());
        }
    }

    public boolean bool(ConfigKey key, boolean defaultValue) throws ConfigException {
        Optional<String> text = string(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        return switch (text.get()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ConfigException.invalid(key, sourceOf(key), text.get());
        };
    }

    public Path path(ConfigKey key) throws ConfigException {
        return baseDirectory.resolve(requiredString(key));
    }

    public Optional<Path> optionalPath(ConfigKey key) {
        return string(key).map(baseDirectory::resolve);
    }

    /**
     * A comma-separated list of paths, where the file-name part may be a glob ({@code *.pem}).
     * A glob matching nothing is an error: a terminal without its roots must not start.
     */
    public List<Path> paths(ConfigKey key) throws ConfigException {
        List<Path> result = new ArrayList<>();
        for (String part : requiredString(key).split(",")) {
            String trimmed = part.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            Path path = baseDirectory.resolve(trimmed);
            String name = path.getFileName() == null ? "" : path.getFileName().toString();
            if (name.contains("*") || name.contains("?") || name.contains("[") || name.contains("{")) {
                List<Path> matches = new ArrayList<>();
                try (DirectoryStream<Path> stream = Files.newDirectoryStream(path.getParent(), name)) {
                    stream.forEach(matches::add);
                } catch (IOException e) {
                    throw new ConfigException(key.key() + " (" + sourceOf(key) + "): cannot list " + path.getParent());
                }
                if (matches.isEmpty()) {
                    throw new ConfigException(key.key() + " (" + sourceOf(key) + "): no file matches " + path);
                }
                matches.sort(null);
                result.addAll(matches);
            } else {
                result.add(path);
            }
        }
        if (result.isEmpty()) {
            throw ConfigException.missing(key, sourceOf(key));
        }
        return result;
    }

    /**
     * A problem its user found with a key's value (a file it names is unreadable, a number out of
     * range…), reported like every other one: key, source, then the problem.
     */
    public ConfigException problem(ConfigKey key, String problem) {
        return new ConfigException(key.key() + " (" + sourceOf(key) + "): " + problem);
    }

    private String sourceOf(ConfigKey key) {
        Entry entry = entries.get(key);
        return entry == null ? "not set in the file or as " + key.environmentVariable() : entry.source();
    }

    private static String knownKeys() {
        StringBuilder keys = new StringBuilder();
        for (ConfigKey key : ConfigKey.values()) {
            keys.append(keys.isEmpty() ? "" : ", ").append(key.key());
        }
        return keys.toString();
    }
}
