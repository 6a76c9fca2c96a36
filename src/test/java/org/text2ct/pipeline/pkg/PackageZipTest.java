package org.text2ct.pipeline.pkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.text2ct.nn.Engines;
import org.text2ct.weights.Sha256;

class PackageZipTest {
    @TempDir
    Path tmp;
    Path dir;
    String previousCache;

    @BeforeEach
    void writePackageAndUseATemporaryCache() throws Exception {
        dir = tmp.resolve("pkg");
        TestPackages.write(dir, TestPackages.t5Folder(tmp.resolve("t5")), m -> m);
        previousCache = System.getProperty(Engines.CACHE_PROPERTY);
        System.setProperty(Engines.CACHE_PROPERTY, tmp.resolve("cache").toString());
    }

    @AfterEach
    void restoreCache() {
        if (previousCache == null) {
            System.clearProperty(Engines.CACHE_PROPERTY);
        } else {
            System.setProperty(Engines.CACHE_PROPERTY, previousCache);
        }
    }

    @Test
    void zippedPackageOpensFromTheCacheFolderNamedByItsHash() throws Exception {
        Path zip = zip("tiny.zip", "");
        ModelPackage p = ModelPackage.open(zip);
        assertEquals(tmp.resolve("cache").resolve("models").resolve(Sha256.of(zip)), p.directory());
        assertEquals("tiny", p.manifest().name());
        try (NDManager nd = NDManager.newBaseManager(Engines.device("cpu"), "PyTorch")) {
            assertEquals(12, p.loadUnet(nd).config().crossAttentionDim());
        }
        assertEquals(p.directory(), ModelPackage.open(zip).directory(), "a second open reuses the unpacked copy");
    }

    @Test
    void zipWithOneTopLevelFolderOpens() throws Exception {
        ModelPackage p = ModelPackage.open(zip("nested.zip", "tiny-model/"));
        assertEquals("tiny-model", p.directory().getFileName().toString());
        assertEquals(1.0287, p.manifest().latentScaleFactor());
    }

    @Test
    void zipSlipEntryIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path zip = tmp.resolve("evil.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            add(out, "model.json", "{}".getBytes(StandardCharsets.UTF_8));
            add(out, "../../escaped.txt", "gotcha".getBytes(StandardCharsets.UTF_8));
        }
        ModelPackageException e = assertThrows(ModelPackageException.class, () -> ModelPackage.open(zip));
        assertEquals(zip + ": entry '../../escaped.txt' points outside the package or is a link; refusing to unpack"
                + " this zip (it may be malicious)", e.getMessage());
        assertFalse(Files.exists(tmp.resolve("cache").resolve("escaped.txt")));
        assertFalse(Files.exists(tmp.resolve("cache").resolve("models").resolve(Sha256.of(zip))));
        try (Stream<Path> s = Files.list(tmp.resolve("cache").resolve("models"))) {
            assertEquals(List.of(), s.toList(), "the half-unpacked folder is removed");
        }
    }

    @Test
    void corruptedFileInsideTheZipIsCaught() throws Exception {
        byte[] vae = Files.readAllBytes(dir.resolve("autoencoder.safetensors"));
        vae[vae.length - 1] ^= 0x10;
        Files.write(dir.resolve("autoencoder.safetensors"), vae);
        ModelPackageException e = assertThrows(ModelPackageException.class, () -> ModelPackage.open(zip("bad.zip", "")));
        assertTrue(e.getMessage().contains("autoencoder.safetensors: SHA-256 mismatch"), e.getMessage());
    }

    private Path zip(String name, String prefix) throws IOException {
        Path zip = tmp.resolve(name);
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip); Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                add(out, prefix + f.getFileName(), Files.readAllBytes(f));
            }
        }
        return zip;
    }

    private static void add(ZipArchiveOutputStream out, String name, byte[] data) throws IOException {
        out.putArchiveEntry(new ZipArchiveEntry(name));
        out.write(data);
        out.closeArchiveEntry();
    }
}
