package org.vitaleterminal.firmware.systemd;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The value of {@code $NOTIFY_SOCKET} as a Linux {@code struct sockaddr_un}: a file-system path
 * ({@code /run/systemd/notify}) or a name in the abstract namespace ({@code @name}, sent with a
 * leading NUL byte and no terminator, as sd_notify(3) does).
 */
public final class NotifySocketAddress {
    /** {@code AF_UNIX}, the same on every Linux architecture. */
    static final short AF_UNIX = 1;
    /** {@code sizeof(sun_path)} on Linux. */
    private static final int SUN_PATH_SIZE = 108;
    private static final int FAMILY_SIZE = 2;

    private final String value;
    private final byte[] sockaddr;

    private NotifySocketAddress(String value, byte[] sockaddr) {
        this.value = value;
        this.sockaddr = sockaddr;
    }

    /**
     * Parses a {@code NOTIFY_SOCKET} value.
     *
     * @throws SystemdNotifyException when it is neither an absolute path nor {@code @name}, or too
     *                                long for {@code sun_path}
     */
    public static NotifySocketAddress parse(String value) {
        if (value == null || value.isEmpty()) {
            throw invalid(value, "it is empty");
        }
        boolean isAbstract = value.charAt(0) == '@';
        if (!isAbstract && value.charAt(0) != '/') {
            // systemd 254+ can also pass vsock:CID:PORT (for VMs); a Pi terminal never gets one.
            throw invalid(value, "it is neither an absolute path nor an abstract name starting with @");
        }
        if (value.indexOf('\0') >= 0 || (isAbstract && value.length() == 1)) {
            throw invalid(value, "it holds a NUL byte or an empty abstract name");
        }
        byte[] name = value.getBytes(StandardCharsets.UTF_8);
        if (isAbstract) {
            name[0] = 0; // abstract namespace: NUL first, length given by the address size
        }
        // A path carries its NUL terminator, which must fit in sun_path; an abstract name has none.
        int pathBytes = isAbstract ? name.length : name.length + 1;
        if (pathBytes > SUN_PATH_SIZE) {
            throw invalid(value, "it is longer than the " + SUN_PATH_SIZE + " bytes of sun_path");
        }
        ByteBuffer address = ByteBuffer.allocate(FAMILY_SIZE + pathBytes).order(ByteOrder.nativeOrder());
        address.putShort(AF_UNIX).put(name);
        return new NotifySocketAddress(value, address.array());
    }

    private static SystemdNotifyException invalid(String value, String why) {
        return new SystemdNotifyException("NOTIFY_SOCKET=" + value + " is not usable: " + why
                + " (expected an absolute socket path such as /run/systemd/notify, or @name)");
    }

    /** Whether this names a socket in the abstract namespace. */
    public boolean isAbstract() {
        return value.charAt(0) == '@';
    }

    /** The {@code struct sockaddr_un} bytes, exactly as long as the address (the addrlen). */
    byte[] sockaddr() {
        return sockaddr.clone();
    }

    @Override
    public String toString() {
        return value;
    }
}
