package org.vitaleterminal.sim.nfc.chip;

import java.util.Arrays;

/**
 * Commands that stay inside the chip: Diagnose, GetFirmwareVersion, GetGeneralStatus,
 * Read/WriteRegister, Read/WriteGPIO, SetSerialBaudrate, SetParameters, SAMConfiguration,
 * PowerDown, RFConfiguration. A parameter list of the wrong shape gets the application error
 * frame, as the manual describes for syntax errors (UM §6.2.1.5).
 */
final class LocalCommands {
    /** IC 0x32 (PN532), version 1.6, support ISO14443A | ISO14443B | ISO18092. */
    static final byte[] FIRMWARE = {0x32, 0x01, 0x06, 0x07};

    private final ChipSettings settings;
    private final RegisterFile registers;
    private final RfField field;
    private final Initiator initiator;
    private final Power power;
    private int p3 = 0xFF;
    private int p7 = 0xFF;

    LocalCommands(ChipSettings settings, RegisterFile registers, RfField field, Initiator initiator, Power power) {
        this.settings = settings;
        this.registers = registers;
        this.field = field;
        this.initiator = initiator;
        this.power = power;
    }

    Reply diagnose(byte[] cmd) {
        if (cmd.length < 2) {
            return Reply.syntaxError();
        }
        return switch (cmd[1] & 0xFF) {
            case 0x00 -> { // communication line test: echo NumTst and InParam
                byte[] out = Arrays.copyOf(cmd, cmd.length);
                out[0] = 0x01;
                yield Reply.of(out);
            }
            case 0x01, 0x02 -> Reply.of(0x01, 0x00); // ROM and RAM tests pass
            default -> Reply.syntaxError();
        };
    }

    Reply firmwareVersion(byte[] cmd) {
        if (cmd.length != 1) {
            return Reply.syntaxError();
        }
        return Reply.of(new byte[] {0x03, FIRMWARE[0], FIRMWARE[1], FIRMWARE[2], FIRMWARE[3]});
    }

    /** {@code 05 Err Field NbTg [Tg BrRx BrTx Type] SAMstatus}. */
    Reply generalStatus(byte[] cmd) {
        if (cmd.length != 1) {
            return Reply.syntaxError();
        }
        Target t = initiator.target();
        if (t == null) {
            return Reply.of(0x05, 0x00, field.on() ? 1 : 0, 0x00, 0x00);
        }
        return Reply.of(0x05, 0x00, field.on() ? 1 : 0, 0x01, t.tg, 0x00, 0x00, 0x00, 0x00);
    }

    Reply readRegister(byte[] cmd) {
        int n = cmd.length - 1;
        if (n == 0 || n % 2 != 0) {
            return Reply.syntaxError();
        }
        byte[] out = new byte[1 + n / 2];
        out[0] = 0x07;
        for (int i = 0; i < n / 2; i++) {
            out[1 + i] = (byte) registers.read((cmd[1 + 2 * i] & 0xFF) << 8 | (cmd[2 + 2 * i] & 0xFF));
        }
        return Reply.of(out);
    }

    Reply writeRegister(byte[] cmd) {
        int n = cmd.length - 1;
        if (n == 0 || n % 3 != 0) {
            return Reply.syntaxError();
        }
        for (int i = 0; i < n / 3; i++) {
            registers.write((cmd[1 + 3 * i] & 0xFF) << 8 | (cmd[2 + 3 * i] & 0xFF), cmd[3 + 3 * i]);
        }
        return Reply.of(0x09);
    }

    Reply readGpio(byte[] cmd) {
        return cmd.length != 1 ? Reply.syntaxError() : Reply.of(0x0D, p3, p7, 0x00);
    }

    Reply writeGpio(byte[] cmd) {
        if (cmd.length != 3) {
            return Reply.syntaxError();
        }
        // Bit 7 of each byte says whether that port is to be written.
        if ((cmd[1] & 0x80) != 0) {
            p3 = cmd[1] & 0x3F;
        }
        if ((cmd[2] & 0x80) != 0) {
            p7 = cmd[2] & 0x06;
        }
        return Reply.of(0x0F);
    }

    /** The new rate applies once the host confirms with an ACK (UM §7.2.5). */
    Reply setSerialBaudrate(byte[] cmd) {
        if (cmd.length != 2 || (cmd[1] & 0xFF) >= ChipSettings.BAUD_RATES.length) {
            return Reply.syntaxError();
        }
        settings.pendingBaudIndex = cmd[1] & 0xFF;
        return Reply.of(0x11);
    }

    Reply setParameters(byte[] cmd) {
        if (cmd.length != 2) {
            return Reply.syntaxError();
        }
        settings.parameters = cmd[1] & 0xFF;
        return Reply.of(0x13);
    }

    Reply samConfiguration(byte[] cmd) {
        if (cmd.length < 2 || cmd.length > 4 || (cmd[1] & 0xFF) < 1 || (cmd[1] & 0xFF) > 4) {
            return Reply.syntaxError();
        }
        settings.samMode = cmd[1] & 0xFF;
        return Reply.of(0x15).then(power::samConfigured);
    }

    /** Answers {@code 17 00}, then the field drops, targets go and the chip sleeps. */
    Reply powerDown(byte[] cmd) {
        if (cmd.length < 2 || cmd.length > 3) {
            return Reply.syntaxError();
        }
        int wakeUpEnable = cmd[1] & 0xFF;
        return Reply.of(0x17, 0x00).then(() -> {
            initiator.releaseAll();
            field.setOn(false);
            power.powerDown(wakeUpEnable);
        });
    }

    /** Items with their manual lengths: 01 (1), 02 (3), 04 (1), 05 (3), 0A (11), 0B (8), 0C (3), 0D (9). */
    Reply rfConfiguration(byte[] cmd) {
        if (cmd.length < 2) {
            return Reply.syntaxError();
        }
        int item = cmd[1] & 0xFF;
        byte[] d = Arrays.copyOfRange(cmd, 2, cmd.length);
        int expected = switch (item) {
            case 0x01, 0x04 -> 1;
            case 0x02, 0x05, 0x0C -> 3;
            case 0x0A -> 11;
            case 0x0B -> 8;
            case 0x0D -> 9;
            default -> -1;
        };
        if (expected < 0 || d.length != expected) {
            return Reply.syntaxError();
        }
        switch (item) {
            case 0x01 -> {
                boolean on = (d[0] & 0x01) != 0;
                if (!on) {
                    initiator.releaseAll();
                }
                field.setOn(on);
            }
            case 0x02 -> {
                settings.atrTimeoutCode = d[1] & 0xFF;
                settings.commTimeoutCode = d[2] & 0xFF;
            }
            case 0x04 -> settings.maxRtyCom = d[0] & 0xFF;
            case 0x05 -> {
                settings.maxRtyAtr = d[0] & 0xFF;
                settings.maxRtyPsl = d[1] & 0xFF;
                settings.maxRtyPassiveActivation = d[2] & 0xFF;
            }
            default -> {
                // analog settings: accepted, no effect on the model
            }
        }
        return Reply.of(0x33);
    }
}
