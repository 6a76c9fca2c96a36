package org.text2ct.volume;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a file through a temporary sibling that is moved into place only once complete, so a
 * crash or a full disk never leaves a half-written volume under the real name. An existing file
 * is replaced only when asked.
 */
final class SafeFileOutput {
    private static final int BUFFER = 1 << 16;

    /** The file's bytes, written to the stream it is given. */
    @FunctionalInterface
    interface Body {
        void write(OutputStream out) throws IOException;
    }

    private SafeFileOutput() {
    }

    static void write(Path file, boolean overwrite, boolean gzip, Body body) throws IOException {
        Path target = file.toAbsolutePath();
        if (!overwrite && Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "already exists (pass overwrite to replace it)");
        }
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp), BUFFER);
                 OutputStream out = gzip ? new GZIPOutputStream(raw, BUFFER) : raw) {
                body.write(out);
            }
            if (overwrite) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(tmp, target);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
