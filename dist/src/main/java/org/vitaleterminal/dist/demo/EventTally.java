package org.vitaleterminal.dist.demo;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the subscriber received, for the demo's closing summary: FSE events by type and reason,
 * and the last status state ("offline" once the terminal said goodbye). Written by the MQTT
 * callback thread, read by the demo's main thread.
 */
public final class EventTally {
    private final Map<String, Integer> byOutcome = new TreeMap<>();
    private int events;
    private String lastState = "none";

    synchronized void recordEvent(Map<String, String> fields) {
        events++;
        String key = "presentation.accepted".equals(fields.get("type"))
                ? (anyRightsClosed(fields) ? "accepted (rights closed)" : "accepted")
                : "rejected " + fields.getOrDefault("reason", "?");
        byOutcome.merge(key, 1, Integer::sum);
        notifyAll();
    }

    private static boolean anyRightsClosed(Map<String, String> fields) {
        return fields.entrySet().stream()
                .anyMatch(e -> e.getKey().endsWith(".rightsOpen") && "false".equals(e.getValue()));
    }

    synchronized void recordStatus(String state) {
        lastState = state;
        notifyAll();
    }

    public synchronized String lastState() {
        return lastState;
    }

    /** Waits up to {@code millis} for the status to become {@code state}; true when it did. */
    public synchronized boolean awaitState(String state, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (!state.equals(lastState)) {
            long left = (end - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** e.g. {@code 12 events: accepted 6, rejected EXPIRED 2, rejected REVOKED 2...}. */
    public synchronized String summary() {
        StringBuilder text = new StringBuilder(events + " event(s)");
        String separator = ": ";
        for (Map.Entry<String, Integer> entry : byOutcome.entrySet()) {
            text.append(separator).append(entry.getKey()).append(' ').append(entry.getValue());
            separator = ", ";
        }
        return text.toString();
    }
}
