package org.text2ct.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.text2ct.pipeline.importers.ImportFixtures;
import org.text2ct.pipeline.importers.TinyT5Folder;
import org.text2ct.pipeline.pkg.ModelPackage;

/** Text2CT Models' import on the importers' tiny checkpoint fixtures. */
class CheckpointImportTest {
    @TempDir
    Path dir;

    private CheckpointImport.Sources sources() throws Exception {
        return new CheckpointImport.Sources(ImportFixtures.path("vae_tiny_wrapped.pt"),
                ImportFixtures.path("vae_tiny.config.json").toString(), ImportFixtures.path("unet_tiny.pt"),
                ImportFixtures.path("unet_tiny.config.json").toString(), TinyT5Folder.write(dir.resolve("t5-hf"), 12));
    }

    @Test
    void checkpointsBecomeAVerifiedPackageAndNoPartsAreLeft() throws Exception {
        Path out = dir.resolve("models").resolve("tiny");
        Files.createDirectories(out.getParent());
        ModelPackage p = CheckpointImport.importPackage(sources(), "tiny", new int[] {32, 32, 16},
                new double[] {1.5, 1.5, 3}, out);
        assertEquals("tiny", p.manifest().name());
        assertArrayEquals(new int[] {32, 32, 16}, p.manifest().output().size());
        assertEquals(1.0287, p.manifest().latentScaleFactor(), 1e-6);
        assertEquals("tiny", ModelPackage.open(out).manifest().name());
        try (Stream<Path> left = Files.list(out.getParent())) {
            assertEquals(1, left.count(), "temporary parts folder left behind");
        }
    }

    @Test
    void anExistingPackageFolderIsNotReplaced() throws Exception {
        Path out = Files.createDirectories(dir.resolve("taken"));
        var e = assertThrows(IllegalArgumentException.class, () -> CheckpointImport.importPackage(sources(), "tiny",
                new int[] {32, 32, 16}, new double[] {1.5, 1.5, 3}, out));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        try (Stream<Path> files = Files.list(out)) {
            assertFalse(files.findAny().isPresent());
        }
    }
}
