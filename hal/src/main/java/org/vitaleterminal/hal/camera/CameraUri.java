package org.vitaleterminal.hal.camera;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A camera source as written in the configuration: {@code KIND:[TARGET][,option=value]...}.
 *
 * <pre>
 * rpicam:width=1280,height=720,fps=30       no target, options only
 * v4l2:/dev/video0,width=640,height=480     target = the device
 * dir:/path/to/frames,fps=30,loop=true      target = the folder
 * file:/path/video.mp4                      target = the file
 * none
 * </pre>
 *
 * Paths cannot contain commas. This class only splits the text and checks option names; each
 * source checks its option values with {@link #intOption} and friends, whose messages name the
 * option and its expected form (the configuration layer prefixes the configuration key).
 *
 * @param kind    lower-case kind ({@code rpicam}, {@code v4l2}, {@code dir}, {@code file}, {@code none})
 * @param target  the device or path; empty for {@code rpicam} and {@code none}
 * @param options option names (lower case) to values, in the order written
 */
public record CameraUri(String text, String kind, String target, Map<String, String> options) {
    public static final String FORMS = "rpicam:width=W,height=H,fps=F · v4l2:/dev/videoN,width=W,height=H"
            + " · dir:/path/to/frames,fps=F · file:/path/video.mp4 · none";

    public CameraUri {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /**
     * Splits {@code text} and checks its options against the kind's known names.
     *
     * @param known the option names each kind accepts
     * @throws IllegalArgumentException naming what is wrong and the accepted forms
     */
    public static CameraUri parse(String text, Map<String, List<String>> known) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no camera source (expected " + FORMS + ")");
        }
        String s = text.strip();
        int colon = s.indexOf(':');
        String kind = (colon < 0 ? s : s.substring(0, colon)).toLowerCase(Locale.ROOT);
        List<String> names = known.get(kind);
        if (names == null) {
            throw new IllegalArgumentException("camera source \"" + s + "\": unknown kind '" + kind
                    + "' (expected " + FORMS + ")");
        }
        String rest = colon < 0 ? "" : s.substring(colon + 1);
        boolean hasTarget = !kind.equals("rpicam") && !kind.equals("none");
        String[] parts = rest.isEmpty() ? new String[0] : rest.split(",", -1);
        String target = "";
        int first = 0;
        if (hasTarget) {
            target = parts.length == 0 ? "" : parts[0].strip();
            if (target.isEmpty()) {
                throw new IllegalArgumentException("camera source \"" + s + "\": " + kind + ": needs "
                        + (kind.equals("v4l2") ? "a device, e.g. v4l2:/dev/video0" : "a path, e.g. " + kind + ":/path"));
            }
            first = 1;
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = first; i < parts.length; i++) {
            String part = parts[i].strip();
            int eq = part.indexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                throw new IllegalArgumentException("camera source \"" + s + "\": '" + part
                        + "' is not an option of the form name=value"
                        + (names.isEmpty() ? " (" + kind + " takes no options)" : " (" + kind + " options: "
                                + String.join(", ", names) + ")"));
            }
            String name = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (!names.contains(name)) {
                throw new IllegalArgumentException("camera source \"" + s + "\": unknown option '" + name + "'"
                        + (names.isEmpty() ? " (" + kind + " takes no options)"
                                : " (" + kind + " options: " + String.join(", ", names) + ")"));
            }
            if (options.putIfAbsent(name, part.substring(eq + 1).strip()) != null) {
                throw new IllegalArgumentException("camera source \"" + s + "\": option '" + name + "' given twice");
            }
        }
        return new CameraUri(s, kind, target, options);
    }

    /** The option as a whole number in {@code min..max}, or {@code fallback} when absent. */
    public int intOption(String name, int fallback, int min, int max) {
        return optionalInt(name, min, max).orElse(fallback);
    }

    /** The option as a whole number in {@code min..max}, if given. */
    public Optional<Integer> optionalInt(String name, int min, int max) {
        String value = options.get(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return Optional.of(n);
            }
        } catch (NumberFormatException e) {
            // reported below, with the expected form
        }
        throw invalid(name, "a whole number from " + min + " to " + max, value);
    }

    /** The option as {@code true} or {@code false}, or {@code fallback} when absent. */
    public boolean booleanOption(String name, boolean fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(name, "true or false", value);
        };
    }

    /** The option if given, checked against {@code allowed} (a regular expression described by {@code form}). */
    public Optional<String> textOption(String name, String allowed, String form) {
        String value = options.get(name);
        if (value != null && !value.matches(allowed)) {
            throw invalid(name, form, value);
        }
        return Optional.ofNullable(value);
    }

    /** An error about one option's value: names the source, the option and the expected form. */
    public IllegalArgumentException invalid(String option, String expected, String got) {
        return new IllegalArgumentException("camera source \"" + text + "\": option " + option + ": expected "
                + expected + ", got '" + got + "'");
    }

    /** An error about the source as a whole (e.g. a missing folder). */
    public IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("camera source \"" + text + "\": " + why);
    }
}
