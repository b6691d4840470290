package org.vitaleterminal.firmware.selftest;

/**
 * The fix to try when a device does not answer, by the kind of device its setting names; the
 * sections are those of docs/install.md (wiring, troubleshooting).
 */
final class DeviceFixes {
    private DeviceFixes() {}

    static String camera(String setting) {
        if (setting.startsWith("rpicam")) {
            return "check the ribbon cable (seated, contacts towards the board) and rpicam-hello --list-cameras "
                    + "(docs/install.md §6)";
        }
        if (setting.startsWith("v4l2")) {
            return "check the USB camera with v4l2-ctl --list-devices and ls -l /dev/video*; the service user needs "
                    + "the group video";
        }
        return "check that the path in camera.source exists and holds images the service user can read";
    }

    static String scanner(String setting) {
        if (setting.startsWith("serial")) {
            return "plug the scanner in and check ls -l /dev/serial/by-id/; the service user needs the group dialout";
        }
        return "plug the scanner in and check ls -l /dev/input/by-id/ (the device in scanner.source); the service "
                + "user needs the group input";
    }

    static String nfc(String uri) {
        if (uri.startsWith("pn532:i2c")) {
            return "check the wiring (SDA/SCL not swapped), the PN532 switches in I2C mode, i2cdetect -y 1 shows 24, "
                    + "and the service user in the group i2c (docs/install.md §2.1)";
        }
        if (uri.startsWith("pn532:spi")) {
            return "check the wiring, the PN532 switches in SPI mode, dtparam=spi=on in /boot/firmware/config.txt, "
                    + "and the service user in the group spi (docs/install.md §2.2)";
        }
        return "check TX/RX are crossed, the serial console is off (no console=serial0 in cmdline.txt), the switches "
                + "in UART mode, and the service user in the group dialout (docs/install.md §2.3)";
    }

    static String indicator(String setting) {
        if (setting.startsWith("gpio")) {
            return "check the pin numbers in indicator (BCM numbering) and the wiring, and that the service user is "
                    + "in the group gpio (docs/install.md §2.4)";
        }
        return "check the indicator setting (docs/configuration.md §2.5)";
    }
}
