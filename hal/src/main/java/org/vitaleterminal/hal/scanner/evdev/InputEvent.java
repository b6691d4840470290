package org.vitaleterminal.hal.scanner.evdev;

/**
 * One Linux {@code struct input_event}, without its timestamp (not needed to rebuild text).
 *
 * @param type  {@code EV_KEY}, {@code EV_SYN}, {@code EV_MSC}...
 * @param code  for {@code EV_KEY}, the key ({@link KeyCodes})
 * @param value for {@code EV_KEY}: 0 release, 1 press, 2 autorepeat
 */
public record InputEvent(int type, int code, int value) {
    public static final int EV_SYN = 0x00;
    public static final int EV_KEY = 0x01;
    /** {@code EV_SYN} code: the kernel's event buffer overflowed and events were lost. */
    public static final int SYN_DROPPED = 3;
    public static final int RELEASE = 0;
    public static final int PRESS = 1;
    public static final int REPEAT = 2;
}
