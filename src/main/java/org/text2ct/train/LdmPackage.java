package org.text2ct.train;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
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
 * Writes what LDM training produced as a model package: the frozen VAE file as given, the trained
 * UNet and text encoder, the tokenizer, the scheduler the UNet was trained for, guidance with the
 * empty prompt as null context (what prompt dropout trained), output size and spacing of the
 * training volumes, and provenance.
 */
public final class LdmPackage {

    /** What the package says besides the networks. */
    public record Spec(String name, String description, Path vaeFile, SchedulerType schedulerType, String schedulerJson,
            int inferenceSteps, double guidanceScale, int[] outputSize, double[] spacing) {
    }

    private LdmPackage() {
    }

    public static ModelPackage write(Path dir, Spec spec, LdmTrainer trainer, LdmText text, JsonObject provenance)
            throws IOException {
        Path staging = Files.createDirectories(dir.toAbsolutePath().resolveSibling("." + dir.getFileName() + ".staging"));
        try {
            Path unetFile = staging.resolve(ModelManifest.UNET_FILE);
            trainer.writeUnet(unetFile);
            text.writeTo(staging);
            ModelManifest manifest = new ModelManifest(ModelManifest.FORMAT_VERSION, spec.name(), spec.description(),
                    new WeightsEntry(ModelManifest.AUTOENCODER_FILE, null, configOf(spec.vaeFile())),
                    new WeightsEntry(ModelManifest.UNET_FILE, null, JsonParser.parseString(trainer.unetJson()).getAsJsonObject()),
                    new TextEncoderEntry(TextEncoderType.T5, ModelManifest.TEXT_ENCODER_FILE, null,
                            JsonParser.parseString(text.configJson()).getAsJsonObject(),
                            new TokenizerEntry(ModelManifest.TOKENIZER_FILE, null, text.maxLength())),
                    new SchedulerEntry(spec.schedulerType(), JsonParser.parseString(spec.schedulerJson()).getAsJsonObject(),
                            spec.inferenceSteps()),
                    new Guidance(spec.guidanceScale(), NullContext.EMPTY_PROMPT), trainer.scaleFactor(),
                    new Output(spec.outputSize(), spec.spacing()), new Conditioning(null, false, trainer.masksPadding()),
                    ModelManifest.PROMPT_PLACEHOLDER, provenance);
            return ModelPackageWriter.write(dir, manifest, new ModelPackageWriter.Sources(spec.vaeFile(), unetFile,
                    staging.resolve(ModelManifest.TEXT_ENCODER_FILE), staging.resolve(ModelManifest.TOKENIZER_FILE)), true);
        } finally {
            try (Stream<Path> files = Files.walk(staging)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static JsonObject configOf(Path weights) throws IOException {
        try (SafeTensorsFile f = SafeTensorsFile.open(weights)) {
            String config = f.metadata().get(WeightMetadata.CONFIG);
            if (config == null) {
                throw new TrainingDataException(weights + " has no config metadata (train-vae and import vae write it)");
            }
            return JsonParser.parseString(config).getAsJsonObject();
        }
    }
}
