package org.vitaleterminal.firmware.trust;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vitaleterminal.credential.Rejection;
import org.vitaleterminal.credential.hc1.Hc1TrustStore;
import org.vitaleterminal.credential.hc1.InvalidCertificateException;
import org.vitaleterminal.credential.trust.TrustList;
import org.vitaleterminal.credential.trust.TrustListException;
import org.vitaleterminal.credential.trust.TrustListReader;
import org.vitaleterminal.credential.trust.TrustRoot;

/**
 * Reads the trust material from files: pinned roots (PEM), a signed trust list (COSE bytes) and
 * HC1 document-signer certificates (PEM or DER). Every failure names the file.
 */
public final class TrustFiles {
    private TrustFiles() {}

    public static List<TrustRoot> readRoots(List<Path> files) throws TrustFileException {
        List<TrustRoot> roots = new ArrayList<>(files.size());
        for (Path file : files) {
            String pem = readString(file);
            try {
                roots.add(TrustRoot.fromPem(pem));
            } catch (Rejection e) {
                throw new TrustFileException(file, e.detail());
            }
        }
        return roots;
    }

    /**
     * Reads and verifies a trust list.
     *
     * @throws TrustFileException when the file cannot be read
     * @throws TrustListException when its content is refused (the reason says why)
     */
    public static TrustList readTrustList(Path file, List<TrustRoot> roots) throws TrustFileException, TrustListException {
        return TrustListReader.read(readBytes(file), roots);
    }

    public static Hc1TrustStore readHc1Signers(List<Path> files) throws TrustFileException {
        Hc1TrustStore.Builder builder = Hc1TrustStore.builder();
        for (Path file : files) {
            try {
                builder.add(readBytes(file));
            } catch (InvalidCertificateException e) {
                throw new TrustFileException(file, e.getMessage());
            }
        }
        return builder.build();
    }

    private static byte[] readBytes(Path file) throws TrustFileException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TrustFileException(file, "cannot read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String readString(Path file) throws TrustFileException {
        return new String(readBytes(file), StandardCharsets.US_ASCII);
    }

    /** A trust file that cannot be read or parsed. */
    public static final class TrustFileException extends Exception {
        public TrustFileException(Path file, String problem) {
            super(file + ": " + problem, null, false, false);
        }
    }
}
