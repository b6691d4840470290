/**
 * LEDs and buzzer: what the person at the counter sees and hears.
 *
 * <ul>
 *   <li>{@link org.vitaleterminal.hal.indicator.Indicator} and
 *       {@link org.vitaleterminal.hal.indicator.Signal}: the contract;
 *   <li>{@link org.vitaleterminal.hal.indicator.Patterns}: signal → timed steps of
 *       {@link org.vitaleterminal.hal.indicator.Lights} (data);
 *   <li>{@link org.vitaleterminal.hal.indicator.PatternPlayer}: plays them on one
 *       {@link org.vitaleterminal.hal.indicator.TaskScheduler} thread, never on the caller's;
 *   <li>{@link org.vitaleterminal.hal.indicator.ConsoleIndicator},
 *       {@link org.vitaleterminal.hal.indicator.SilentIndicator} and, in {@code gpio}, the GPIO
 *       indicator on Pi4J linuxfs with BCM → sysfs number resolution;
 *   <li>{@link org.vitaleterminal.hal.indicator.IndicatorUri} and
 *       {@link org.vitaleterminal.hal.indicator.Indicators}: the {@code indicator} setting.
 * </ul>
 */
package org.vitaleterminal.hal.indicator;
