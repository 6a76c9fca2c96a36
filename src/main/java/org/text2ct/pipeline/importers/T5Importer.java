package org.text2ct.pipeline.importers;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.text2ct.pipeline.pkg.ModelManifest;
import org.text2ct.weights.MapStateDict;
import org.text2ct.weights.PtFile;
import org.text2ct.weights.SafeTensorsFile;
import org.text2ct.weights.StateDict;
import org.text2ct.weights.TensorData;

/**
 * Imports a Hugging Face T5 folder ({@code model.safetensors}, or {@code pytorch_model.bin} in
 * older uploads, with {@code config.json} and {@code tokenizer.json}) as a text encoder: only {@code shared.weight} and {@code encoder.*} are
 * kept (the decoder and LM head are never used for conditioning), the config goes into the
 * metadata, and the tokenizer is copied. The encoder keys the config calls for must all be there.
 */
public final class T5Importer {
    public static final String WEIGHTS = "model.safetensors";
    public static final String WEIGHTS_BIN = "pytorch_model.bin";
    public static final String CONFIG = "config.json";

    private T5Importer() {
    }

    public static ImportedTextEncoder importFolder(Path hfDir, Path outputDir, boolean overwrite) throws IOException {
        Path weightsOut = outputDir.resolve(ModelManifest.TEXT_ENCODER_FILE);
        Path tokenizerOut = outputDir.resolve(ModelManifest.TOKENIZER_FILE);
        ImportOutputs.checkWritable(overwrite, weightsOut, tokenizerOut);
        Path tokenizer = require(hfDir, ModelManifest.TOKENIZER_FILE);
        JsonObject config = readConfig(require(hfDir, CONFIG));
        try (StateDict hf = openWeights(hfDir)) {
            Map<String, TensorData> encoder = new LinkedHashMap<>();
            hf.keys().stream().filter(T5EncoderKeys::isEncoderKey).forEach(k -> encoder.put(k, hf.get(k)));
            checkKeys(hf.source(), config, encoder.keySet());
            SafeTensorsOutput.write(weightsOut, new MapStateDict(hf.source(), encoder, Map.of()), hf.source(),
                    Map.of(ImportMetadata.CONFIG, config.toString()), overwrite);
            try {
                Files.copy(tokenizer, tokenizerOut, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                Files.deleteIfExists(weightsOut);
                throw e;
            }
            return new ImportedTextEncoder(weightsOut, tokenizerOut, encoder.size(), hf.keys().size() - encoder.size());
        }
    }

    private static StateDict openWeights(Path dir) throws IOException {
        Path bin = dir.resolve(WEIGHTS_BIN);
        if (!Files.isRegularFile(dir.resolve(WEIGHTS)) && Files.isRegularFile(bin)) {
            return PtFile.open(bin);
        }
        return SafeTensorsFile.open(require(dir, WEIGHTS));
    }

    private static Path require(Path dir, String name) throws ImportException {
        Path p = dir.resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new ImportException(dir + ": has no " + name + "; point to a Hugging Face T5 folder with "
                    + WEIGHTS + " or " + WEIGHTS_BIN + " (one file, not sharded), " + CONFIG + " and " + ModelManifest.TOKENIZER_FILE);
        }
        return p;
    }

    private static JsonObject readConfig(Path file) throws IOException {
        try {
            JsonObject config = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            for (String key : new String[] {"d_model", "num_layers"}) {
                if (!config.has(key) || !config.get(key).isJsonPrimitive()) {
                    throw new ImportException(file + ": has no " + key + "; is this a T5 config.json?");
                }
            }
            return config;
        } catch (JsonParseException | IllegalStateException e) {
            throw new ImportException(file + ": not a JSON object: " + e.getMessage(), e);
        }
    }

    private static void checkKeys(Path source, JsonObject config, Set<String> kept) throws ImportException {
        Set<String> expected = T5EncoderKeys.expected(config);
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(kept);
        List<String> unexpected = new ArrayList<>(kept);
        unexpected.removeAll(expected);
        unexpected.remove(T5EncoderKeys.TIED_EMBEDDING);
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            throw new ImportException(source + ": encoder weights do not fit config.json (num_layers "
                    + config.get("num_layers") + ")" + (missing.isEmpty() ? "" : "; missing keys " + missing)
                    + (unexpected.isEmpty() ? "" : "; unexpected keys " + unexpected)
                    + ". Check that config.json belongs to these weights");
        }
    }
}
