package org.vitaleterminal.hal.scanner;

import java.util.Locale;
import org.vitaleterminal.hal.scanner.evdev.EventRecordLayout;
import org.vitaleterminal.hal.scanner.evdev.KeyboardLayout;

/**
 * The {@code scanner.source} setting:
 *
 * <pre>
 * evdev:/dev/input/by-id/usb-…-event-kbd,layout=fr   keyboard-wedge scanner (layout us or fr)
 * evdev:PATH,layout=us,grab=false,record=32,max=8192  all options (defaults: us, true, this JVM's, 4096)
 * serial:/dev/ttyACM0                                  scanner in USB-CDC / serial mode
 * serial:/dev/ttyUSB0,baud=9600,max=8192               (defaults: 115200, 4096)
 * none                                                 no scanner
 * </pre>
 *
 * {@code record} is the {@code struct input_event} size in bits of the reading process:
 * {@code 64} (24-byte records, 64-bit OS) or {@code 32} (16-byte records, 32-bit OS).
 * Options follow the path, comma-separated: a device path cannot hold a comma.
 */
public sealed interface ScannerUri {
    String KEY = "scanner.source";
    String FORMS = "evdev:PATH[,layout=us|fr][,grab=true|false][,record=64|32][,max=N], "
            + "serial:PATH[,baud=N][,max=N] or none";
    int MIN_LINE = 16;
    int MAX_LINE = 65_536;
    int DEFAULT_BAUD = 115_200;

    /** The setting as given. */
    String text();

    record Evdev(String text, String path, KeyboardLayout layout, boolean grab, EventRecordLayout record,
                 int maxLineLength) implements ScannerUri {}

    record Serial(String text, String path, int baud, int maxLineLength) implements ScannerUri {}

    record None(String text) implements ScannerUri {}

    /** @throws IllegalArgumentException naming {@value #KEY}, the value, what is wrong and the accepted forms */
    static ScannerUri parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(KEY + " is empty (expected " + FORMS + ")");
        }
        String s = value.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.equals("none")) {
            return new None(value);
        }
        if (lower.startsWith("evdev:")) {
            return evdev(value, s.substring("evdev:".length()));
        }
        if (lower.startsWith("serial:")) {
            return serial(value, s.substring("serial:".length()));
        }
        throw invalid(value, "unknown scanner kind");
    }

    private static Evdev evdev(String value, String rest) {
        String[] parts = rest.split(",", -1);
        String path = path(value, parts[0]);
        KeyboardLayout layout = KeyboardLayout.US;
        boolean grab = true;
        EventRecordLayout record = EventRecordLayout.ofThisJvm();
        int max = LineAssembler.DEFAULT_MAX_LENGTH;
        for (int i = 1; i < parts.length; i++) {
            String[] kv = option(value, parts[i]);
            switch (kv[0]) {
                case "layout" -> {
                    try {
                        layout = KeyboardLayout.byConfigName(kv[1]);
                    } catch (IllegalArgumentException e) {
                        throw invalid(value, "layout must be us or fr, not '" + kv[1] + "'");
                    }
                }
                case "grab" -> grab = bool(value, kv);
                case "record" -> record = switch (kv[1]) {
                    case "64" -> EventRecordLayout.LP64;
                    case "32" -> EventRecordLayout.ILP32;
                    default -> throw invalid(value, "record must be 64 or 32, not '" + kv[1] + "'");
                };
                case "max" -> max = maxLength(value, kv[1]);
                default -> throw invalid(value, "unknown option '" + parts[i] + "'");
            }
        }
        return new Evdev(value, path, layout, grab, record, max);
    }

    private static Serial serial(String value, String rest) {
        String[] parts = rest.split(",", -1);
        String path = path(value, parts[0]);
        int baud = DEFAULT_BAUD;
        int max = LineAssembler.DEFAULT_MAX_LENGTH;
        for (int i = 1; i < parts.length; i++) {
            String[] kv = option(value, parts[i]);
            switch (kv[0]) {
                case "baud" -> {
                    baud = number(value, kv[1], "baud rate");
                    if (baud < 300 || baud > 4_000_000) {
                        throw invalid(value, "baud rate " + baud + " is outside 300..4000000");
                    }
                }
                case "max" -> max = maxLength(value, kv[1]);
                default -> throw invalid(value, "unknown option '" + parts[i] + "'");
            }
        }
        return new Serial(value, path, baud, max);
    }

    private static String path(String value, String path) {
        if (path.isBlank()) {
            throw invalid(value, "no device path");
        }
        if (!path.startsWith("/")) {
            throw invalid(value, "the device path must be absolute, not '" + path + "'");
        }
        return path;
    }

    private static String[] option(String value, String option) {
        int eq = option.indexOf('=');
        if (eq <= 0) {
            throw invalid(value, "'" + option + "' is not NAME=VALUE");
        }
        return new String[] {option.substring(0, eq).strip().toLowerCase(Locale.ROOT), option.substring(eq + 1).strip()};
    }

    private static boolean bool(String value, String[] kv) {
        return switch (kv[1].toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(value, kv[0] + " must be true or false, not '" + kv[1] + "'");
        };
    }

    private static int maxLength(String value, String text) {
        int max = number(value, text, "maximum line length");
        if (max < MIN_LINE || max > MAX_LINE) {
            throw invalid(value, "max must be " + MIN_LINE + ".." + MAX_LINE + ", not " + max);
        }
        return max;
    }

    private static int number(String value, String text, String what) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw invalid(value, "'" + text + "' is not a valid " + what);
        }
    }

    private static IllegalArgumentException invalid(String value, String why) {
        return new IllegalArgumentException("bad " + KEY + " \"" + value + "\": " + why + " (expected " + FORMS + ")");
    }
}
