package org.vitaleterminal.firmware.mqtt;

import java.util.regex.Pattern;

/**
 * The topics of one terminal (mqtt-events.md §1). The ids become whole topic levels, so they are
 * checked here: a {@code +}, {@code #} or {@code /} in an id would let a terminal publish into
 * someone else's topics or subscribe to everyone's.
 */
public record MqttTopics(String siteId, String terminalId) {
    /** The retained trust list, published by the back end for all terminals. */
    public static final String TRUST = "vt/v1/trust";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public MqttTopics {
        requireId("siteId", siteId);
        requireId("terminalId", terminalId);
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public String fse() {
        return base() + "/fse";
    }

    public String status() {
        return base() + "/status";
    }

    public String telemetry() {
        return base() + "/telemetry";
    }

    private String base() {
        return "vt/v1/" + siteId + "/" + terminalId;
    }

    private static void requireId(String name, String id) {
        if (!isValidId(id)) {
            throw new IllegalArgumentException(name + " must be 1 to 64 of A-Z a-z 0-9 _ -");
        }
    }
}
