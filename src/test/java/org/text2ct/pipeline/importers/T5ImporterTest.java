package org.text2ct.pipeline.importers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.text2ct.weights.SafeTensorsFile;
import org.text2ct.weights.SafeTensorsWriter;
import org.text2ct.weights.TensorData;

class T5ImporterTest {
    @TempDir
    Path tmp;

    @Test
    void keepsOnlyEncoderTensorsAndCopiesConfigAndTokenizer() throws Exception {
        Path hf = TinyT5Folder.write(tmp.resolve("hf"), 12);
        ImportedTextEncoder t = T5Importer.importFolder(hf, tmp.resolve("out"), false);
        assertEquals(TinyT5Folder.FIXTURE_TENSORS, t.keptTensors());
        assertEquals(TinyT5Folder.DECODER_KEYS.length, t.droppedTensors());
        try (SafeTensorsFile out = SafeTensorsFile.open(t.weights())) {
            assertEquals(TinyT5Folder.FIXTURE_TENSORS, out.keys().size());
            assertFalse(out.keys().stream().anyMatch(k -> k.startsWith("decoder.") || k.startsWith("lm_head.")));
            assertArrayEquals(new long[] {120, 12}, out.get("shared.weight").shape());
            assertArrayEquals(new long[] {12, 12}, out.get("encoder.block.1.layer.0.SelfAttention.q.weight").shape());
            JsonObject config = JsonParser.parseString(out.metadata().get(ImportMetadata.CONFIG)).getAsJsonObject();
            assertEquals(12, config.get("d_model").getAsInt());
            assertEquals(2, config.get("num_layers").getAsInt());
            assertEquals("model.safetensors", out.metadata().get(ImportMetadata.SOURCE));
        }
        assertEquals(Files.readString(hf.resolve("tokenizer.json")), Files.readString(t.tokenizer()));
    }

    @Test
    void missingEncoderLayerKeyIsNamedAndNothingIsWritten() throws Exception {
        Path hf = TinyT5Folder.write(tmp.resolve("hf"), 16);
        String dropped = "encoder.block.1.layer.1.DenseReluDense.wo.weight";
        Map<String, TensorData> kept = new LinkedHashMap<>();
        try (SafeTensorsFile f = SafeTensorsFile.open(hf.resolve(T5Importer.WEIGHTS))) {
            f.keys().stream().filter(k -> !k.equals(dropped)).forEach(k -> kept.put(k, f.get(k)));
            SafeTensorsWriter.write(tmp.resolve("cut.safetensors"), kept, Map.of(), false);
        }
        Files.move(tmp.resolve("cut.safetensors"), hf.resolve(T5Importer.WEIGHTS),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path out = tmp.resolve("out");
        ImportException e = assertThrows(ImportException.class, () -> T5Importer.importFolder(hf, out, false));
        assertTrue(e.getMessage().contains("missing keys [" + dropped + "]"), e.getMessage());
        assertFalse(Files.exists(out.resolve("text_encoder.safetensors")));
        assertFalse(Files.exists(out.resolve("tokenizer.json")));
    }

    @Test
    void layerCountBeyondTheWeightsIsReported() throws Exception {
        Path hf = TinyT5Folder.write(tmp.resolve("hf"), 16);
        JsonObject config = JsonParser.parseString(Files.readString(hf.resolve("config.json"))).getAsJsonObject();
        config.addProperty("num_layers", 3);
        Files.writeString(hf.resolve("config.json"), config.toString());
        ImportException e = assertThrows(ImportException.class,
                () -> T5Importer.importFolder(hf, tmp.resolve("out"), false));
        assertTrue(e.getMessage().contains("encoder.block.2.layer.0.SelfAttention.q.weight"), e.getMessage());
    }

    @Test
    void refusesToOverwriteTheTokenizerWithoutOverwrite() throws Exception {
        Path hf = TinyT5Folder.write(tmp.resolve("hf"), 16);
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("tokenizer.json"), "mine");
        assertThrows(FileAlreadyExistsException.class, () -> T5Importer.importFolder(hf, out, false));
        assertEquals("mine", Files.readString(out.resolve("tokenizer.json")));
        assertFalse(Files.exists(out.resolve("text_encoder.safetensors")));
        T5Importer.importFolder(hf, out, true);
        assertEquals(Files.readString(hf.resolve("tokenizer.json")), Files.readString(out.resolve("tokenizer.json")));
    }

    @Test
    void olderFolderWithPytorchModelBinImportsTheSame() throws Exception {
        ImportedTextEncoder t = T5Importer.importFolder(ImportFixtures.path("t5_tiny_bin"), tmp.resolve("out"), false);
        assertEquals(TinyT5Folder.FIXTURE_TENSORS, t.keptTensors());
        assertEquals(2, t.droppedTensors());
        try (SafeTensorsFile out = SafeTensorsFile.open(t.weights());
                SafeTensorsFile fixture = SafeTensorsFile.open(
                        org.text2ct.TestFixtures.path("t5_relu_tiny.weights.safetensors"))) {
            assertEquals(fixture.keys(), out.keys());
            assertArrayEquals(fixture.get("encoder.block.1.layer.1.DenseReluDense.wo.weight").toFloats(),
                    out.get("encoder.block.1.layer.1.DenseReluDense.wo.weight").toFloats());
            assertEquals("pytorch_model.bin", out.metadata().get(ImportMetadata.SOURCE));
        }
    }

    @Test
    void folderWithoutConfigIsRefused() throws Exception {
        Path hf = TinyT5Folder.write(tmp.resolve("hf"), 16);
        Files.delete(hf.resolve("config.json"));
        ImportException e = assertThrows(ImportException.class,
                () -> T5Importer.importFolder(hf, tmp.resolve("out"), false));
        assertTrue(e.getMessage().contains("has no config.json"), e.getMessage());
    }
}
