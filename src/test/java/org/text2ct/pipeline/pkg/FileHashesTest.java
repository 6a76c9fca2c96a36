package org.text2ct.pipeline.pkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.text2ct.weights.Sha256;

class FileHashesTest {
    @TempDir
    Path tmp;

    @Test
    void recentlyWrittenFileIsHashedAgainAfterASameSizeChange() throws Exception {
        Path f = Files.writeString(tmp.resolve("w.bin"), "abcd");
        String first = FileHashes.of(f);
        FileTime time = Files.getLastModifiedTime(f);
        Files.writeString(f, "abce");
        Files.setLastModifiedTime(f, time);
        assertNotEquals(first, FileHashes.of(f));
        assertEquals(Sha256.of(f), FileHashes.of(f));
    }

    @Test
    void oldFileIsRememberedAcrossARenameUntilItsTimeChanges() throws Exception {
        Path f = Files.writeString(tmp.resolve("old.bin"), "abcd");
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        Files.setLastModifiedTime(f, old);
        String hash = FileHashes.of(f);
        Path moved = Files.move(f, tmp.resolve("moved.bin"));
        Files.writeString(moved, "abce");
        Files.setLastModifiedTime(moved, old);
        assertEquals(hash, FileHashes.of(moved), "same identity, size and time: the remembered hash is used");
        Files.setLastModifiedTime(moved, FileTime.fromMillis(old.toMillis() + 1));
        assertEquals(Sha256.of(moved), FileHashes.of(moved));
        assertNotEquals(hash, FileHashes.of(moved));
    }
}
