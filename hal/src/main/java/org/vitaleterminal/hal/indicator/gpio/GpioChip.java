package org.vitaleterminal.hal.indicator.gpio;

/** One {@code /sys/class/gpio/gpiochipN}: its first sysfs number, its driver label, its line count. */
public record GpioChip(String name, int base, String label, int ngpio) {}
