package org.vitaleterminal.firmware.outbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteOutboxTest {
    private static final Instant T = Instant.parse("2026-11-27T10:00:00Z");

    @TempDir
    Path dir;
    final TestClock clock = new TestClock(T);
    SqliteOutbox outbox;

    @AfterEach
    void closeOutbox() {
        if (outbox != null) {
            outbox.close();
        }
    }

    private SqliteOutbox open(long capacity) {
        return SqliteOutbox.open(dir.resolve(SqliteOutbox.FILE_NAME), capacity, clock,
                new UuidV7(clock, new SplittableRandom(42)));
    }

    private static byte[] body(long seq, String eventId) {
        return ("{\"seq\":" + seq + ",\"eventId\":\"" + eventId + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void appendAllocatesSeqAndIdAndHandsBothToTheWriter() {
        outbox = open(10);
        Set<String> ids = new HashSet<>();
        for (int i = 1; i <= 3; i++) {
            StoredEvent event = outbox.append(SqliteOutboxTest::body);
            assertEquals(i, event.seq());
            assertTrue(ids.add(event.eventId()));
            assertEquals(7, java.util.UUID.fromString(event.eventId()).version());
            assertArrayEquals(body(i, event.eventId()), event.payload());
            assertEquals(T, event.createdAt());
        }
        assertEquals(3, outbox.depth());
        assertEquals(3, outbox.lastSeq());
    }

    @Test
    void afterReturnsEventsInSeqOrderFromAGivenPoint() {
        outbox = open(10);
        for (int i = 0; i < 5; i++) {
            outbox.append(SqliteOutboxTest::body);
        }
        assertEquals(List.of(1L, 2L), outbox.after(0, 2).stream().map(StoredEvent::seq).toList());
        assertEquals(List.of(3L, 4L, 5L), outbox.after(2, 10).stream().map(StoredEvent::seq).toList());
        assertEquals(List.of(), outbox.after(5, 10));
        StoredEvent third = outbox.after(2, 1).get(0);
        assertArrayEquals(body(3, third.eventId()), third.payload());
        assertThrows(IllegalArgumentException.class, () -> outbox.after(0, 0));
    }

    @Test
    void removeDeletesOnceAndToleratesRepeats() {
        outbox = open(10);
        outbox.append(SqliteOutboxTest::body);
        outbox.append(SqliteOutboxTest::body);
        outbox.remove(1);
        outbox.remove(1);
        outbox.remove(99);
        assertEquals(1, outbox.depth());
        assertEquals(List.of(2L), outbox.after(0, 10).stream().map(StoredEvent::seq).toList());
    }

    @Test
    void seqNeverGoesBackEvenWhenEmptiedAndReopened() {
        outbox = open(10);
        for (int i = 0; i < 4; i++) {
            outbox.append(SqliteOutboxTest::body);
        }
        for (long seq = 1; seq <= 4; seq++) {
            outbox.remove(seq);
        }
        assertEquals(0, outbox.depth());
        outbox.close();
        outbox = open(10);
        assertEquals(0, outbox.depth());
        assertEquals(5, outbox.append(SqliteOutboxTest::body).seq());
    }

    @Test
    void eventsSurviveReopening() {
        outbox = open(10);
        StoredEvent first = outbox.append(SqliteOutboxTest::body);
        outbox.close();
        outbox = open(10);
        StoredEvent read = outbox.after(0, 10).get(0);
        assertEquals(first.eventId(), read.eventId());
        assertArrayEquals(first.payload(), read.payload());
        assertEquals(first.createdAt(), read.createdAt());
        assertEquals(1, outbox.depth());
    }

    @Test
    void aFullOutboxRefusesAndStoresNothing() {
        outbox = open(2);
        outbox.append(SqliteOutboxTest::body);
        outbox.append(SqliteOutboxTest::body);
        OutboxFullException full = assertThrows(OutboxFullException.class, () -> outbox.append(SqliteOutboxTest::body));
        assertTrue(full.getMessage().contains("outbox.capacity") && full.getMessage().contains("2"), full.getMessage());
        assertEquals(2, outbox.depth());
        assertEquals(2, outbox.lastSeq());
        outbox.remove(1);
        assertEquals(3, outbox.append(SqliteOutboxTest::body).seq());
    }

    @Test
    void aWriterThatFailsOrReturnsTooMuchStoresNothingAndUsesNoSeq() {
        outbox = open(10);
        assertThrows(IllegalStateException.class, () -> outbox.append((seq, id) -> {
            throw new IllegalStateException("cannot build");
        }));
        assertThrows(IllegalArgumentException.class,
                () -> outbox.append((seq, id) -> new byte[SqliteOutbox.MAX_PAYLOAD_BYTES + 1]));
        assertThrows(IllegalArgumentException.class, () -> outbox.append((seq, id) -> new byte[0]));
        assertEquals(0, outbox.depth());
        assertEquals(1, outbox.append(SqliteOutboxTest::body).seq());
    }

    @Test
    void oldestAgeComesFromTheInjectedClock() {
        outbox = open(10);
        assertEquals(Optional.empty(), outbox.oldestAge());
        outbox.append(SqliteOutboxTest::body);
        clock.advance(Duration.ofMinutes(5));
        outbox.append(SqliteOutboxTest::body);
        clock.advance(Duration.ofSeconds(30));
        assertEquals(Optional.of(Duration.ofSeconds(330)), outbox.oldestAge());
        outbox.remove(1);
        assertEquals(Optional.of(Duration.ofSeconds(30)), outbox.oldestAge());
        clock.advance(Duration.ofHours(-1)); // clock stepped back: no negative age
        assertEquals(Optional.of(Duration.ZERO), outbox.oldestAge());
    }

    @Test
    void aSecondOpenerOfTheSameFileIsRefused() {
        outbox = open(10);
        outbox.append(SqliteOutboxTest::body);
        OutboxException busy = assertThrows(OutboxException.class, () -> open(10));
        assertTrue(busy.getMessage().contains(SqliteOutbox.FILE_NAME) && busy.getMessage().contains("in use"),
                busy.getMessage());
        assertEquals(2, outbox.append(SqliteOutboxTest::body).seq());
    }

    @Test
    void aClosedOutboxSaysSo() {
        outbox = open(10);
        outbox.close();
        outbox.close();
        OutboxException closed = assertThrows(OutboxException.class, () -> outbox.append(SqliteOutboxTest::body));
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
        assertThrows(OutboxException.class, outbox::depth);
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedAndLeftAlone() throws Exception {
        Path file = Files.writeString(dir.resolve(SqliteOutbox.FILE_NAME), "this is not SQLite ".repeat(400));
        byte[] before = Files.readAllBytes(file);
        OutboxException refused = assertThrows(OutboxException.class, () -> open(10));
        assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
        assertTrue(refused.getMessage().contains("not an SQLite database"), refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void anEmptyFileIsRefusedNotTakenForANewOutbox() throws Exception {
        Path file = Files.createFile(dir.resolve(SqliteOutbox.FILE_NAME));
        OutboxException refused = assertThrows(OutboxException.class, () -> open(10));
        assertTrue(refused.getMessage().contains(file.toString()) && refused.getMessage().contains("not a vitale-terminal outbox"),
                refused.getMessage());
    }

    @Test
    void anotherApplicationsDatabaseIsRefused() throws Exception {
        Path file = dir.resolve(SqliteOutbox.FILE_NAME);
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = other.createStatement()) {
            statement.execute("CREATE TABLE notes (text TEXT)");
        }
        OutboxException refused = assertThrows(OutboxException.class, () -> open(10));
        assertTrue(refused.getMessage().contains("not a vitale-terminal outbox"), refused.getMessage());
    }

    @Test
    void aDamagedDatabaseIsRefusedWithTheFileName() throws Exception {
        outbox = open(1000);
        for (int i = 0; i < 200; i++) {
            outbox.append((seq, id) -> ("{\"padding\":\"" + "x".repeat(500) + "\"}").getBytes(StandardCharsets.UTF_8));
        }
        outbox.close();
        outbox = null;
        Path file = dir.resolve(SqliteOutbox.FILE_NAME);
        assertFalse(Files.exists(dir.resolve(SqliteOutbox.FILE_NAME + "-wal")) && Files.size(dir.resolve(SqliteOutbox.FILE_NAME + "-wal")) > 0,
                "closing checkpoints the WAL into the main file");
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(4096 * 3); // a b-tree page of the event table
            raw.write(new byte[4096 * 2]);
            for (int i = 0; i < 4096; i++) {
                raw.write(0xA5);
            }
        }
        OutboxException refused = assertThrows(OutboxException.class, () -> open(1000));
        assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
        assertTrue(refused.getMessage().contains("damaged"), refused.getMessage());
    }

    @Test
    void aMissingStateDirectoryIsNotCreated() {
        Path missing = dir.resolve("absent").resolve(SqliteOutbox.FILE_NAME);
        OutboxException refused = assertThrows(OutboxException.class,
                () -> SqliteOutbox.open(missing, 10, clock, new UuidV7(clock, new SplittableRandom(1))));
        assertTrue(refused.getMessage().contains("does not exist"), refused.getMessage());
        assertFalse(Files.exists(missing.getParent()));
    }

    @Test
    void aLeftoverHalfBuiltDatabaseIsReplacedByTheNewOne() throws Exception {
        Files.writeString(dir.resolve(SqliteOutbox.FILE_NAME + ".new"), "crashed while creating");
        outbox = open(10);
        assertEquals(1, outbox.append(SqliteOutboxTest::body).seq());
        assertFalse(Files.exists(dir.resolve(SqliteOutbox.FILE_NAME + ".new")));
    }

    @Test
    void anOutboxRebuiltByHandAsDocumentedContinuesAboveItsCounter() throws Exception {
        Path file = dir.resolve(SqliteOutbox.FILE_NAME);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = db.createStatement()) { // docs/outbox.md, recovery step 4, N = 4811
            statement.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)");
            statement.execute("CREATE TABLE event (seq INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE,"
                    + " created_at_ms INTEGER NOT NULL, payload BLOB NOT NULL)");
            statement.execute("INSERT INTO meta VALUES ('last_seq', 4811 + 1000)");
            statement.execute("PRAGMA application_id = 1448365890");
            statement.execute("PRAGMA user_version = 1");
            statement.execute("PRAGMA journal_mode = WAL");
        }
        outbox = open(10);
        assertEquals(5812, outbox.append(SqliteOutboxTest::body).seq());
    }
}
