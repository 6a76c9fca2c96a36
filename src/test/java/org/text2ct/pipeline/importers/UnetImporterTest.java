package org.text2ct.pipeline.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.text2ct.weights.DType;
import org.text2ct.weights.SafeTensorsFile;

class UnetImporterTest {
    @TempDir
    Path tmp;

    @Test
    void importsWeightsAndScaleFactorFromTheCheckpoint() throws Exception {
        Path out = tmp.resolve("unet.safetensors");
        ImportedWeights w = UnetImporter.importPt(ImportFixtures.path("unet_tiny.pt"), null,
                ImportFixtures.config("unet_tiny.config.json"), "test config", null, out, false);
        assertEquals(ImportFixtures.UNET_SCALE_FACTOR, w.scaleFactor().getAsDouble(), 1e-6);
        try (SafeTensorsFile f = SafeTensorsFile.open(out)) {
            assertEquals(w.tensorCount(), f.keys().size());
            assertTrue(f.keys().contains("middle_block.attention.transformer_blocks.0.attn2.to_k.weight"));
            assertEquals(DType.F16, f.get("conv_in.conv.weight").dtype(), "tensors keep the checkpoint's dtype");
            assertEquals(ImportFixtures.UNET_SCALE_FACTOR,
                    Double.parseDouble(f.metadata().get(ImportMetadata.SCALE_FACTOR)), 1e-6);
        }
    }

    @Test
    void givenScaleFactorOverridesTheStoredOne() throws Exception {
        ImportedWeights w = UnetImporter.importPt(ImportFixtures.path("unet_tiny.pt"), "unet_state_dict",
                ImportFixtures.config("unet_tiny.config.json"), "c", 0.5, tmp.resolve("u.safetensors"), false);
        assertEquals(0.5, w.scaleFactor().getAsDouble());
    }

    @Test
    void wrongKeyListsTheCheckpointsKeys() throws Exception {
        Path out = tmp.resolve("u.safetensors");
        Exception e = assertThrows(java.io.IOException.class, () -> UnetImporter.importPt(
                ImportFixtures.path("unet_tiny.pt"), "ema_state_dict", ImportFixtures.config("unet_tiny.config.json"),
                "c", null, out, false));
        assertTrue(e.getMessage().contains("has no dict under 'ema_state_dict'"), e.getMessage());
        assertTrue(e.getMessage().contains("unet_state_dict"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void checkpointWithoutScaleFactorAsksForOne() {
        ImportException e = assertThrows(ImportException.class, () -> UnetImporter.importPt(
                ImportFixtures.path("vae_tiny_wrapped.pt"), "state_dict", ImportFixtures.config("unet_tiny.config.json"),
                "c", null, tmp.resolve("u.safetensors"), false));
        assertTrue(e.getMessage().contains("pass --scale-factor"), e.getMessage());
    }
}
