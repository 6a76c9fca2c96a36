package org.text2ct.pipeline.pkg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.text2ct.weights.Sha256;

/**
 * SHA-256 of package files, remembered for the rest of the run: weight files are gigabytes, and a
 * package opened twice (plugin, then generate) should not be read twice. Files are known by their
 * file-system identity where there is one, so a package renamed into place is not hashed again;
 * a file whose size or modification time changed is.
 */
final class FileHashes {
    private record Stamp(Object file, long size, long modified) {
    }

    private static final Map<Stamp, String> CACHE = new ConcurrentHashMap<>();
    // File times tick in coarse steps (a few ms), so a file changed again just after being hashed may
    // keep its time; as git does with "racy" entries, recently modified files are not remembered.
    private static final long RACY_MILLIS = 2000;

    private FileHashes() {
    }

    static String of(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        Object identity = a.fileKey() != null ? a.fileKey() : file.toAbsolutePath().normalize();
        Stamp stamp = new Stamp(identity, a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        String cached = CACHE.get(stamp);
        if (cached != null) {
            return cached;
        }
        String hex = Sha256.of(file);
        if (System.currentTimeMillis() - a.lastModifiedTime().toMillis() > RACY_MILLIS) {
            CACHE.put(stamp, hex);
        }
        return hex;
    }

    /** Throws unless {@code file} exists and has the SHA-256 that {@code field} of model.json records. */
    static void verify(Path file, String expected, String field) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ModelPackageException(file + ": missing; model.json's " + field
                    + " names it; copy the whole package folder again");
        }
        String actual = of(file);
        if (!actual.equals(expected)) {
            throw new ModelPackageException(file + ": SHA-256 mismatch: model.json's " + field + " is " + expected
                    + ", the file has " + actual + "; the file is damaged or was changed after the package was"
                    + " written; copy it again, or re-run 'text2ct import package' if you replaced it on purpose");
        }
    }
}
