package org.text2ct.pipeline.pkg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/** Folder helpers for writing packages all at once: a hidden sibling to build in, and removal. */
final class Dirs {
    private Dirs() {
    }

    /** A new empty hidden folder beside {@code target}, on the same file system so a move is a rename. */
    static Path siblingTemp(Path target, String purpose) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Files.createDirectories(abs.getParent());
        return Files.createDirectory(abs.resolveSibling("." + abs.getFileName() + "." + purpose + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong())));
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : paths) {
            Files.deleteIfExists(p);
        }
    }
}
