package org.text2ct.pipeline;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.text2ct.TestFixtures;
import org.text2ct.pipeline.importers.T5Importer;
import org.text2ct.pipeline.importers.TinyT5Folder;
import org.text2ct.pipeline.pkg.ModelManifest;
import org.text2ct.pipeline.pkg.ModelManifest.Conditioning;
import org.text2ct.pipeline.pkg.ModelManifest.Guidance;
import org.text2ct.pipeline.pkg.ModelManifest.NullContext;
import org.text2ct.pipeline.pkg.ModelManifest.Output;
import org.text2ct.pipeline.pkg.ModelManifest.SchedulerEntry;
import org.text2ct.pipeline.pkg.ModelManifest.SchedulerType;
import org.text2ct.pipeline.pkg.ModelManifest.TextEncoderEntry;
import org.text2ct.pipeline.pkg.ModelManifest.TextEncoderType;
import org.text2ct.pipeline.pkg.ModelManifest.TokenizerEntry;
import org.text2ct.pipeline.pkg.ModelManifest.WeightsEntry;
import org.text2ct.pipeline.pkg.ModelPackage;
import org.text2ct.pipeline.pkg.ModelPackageWriter;
import org.text2ct.weights.SafeTensorsFile;

/**
 * A complete, tiny model package for tests of generate, Fiji commands and macros: the reference
 * tiny VAE and Text2CT UNet, a T5 narrowed to the UNet's cross-attention width (12) and a real
 * unigram tokenizer.json. Output 32×32×32 voxels of 6 mm; 2-step generations take seconds.
 */
public final class TinyModelPackage {
    public static final int[] SIZE = {32, 32, 32};
    public static final double[] SPACING = {6, 6, 6};

    private TinyModelPackage() {
    }

    public static ModelPackage write(Path dir) throws IOException {
        Path parts = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-parts"));
        Path t5 = TinyT5Folder.write(parts.resolve("t5"), 12);
        Files.copy(TestFixtures.path("../tokenizers/t5-unigram-tiny.json"), t5.resolve("tokenizer.json"),
                StandardCopyOption.REPLACE_EXISTING);
        Path encoder = parts.resolve("encoder");
        T5Importer.importFolder(t5, encoder, false);
        JsonObject t5Config = JsonParser.parseString(Files.readString(t5.resolve("config.json"), StandardCharsets.UTF_8))
                .getAsJsonObject();
        ModelManifest manifest = new ModelManifest(1, "tiny-test", "tiny random-weight package for tests",
                new WeightsEntry(ModelManifest.AUTOENCODER_FILE, null, config("maisi_vae_tiny.weights.safetensors")),
                new WeightsEntry(ModelManifest.UNET_FILE, null, config("text2ct_unet_tiny.weights.safetensors")),
                new TextEncoderEntry(TextEncoderType.T5, ModelManifest.TEXT_ENCODER_FILE, null, t5Config,
                        new TokenizerEntry(ModelManifest.TOKENIZER_FILE, null, 16)),
                new SchedulerEntry(SchedulerType.RECTIFIED_FLOW,
                        JsonParser.parseString("{\"num_train_timesteps\":1000,\"use_timestep_transform\":true}")
                                .getAsJsonObject(), 2),
                new Guidance(5.0, NullContext.EMPTY_PROMPT), 1.25, new Output(SIZE.clone(), SPACING.clone()),
                new Conditioning(1, true, false), "chest CT: {prompt}", null);
        return ModelPackageWriter.write(dir, manifest, new ModelPackageWriter.Sources(
                TestFixtures.path("maisi_vae_tiny.weights.safetensors"),
                TestFixtures.path("text2ct_unet_tiny.weights.safetensors"),
                encoder.resolve(ModelManifest.TEXT_ENCODER_FILE), encoder.resolve(ModelManifest.TOKENIZER_FILE)), false);
    }

    private static JsonObject config(String fixture) throws IOException {
        try (SafeTensorsFile f = SafeTensorsFile.open(TestFixtures.path(fixture))) {
            return JsonParser.parseString(f.metadata().get("config")).getAsJsonObject();
        }
    }
}
