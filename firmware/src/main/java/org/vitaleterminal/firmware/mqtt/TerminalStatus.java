package org.vitaleterminal.firmware.mqtt;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the terminal reports about itself in its retained status (mqtt-events.md §3), gathered
 * by the caller: the supervisor only adds {@code state} and {@code at}.
 *
 * @param firmware           firmware version
 * @param trustListVersion   the trust list in use, if any
 * @param trustListExpiresAt its exp, if any
 * @param outboxDepth        events waiting
 * @param clockSynced        whether the clock is synchronised
 * @param devices            device name → state ({@code ok}, {@code absent}, {@code fault}…), in order
 */
public record TerminalStatus(String firmware, OptionalLong trustListVersion, Optional<Instant> trustListExpiresAt,
                             long outboxDepth, boolean clockSynced, Map<String, String> devices) {
    public TerminalStatus {
        devices = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(devices));
    }
}
