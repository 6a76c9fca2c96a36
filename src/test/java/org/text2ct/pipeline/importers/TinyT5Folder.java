package org.text2ct.pipeline.importers;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.text2ct.TestFixtures;
import org.text2ct.weights.SafeTensorsFile;
import org.text2ct.weights.SafeTensorsWriter;
import org.text2ct.weights.TensorData;

/**
 * Writes a Hugging Face T5 folder the way {@code save_pretrained} lays it out, from the tiny
 * ReLU T5 fixture: encoder and shared weights, plus decoder and LM-head tensors that an import must
 * drop. {@code dModel} 12 narrows every 16-wide dimension (d_model and heads × d_kv) to 12, so the
 * encoder fits the tiny UNet's cross-attention width.
 */
public final class TinyT5Folder {
    public static final int FIXTURE_TENSORS = 20;
    public static final String[] DECODER_KEYS = {"decoder.block.0.layer.0.SelfAttention.q.weight", "lm_head.weight"};

    private TinyT5Folder() {
    }

    public static Path write(Path dir, int dModel) throws IOException {
        Files.createDirectories(dir);
        Map<String, TensorData> tensors = new LinkedHashMap<>();
        JsonObject config;
        try (SafeTensorsFile fixture = SafeTensorsFile.open(TestFixtures.path("t5_relu_tiny.weights.safetensors"))) {
            config = JsonParser.parseString(fixture.metadata().get("config")).getAsJsonObject();
            for (String k : fixture.keys()) {
                tensors.put(k, narrow(fixture.get(k), 16, dModel));
            }
        }
        for (String k : DECODER_KEYS) {
            tensors.put(k, TensorData.ofFloats(new long[] {2, 2}, new float[] {1, 2, 3, 4}));
        }
        config.addProperty("d_model", dModel);
        config.addProperty("d_kv", dModel / config.get("num_heads").getAsInt());
        config.addProperty("model_type", "t5");
        SafeTensorsWriter.write(dir.resolve(T5Importer.WEIGHTS), tensors, Map.of("format", "pt"), false);
        Files.writeString(dir.resolve(T5Importer.CONFIG), config.toString(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("tokenizer.json"),
                "{\"version\":\"1.0\",\"model\":{\"type\":\"Unigram\",\"vocab\":[[\"<pad>\",0.0],[\"</s>\",0.0]]}}",
                StandardCharsets.UTF_8);
        return dir;
    }

    /** The leading block of a 1-D or 2-D float tensor with every {@code from}-long dimension cut to {@code to}. */
    private static TensorData narrow(TensorData t, int from, int to) {
        long[] shape = t.shape();
        long[] out = shape.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = shape[i] == from ? to : shape[i];
        }
        float[] v = t.toFloats();
        int cols = shape.length == 2 ? (int) shape[1] : (int) shape[0];
        int rows = shape.length == 2 ? (int) out[0] : 1;
        int keep = shape.length == 2 ? (int) out[1] : (int) out[0];
        float[] r = new float[rows * keep];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(v, i * cols, r, i * keep, keep);
        }
        return TensorData.ofFloats(out, r);
    }
}
