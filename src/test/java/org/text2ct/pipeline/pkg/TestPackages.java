package org.text2ct.pipeline.pkg;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.text2ct.TestFixtures;
import org.text2ct.pipeline.importers.TinyT5Folder;
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
import org.text2ct.weights.SafeTensorsFile;

/**
 * A small valid package from the MONAI-keyed fixtures: the tiny VAE (factor 4), the tiny Text2CT
 * UNet (3 levels, cross-attention 12, 8 classes, spacing input) and a tiny T5 with d_model 12.
 */
final class TestPackages {
    static final String VAE = "maisi_vae_tiny.weights.safetensors";
    static final String UNET = "text2ct_unet_tiny.weights.safetensors";
    static final String RFLOW = "{\"num_train_timesteps\":1000,\"use_timestep_transform\":true}";

    private TestPackages() {
    }

    static ModelManifest manifest(Path t5Folder) throws IOException {
        JsonObject t5 = JsonParser.parseString(Files.readString(t5Folder.resolve("config.json"), StandardCharsets.UTF_8))
                .getAsJsonObject();
        return new ModelManifest(1, "tiny", "test package", new WeightsEntry(ModelManifest.AUTOENCODER_FILE, null,
                fixtureConfig(VAE)), new WeightsEntry(ModelManifest.UNET_FILE, null, fixtureConfig(UNET)),
                new TextEncoderEntry(TextEncoderType.T5, ModelManifest.TEXT_ENCODER_FILE, null, t5,
                        new TokenizerEntry(ModelManifest.TOKENIZER_FILE, null, 64)),
                new SchedulerEntry(SchedulerType.RECTIFIED_FLOW, JsonParser.parseString(RFLOW).getAsJsonObject(), 30),
                new Guidance(5.0, NullContext.EMPTY_PROMPT), 1.0287, new Output(new int[] {32, 32, 48},
                        new double[] {1.5, 1.5, 3.0}), new Conditioning(1, true, false), "chest CT: {prompt}", null);
    }

    static Path t5Folder(Path dir) throws IOException {
        return TinyT5Folder.write(dir, 12);
    }

    static ModelPackageWriter.Sources sources(Path t5Folder) {
        return new ModelPackageWriter.Sources(TestFixtures.path(VAE), TestFixtures.path(UNET),
                t5Folder.resolve("model.safetensors"), t5Folder.resolve("tokenizer.json"));
    }

    /** Writes a package whose manifest JSON was changed by {@code edit} (applied before hashing). */
    static ModelPackage write(Path dir, Path t5Folder, UnaryOperator<ModelManifest> edit) throws IOException {
        return ModelPackageWriter.write(dir, edit.apply(manifest(t5Folder)), sources(t5Folder), false);
    }

    static JsonObject fixtureConfig(String name) throws IOException {
        try (SafeTensorsFile f = SafeTensorsFile.open(TestFixtures.path(name))) {
            return JsonParser.parseString(f.metadata().get("config")).getAsJsonObject();
        }
    }
}
