package org.text2ct.pipeline.pkg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.text2ct.nn.Engines;

/**
 * Unpacks a zipped model package once into {@code <cache>/models/<sha256 of the zip>}, so the
 * weights can be memory-mapped. Entries that would land outside that folder (zip-slip: "../",
 * absolute paths) or are links are refused before anything is written.
 */
final class PackageZip {
    private PackageZip() {
    }

    /** The folder holding model.json: the unpacked zip's root, or its only top-level folder. */
    static Path extract(Path zip) throws IOException {
        Path target = Engines.cacheDir().resolve("models").resolve(FileHashes.of(zip));
        if (!Files.isDirectory(target)) {
            Path tmp = Dirs.siblingTemp(target, "unzip");
            try {
                unzip(zip, tmp);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                // Another run unpacked the same zip meanwhile; its copy is as good as ours.
            } finally {
                Dirs.deleteRecursively(tmp);
            }
        }
        return packageRoot(zip, target);
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
            List<ZipArchiveEntry> entries = Collections.list(file.getEntries());
            for (ZipArchiveEntry e : entries) {
                destination(zip, into, e);
            }
            for (ZipArchiveEntry e : entries) {
                Path out = destination(zip, into, e);
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(e)) {
                    Files.copy(in, out);
                }
            }
        }
    }

    private static Path destination(Path zip, Path into, ZipArchiveEntry e) throws ModelPackageException {
        Path out = into.resolve(e.getName()).normalize();
        if (e.isUnixSymlink() || !out.startsWith(into) || out.equals(into)) {
            throw new ModelPackageException(zip + ": entry '" + e.getName()
                    + "' points outside the package or is a link; refusing to unpack this zip (it may be malicious)");
        }
        return out;
    }

    private static Path packageRoot(Path zip, Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve(ModelManifest.MANIFEST_FILE))) {
            return dir;
        }
        try (Stream<Path> children = Files.list(dir)) {
            List<Path> list = children.toList();
            if (list.size() == 1 && Files.isRegularFile(list.get(0).resolve(ModelManifest.MANIFEST_FILE))) {
                return list.get(0);
            }
        }
        throw new ModelPackageException(zip + ": has no " + ModelManifest.MANIFEST_FILE
                + " at its top level or in its one top-level folder; zip the package folder itself");
    }
}
