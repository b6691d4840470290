package org.vitaleterminal.firmware.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vitaleterminal.firmware.config.Configuration;

/**
 * GNU-style long options ({@code --name value} or {@code --name=value}) for a command that
 * declares which options take a value, which are flags, and which may repeat. Anything else is
 * a usage error naming the offending word.
 */
public final class Options {
    private final Map<String, List<String>> values = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    private Options() {}

    /**
     * @param withValue options followed by a value
     * @param flags     options without a value
     * @param repeatable options (among {@code withValue}) that may be given more than once
     */
    public static Options parse(List<String> arguments, Set<String> withValue, Set<String> flags,
                                Set<String> repeatable) throws UsageException {
        Options options = new Options();
        for (int i = 0; i < arguments.size(); i++) {
            String word = arguments.get(i);
            if (!word.startsWith("--") || word.equals("--")) {
                options.positional.add(word);
                continue;
            }
            String name = word.substring(2);
            String inlineValue = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                inlineValue = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (flags.contains(name)) {
                if (inlineValue != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                options.values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
            } else if (withValue.contains(name)) {
                String value = inlineValue;
                if (value == null) {
                    if (i + 1 >= arguments.size()) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = arguments.get(++i);
                }
                List<String> list = options.values.computeIfAbsent(name, k -> new ArrayList<>());
                if (!list.isEmpty() && !repeatable.contains(name)) {
                    throw new UsageException("--" + name + " given more than once");
                }
                list.add(value);
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return options;
    }

    /** All the names of several option sets, for commands that combine shared options with their own. */
    @SafeVarargs
    public static Set<String> union(Set<String>... sets) {
        Set<String> all = new java.util.HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }

    public Optional<String> value(String name) {
        List<String> list = values.get(name);
        return list == null ? Optional.empty() : Optional.of(list.get(0));
    }

    public List<String> all(String name) {
        return List.copyOf(values.getOrDefault(name, List.of()));
    }

    public boolean flag(String name) {
        return values.containsKey(name);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public List<String> positional() {
        return List.copyOf(positional);
    }

    /** For a command that takes options only: a usage error naming the first other word, then {@code help}. */
    public void rejectPositional(String help) throws UsageException {
        if (!positional.isEmpty()) {
            throw new UsageException("unexpected argument '" + positional.get(0) + "'\n" + help);
        }
    }

    /** {@code --config FILE} resolved against the working directory, else {@link Configuration#DEFAULT_FILE}. */
    public Path configFile(CommandContext context) {
        return value("config").map(context::resolve).orElse(Configuration.DEFAULT_FILE);
    }
}
