package org.text2ct.pipeline.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.text2ct.TestFixtures;
import org.text2ct.weights.SafeTensorsFile;
import org.text2ct.weights.Sha256;

class VaeImporterTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"vae_tiny_plain.pt", "vae_tiny_wrapped.pt"})
    void importsPlainAndDataParallelCheckpoints(String checkpoint) throws Exception {
        Path out = tmp.resolve("autoencoder.safetensors");
        ImportedWeights w = VaeImporter.importPt(ImportFixtures.path(checkpoint),
                ImportFixtures.config("vae_tiny.config.json"), "test config", out, false);
        assertEquals(ImportFixtures.VAE_TENSORS, w.tensorCount());
        try (SafeTensorsFile f = SafeTensorsFile.open(out)) {
            assertEquals(ImportFixtures.VAE_TENSORS, f.keys().size());
            assertTrue(f.keys().contains("decoder.blocks.10.conv.conv.weight"), "module. prefix must be gone");
            assertEquals(4, JsonParser.parseString(f.metadata().get(ImportMetadata.CONFIG)).getAsJsonObject()
                    .getAsJsonArray("num_channels").get(0).getAsInt());
            assertEquals(checkpoint, f.metadata().get(ImportMetadata.SOURCE));
            assertEquals(Sha256.of(ImportFixtures.path(checkpoint)), f.metadata().get(ImportMetadata.SOURCE_SHA256));
        }
    }

    @Test
    void configThatDoesNotFitNamesTheMismatchedKeysAndWritesNothing() throws Exception {
        Path out = tmp.resolve("autoencoder.safetensors");
        String wide;
        try (SafeTensorsFile f = SafeTensorsFile.open(TestFixtures.path("maisi_vae_tiny.weights.safetensors"))) {
            wide = f.metadata().get("config");
        }
        ImportException e = assertThrows(ImportException.class, () -> VaeImporter.importPt(
                ImportFixtures.path("vae_tiny_plain.pt"), wide, "test config", out, false));
        assertTrue(e.getMessage().contains("shape mismatches"), e.getMessage());
        assertTrue(e.getMessage().contains("encoder.blocks.0.conv.conv.weight [4, 1, 3, 3, 3] (expected [8, 1, 3, 3, 3])"),
                e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void unetCheckpointIsNotAVae() throws Exception {
        ImportException e = assertThrows(ImportException.class, () -> VaeImporter.importPt(
                ImportFixtures.path("unet_tiny.pt"), ImportFixtures.config("vae_tiny.config.json"), "test config",
                tmp.resolve("a.safetensors"), false));
        assertTrue(e.getMessage().contains("126 missing keys: encoder.blocks.0.conv.conv.weight"), e.getMessage());
        assertTrue(e.getMessage().contains("1 unexpected keys: scale_factor"), e.getMessage());
    }

    @Test
    void invalidConfigNamesItsOrigin() {
        ImportException e = assertThrows(ImportException.class, () -> VaeImporter.importPt(
                ImportFixtures.path("vae_tiny_plain.pt"), "{\"in_channels\":1,\"out_channels\":1,"
                        + "\"num_channels\":[4,8,8],\"num_res_blocks\":[2,2],\"norm_num_groups\":4}",
                "--config my.json", tmp.resolve("a.safetensors"), false));
        assertTrue(e.getMessage().startsWith("--config my.json: not a valid MONAI AutoencoderKlMaisi config"),
                e.getMessage());
        assertTrue(e.getMessage().contains("num_res_blocks has 2 entries"), e.getMessage());
    }

    @Test
    void refusesToOverwriteWithoutOverwrite() throws Exception {
        Path out = Files.writeString(tmp.resolve("autoencoder.safetensors"), "keep me");
        assertThrows(FileAlreadyExistsException.class, () -> VaeImporter.importPt(
                ImportFixtures.path("vae_tiny_plain.pt"), ImportFixtures.config("vae_tiny.config.json"), "c", out,
                false));
        assertEquals("keep me", Files.readString(out));
        VaeImporter.importPt(ImportFixtures.path("vae_tiny_plain.pt"), ImportFixtures.config("vae_tiny.config.json"),
                "c", out, true);
        try (SafeTensorsFile f = SafeTensorsFile.open(out)) {
            assertEquals(ImportFixtures.VAE_TENSORS, f.keys().size());
        }
    }
}
