package org.vitaleterminal.hal.nfc.pn532;

/** Command codes (UM §7; libnfc {@code pn53x-internal.h}). The response code is the command + 1. */
public final class Pn532Commands {
    public static final int DIAGNOSE = 0x00;
    public static final int GET_FIRMWARE_VERSION = 0x02;
    public static final int SET_PARAMETERS = 0x12;
    public static final int SAM_CONFIGURATION = 0x14;
    public static final int POWER_DOWN = 0x16;
    public static final int RF_CONFIGURATION = 0x32;
    public static final int IN_DATA_EXCHANGE = 0x40;
    public static final int IN_COMMUNICATE_THRU = 0x42;
    public static final int IN_DESELECT = 0x44;
    public static final int IN_LIST_PASSIVE_TARGET = 0x4A;
    public static final int IN_RELEASE = 0x52;

    private Pn532Commands() {}

    /** A readable name for messages. */
    public static String name(int code) {
        return switch (code) {
            case DIAGNOSE -> "Diagnose";
            case GET_FIRMWARE_VERSION -> "GetFirmwareVersion";
            case SET_PARAMETERS -> "SetParameters";
            case SAM_CONFIGURATION -> "SAMConfiguration";
            case POWER_DOWN -> "PowerDown";
            case RF_CONFIGURATION -> "RFConfiguration";
            case IN_DATA_EXCHANGE -> "InDataExchange";
            case IN_COMMUNICATE_THRU -> "InCommunicateThru";
            case IN_DESELECT -> "InDeselect";
            case IN_LIST_PASSIVE_TARGET -> "InListPassiveTarget";
            case IN_RELEASE -> "InRelease";
            default -> String.format("command 0x%02X", code);
        };
    }
}
