package org.vitaleterminal.firmware.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class SystemdNotifierTest {
    private static final int WAIT_MILLIS = 5_000;

    @TempDir
    Path dir;

    @Test
    void sendsEachMessageAsOneDatagramToAPathSocket() {
        String path = dir.resolve("notify").toString();
        try (UnixDatagramReceiver systemd = new UnixDatagramReceiver(path)) {
            SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", path));
            assertTrue(notifier.enabled());

            notifier.ready("trust list v12, outbox 0 waiting");
            notifier.watchdog();
            notifier.status("MQTT offline, 3 waiting");
            notifier.stopping("draining");

            assertEquals(Optional.of("READY=1\nSTATUS=trust list v12, outbox 0 waiting"), systemd.receive(WAIT_MILLIS));
            assertEquals(Optional.of("WATCHDOG=1"), systemd.receive(WAIT_MILLIS));
            assertEquals(Optional.of("STATUS=MQTT offline, 3 waiting"), systemd.receive(WAIT_MILLIS));
            assertEquals(Optional.of("STOPPING=1\nSTATUS=draining"), systemd.receive(WAIT_MILLIS));
            assertEquals(Optional.empty(), systemd.receive(100));
        }
    }

    @Test
    void reachesASocketInTheAbstractNamespace() {
        String name = "@vitale-terminal-test-" + UUID.randomUUID();
        try (UnixDatagramReceiver systemd = new UnixDatagramReceiver(name)) {
            SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", name));
            assertTrue(NotifySocketAddress.parse(name).isAbstract());

            notifier.ready("up");

            assertEquals(Optional.of("READY=1\nSTATUS=up"), systemd.receive(WAIT_MILLIS));
        }
    }

    @Test
    void statusIsFlattenedToOneLineSoItCannotInjectAssignments() {
        String path = dir.resolve("notify").toString();
        try (UnixDatagramReceiver systemd = new UnixDatagramReceiver(path)) {
            SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", path));

            notifier.status("line one\nREADY=1");

            assertEquals(Optional.of("STATUS=line one READY=1"), systemd.receive(WAIT_MILLIS));
        }
    }

    @Test
    void withoutNotifySocketNothingIsSentAndNoLibraryIsNeeded() {
        DatagramSender failing = (to, datagram) -> {
            throw new AssertionError("must not send without NOTIFY_SOCKET");
        };
        SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of(), failing);

        assertFalse(notifier.enabled());
        notifier.ready("up");
        notifier.watchdog();
        notifier.stopping("bye");
        assertFalse(SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", "")).enabled());
    }

    @Test
    void aMissingSocketIsAClearErrorNotACrash() {
        String path = dir.resolve("nobody-listens").toString();
        SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", path));

        SystemdNotifyException e = assertThrows(SystemdNotifyException.class, () -> notifier.ready("up"));
        assertTrue(e.getMessage().contains("NOTIFY_SOCKET=" + path), e.getMessage());
    }

    @Test
    void malformedNotifySocketValuesAreRejectedByName() {
        for (String bad : new String[] {"relative/notify", "@", "vsock:2:1234", "/" + "x".repeat(107)}) {
            SystemdNotifyException e = assertThrows(SystemdNotifyException.class,
                    () -> SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", bad)), bad);
            assertTrue(e.getMessage().startsWith("NOTIFY_SOCKET="), e.getMessage());
            assertTrue(e.getMessage().contains("expected"), e.getMessage());
        }
        // The longest path that still fits sun_path with its terminator (107 bytes + NUL).
        NotifySocketAddress.parse("/" + "x".repeat(106));
        // Abstract names have no terminator, so one byte more fits.
        NotifySocketAddress.parse("@" + "x".repeat(107));
    }
}
