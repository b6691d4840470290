package org.vitaleterminal.firmware.trust;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.vitaleterminal.firmware.state.AtomicFiles;

/**
 * The terminal's own copy of the trust list in {@code state.dir}: the last accepted list
 * ({@value TrustListLocation#STORED_FILE}) and the highest version ever accepted
 * ({@value #HIGHEST_FILE}, one decimal number). The version is kept apart from the list because
 * the rollback rule (vt1-credential.md §3) must hold even if the list file is lost or replaced by
 * hand: an older list copied into the state directory is still refused on the next update.
 */
public final class TrustListStore {
    public static final String HIGHEST_FILE = "trust-list.highest";

    private final Path stateDir;

    public TrustListStore(Path stateDir) {
        this.stateDir = stateDir;
    }

    public Path listFile() {
        return stateDir.resolve(TrustListLocation.STORED_FILE);
    }

    public Path highestFile() {
        return stateDir.resolve(HIGHEST_FILE);
    }

    /**
     * The highest version recorded, or -1 when none was ever recorded.
     *
     * @throws IOException when the record exists but cannot be read or holds no number: the
     *                     caller must then refuse updates (fail closed), not start from -1
     */
    public long recordedHighest() throws IOException {
        String text;
        try {
            text = Files.readString(highestFile(), StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            return -1;
        }
        try {
            long value = Long.parseLong(text);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IOException(highestFile() + ": expected one non-negative decimal version number");
        }
    }

    /**
     * Stores an accepted list: first the list, then the version record, each replaced
     * atomically. A power cut between the two leaves a list newer than the record, which
     * {@link TrustListUpdater} reconciles by taking the larger of the two.
     */
    public void store(byte[] encodedList, long version) throws IOException {
        // a technician may import a list before the terminal first ran and made its state dir
        Files.createDirectories(listFile().getParent());
        AtomicFiles.write(listFile(), encodedList);
        AtomicFiles.write(highestFile(), (version + "\n").getBytes(StandardCharsets.US_ASCII));
    }
}
