package org.text2ct.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.text2ct.model.text.T5Config;
import org.text2ct.model.text.T5Encoder;
import org.text2ct.nn.ParamStore;
import org.text2ct.text.TextTokenizer;
import org.text2ct.text.TokenIds;
import org.text2ct.weights.SafeTensorsFile;
import org.text2ct.weights.SafeTensorsWriter;
import org.text2ct.weights.TensorData;

/**
 * The text side of LDM training: a T5 encoder with its tokenizer, either a small one trained from
 * scratch together with the UNet (its parameters are in {@link #trainable()}), or an imported,
 * frozen one (its parameters are constants and {@link #trainable()} is empty).
 */
public final class LdmText implements AutoCloseable {
    private final T5Encoder encoder;
    private final TextTokenizer tokenizer;
    private final Path tokenizerJson;
    private final String configJson;
    private final TrainableParams params;
    private final Path frozenWeights;

    private LdmText(T5Encoder encoder, TextTokenizer tokenizer, Path tokenizerJson, String configJson,
            TrainableParams params, Path frozenWeights) {
        this.frozenWeights = frozenWeights;
        this.encoder = encoder;
        this.tokenizer = tokenizer;
        this.tokenizerJson = tokenizerJson;
        this.configJson = configJson;
        this.params = params;
    }

    /** A T5 encoder of {@code configJson} to train, starting from {@code initial} (a checkpoint) or fresh. */
    public static LdmText trainable(String configJson, Path tokenizerJson, int maxLength, NDManager manager, long seed,
            Map<String, TensorData> initial) throws IOException {
        TrainableParams p = new TrainableParams(manager, seed, initial);
        T5Encoder e = new T5Encoder(T5Config.fromJson(configJson), p.store());
        return new LdmText(e, TextTokenizer.open(tokenizerJson, maxLength), tokenizerJson, configJson, p, null);
    }

    /** An imported encoder folder ({@code text_encoder.safetensors} with config metadata, {@code tokenizer.json}). */
    public static LdmText frozen(Path folder, int maxLength, NDManager manager) throws IOException {
        Path weights = folder.resolve("text_encoder.safetensors");
        try (SafeTensorsFile f = SafeTensorsFile.open(weights)) {
            String config = f.metadata().get(WeightMetadata.CONFIG);
            if (config == null) {
                throw new TrainingDataException(weights + " has no config metadata; make it with 'text2ct import t5'");
            }
            ParamStore p = new ParamStore(f, manager);
            T5Encoder e = new T5Encoder(T5Config.fromJson(config), p);
            p.checkStrict();
            Path tok = folder.resolve("tokenizer.json");
            return new LdmText(e, TextTokenizer.open(tok, maxLength), tok, config, null, weights);
        }
    }

    /** Per-token states [B, L, d_model] and the tokens' attention mask [B, L] (1 real, 0 padding). */
    public record Context(NDArray states, NDArray mask) {
    }

    /** The encoded prompts (the empty prompt included). */
    public Context context(List<String> prompts, NDManager scope) {
        int len = tokenizer.maxLength();
        long[] ids = new long[prompts.size() * len];
        long[] mask = new long[ids.length];
        for (int b = 0; b < prompts.size(); b++) {
            TokenIds t = tokenizer.encode(prompts.get(b));
            System.arraycopy(t.inputIds(), 0, ids, b * len, len);
            System.arraycopy(t.attentionMask(), 0, mask, b * len, len);
        }
        Shape shape = new Shape(prompts.size(), len);
        NDArray maskArray = scope.create(mask, shape);
        return new Context(encoder.forward(scope.create(ids, shape), maskArray), maskArray);
    }

    public Map<String, NDArray> trainable() {
        return params == null ? Map.of() : params.params();
    }

    public int maxLength() {
        return tokenizer.maxLength();
    }

    public int width() {
        return encoder.config().dModel();
    }

    /** Writes {@code text_encoder.safetensors} (current weights, config metadata) and {@code tokenizer.json} into {@code dir}. */
    public void writeTo(Path dir) throws IOException {
        Path weights = dir.resolve("text_encoder.safetensors");
        if (params != null) {
            SafeTensorsWriter.write(weights, params.snapshot(), Map.of(WeightMetadata.CONFIG, configJson), true);
        } else {
            Files.copy(frozenWeights, weights, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.copy(tokenizerJson, dir.resolve("tokenizer.json"), StandardCopyOption.REPLACE_EXISTING);
    }

    public String configJson() {
        return configJson;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
