package org.text2ct.pipeline.importers;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Path;
import org.text2ct.model.unet.UnetConfig;
import org.text2ct.pipeline.pkg.ModelManifest;
import org.text2ct.pipeline.pkg.ModelManifest.Conditioning;
import org.text2ct.pipeline.pkg.ModelManifest.SchedulerEntry;
import org.text2ct.pipeline.pkg.ModelManifest.TextEncoderEntry;
import org.text2ct.pipeline.pkg.ModelManifest.TextEncoderType;
import org.text2ct.pipeline.pkg.ModelManifest.TokenizerEntry;
import org.text2ct.pipeline.pkg.ModelManifest.WeightsEntry;
import org.text2ct.pipeline.pkg.ModelPackage;
import org.text2ct.pipeline.pkg.ModelPackageWriter;
import org.text2ct.weights.SafeTensorsFile;

/**
 * Assembles a model package from imported parts: the network configs come from the imported files'
 * {@code config} metadata, the scale factor from the UNet's, and provenance records each part's
 * source checkpoint and its SHA-256.
 */
public final class PackageAssembler {
    private PackageAssembler() {
    }

    public static ModelPackage assemble(PackageRequest r, Path outputDir, boolean overwrite) throws IOException {
        JsonObject provenance = new JsonObject();
        provenance.addProperty("tool", "text2ct import package");
        WeightsEntry vae = imported(r.autoencoder(), ModelManifest.AUTOENCODER_FILE, "autoencoder", provenance);
        WeightsEntry unet = imported(r.unet(), ModelManifest.UNET_FILE, "unet", provenance);
        double scale = r.scaleFactor() != null ? r.scaleFactor() : storedScaleFactor(r.unet());
        TextEncoderEntry text = TextEncoderEntry.NONE;
        Path textWeights = null;
        Path tokenizer = null;
        if (r.textEncoderType() != TextEncoderType.NONE) {
            textWeights = r.textEncoderDir().resolve(ModelManifest.TEXT_ENCODER_FILE);
            tokenizer = r.textEncoderDir().resolve(ModelManifest.TOKENIZER_FILE);
            WeightsEntry encoder = imported(textWeights, ModelManifest.TEXT_ENCODER_FILE, "text_encoder", provenance);
            text = new TextEncoderEntry(r.textEncoderType(), encoder.file(), null, encoder.config(),
                    new TokenizerEntry(ModelManifest.TOKENIZER_FILE, null, r.maxLength()));
        }
        String schedulerJson = r.schedulerConfigJson() != null ? r.schedulerConfigJson()
                : DefaultSchedulers.config(r.schedulerType());
        int steps = r.steps() != null ? r.steps() : DefaultSchedulers.steps(r.schedulerType());
        SchedulerEntry scheduler = new SchedulerEntry(r.schedulerType(), object("scheduler config", schedulerJson), steps);
        String unetJson = unet.config().toString();
        boolean spacingInput = StrictNetworkCheck.config(r.unet().toString(), "MONAI DiffusionModelUNetMaisi",
                () -> UnetConfig.fromJson(unetJson)).includeSpacingInput();
        ModelManifest manifest = new ModelManifest(ModelManifest.FORMAT_VERSION, r.name(), r.description(), vae, unet,
                text, scheduler, r.guidance(), scale, r.output(), new Conditioning(r.classLabel(), spacingInput, false),
                r.promptTemplate(), provenance);
        return ModelPackageWriter.write(outputDir, manifest,
                new ModelPackageWriter.Sources(r.autoencoder(), r.unet(), textWeights, tokenizer), overwrite);
    }

    /** The file's config metadata as a manifest entry; its source and SHA-256 go into provenance. */
    private static WeightsEntry imported(Path file, String name, String part, JsonObject provenance)
            throws IOException {
        try (SafeTensorsFile f = SafeTensorsFile.open(file)) {
            String config = f.metadata().get(ImportMetadata.CONFIG);
            if (config == null) {
                throw new ImportException(file + ": has no '" + ImportMetadata.CONFIG
                        + "' metadata; make it with 'text2ct import' first");
            }
            JsonObject source = new JsonObject();
            source.addProperty("source", f.metadata().get(ImportMetadata.SOURCE));
            source.addProperty("source_sha256", f.metadata().get(ImportMetadata.SOURCE_SHA256));
            provenance.add(part, source);
            return new WeightsEntry(name, null, object(file + " config metadata", config));
        }
    }

    private static double storedScaleFactor(Path unet) throws IOException {
        try (SafeTensorsFile f = SafeTensorsFile.open(unet)) {
            String stored = f.metadata().get(ImportMetadata.SCALE_FACTOR);
            if (stored == null) {
                throw new ImportException(unet + ": has no '" + ImportMetadata.SCALE_FACTOR
                        + "' metadata; pass --scale-factor");
            }
            return Double.parseDouble(stored);
        }
    }

    private static JsonObject object(String what, String json) throws ImportException {
        try {
            return JsonParser.parseString(json).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new ImportException(what + " is not a JSON object: " + e.getMessage(), e);
        }
    }
}
