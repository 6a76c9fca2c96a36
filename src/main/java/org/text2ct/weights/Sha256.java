package org.text2ct.weights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** SHA-256 checksums of weight files, read in a stream so any file size works. */
public final class Sha256 {
    private static final int BUFFER_BYTES = 1 << 20;

    private Sha256() {
    }

    /** The file's SHA-256 as 64 lowercase hex digits. */
    public static String of(Path file) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buf = new byte[BUFFER_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                digest.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Throws unless the file's SHA-256 equals {@code expectedHex} (case is ignored). */
    public static void verify(Path file, String expectedHex) throws IOException {
        String expected = expectedHex.trim().toLowerCase(Locale.ROOT);
        if (!expected.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 in hex (64 digits): '" + expectedHex + "'");
        }
        String actual = of(file);
        if (!actual.equals(expected)) {
            throw new WeightFileException(file, "SHA-256 mismatch: expected " + expected + ", got " + actual
                    + "; the file is damaged or not the one the model package names; download it again");
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }
}
