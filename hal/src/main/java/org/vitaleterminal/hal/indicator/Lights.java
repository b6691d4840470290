package org.vitaleterminal.hal.indicator;

/** What is on at one moment: the green LED, the red LED (both = amber), the buzzer. */
public record Lights(boolean green, boolean red, boolean buzzer) {
    public static final Lights OFF = new Lights(false, false, false);

    @Override
    public String toString() {
        if (!green && !red && !buzzer) {
            return "off";
        }
        String colour = green && red ? "amber" : green ? "green" : red ? "red" : "";
        return buzzer ? (colour.isEmpty() ? "beep" : colour + "+beep") : colour;
    }
}
