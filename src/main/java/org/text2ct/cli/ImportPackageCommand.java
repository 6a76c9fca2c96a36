package org.text2ct.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.text2ct.pipeline.importers.PackageAssembler;
import org.text2ct.pipeline.importers.PackageRequest;
import org.text2ct.pipeline.pkg.ModelManifest;
import org.text2ct.pipeline.pkg.ModelManifest.Guidance;
import org.text2ct.pipeline.pkg.ModelManifest.NullContext;
import org.text2ct.pipeline.pkg.ModelManifest.Output;
import org.text2ct.pipeline.pkg.ModelManifest.SchedulerType;
import org.text2ct.pipeline.pkg.ModelManifest.TextEncoderType;
import org.text2ct.pipeline.pkg.ModelPackage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code import package}: a model package folder from imported parts. */
@Command(name = "package", mixinStandardHelpOptions = true,
        description = "Assemble a model package (model.json + weights, SHA-256 recorded) from imported parts.")
public final class ImportPackageCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--name", required = true, description = "Model name shown to users")
    String name;

    @Option(names = "--description", defaultValue = "", description = "One-line description")
    String description;

    @Option(names = "--vae", required = true, description = "autoencoder.safetensors from 'import vae'")
    Path vae;

    @Option(names = "--unet", required = true, description = "unet.safetensors from 'import unet'")
    Path unet;

    @Option(names = "--text-encoder", paramLabel = "FOLDER",
            description = "Folder with text_encoder.safetensors and tokenizer.json from 'import t5'")
    Path textEncoder;

    @Option(names = "--text-encoder-type", description = "t5, biomedclip or none (default: t5 with --text-encoder, else none)")
    TextEncoderType textEncoderType;

    @Option(names = "--max-length", defaultValue = "512", description = "Most prompt tokens (default ${DEFAULT-VALUE})")
    int maxLength;

    @Option(names = "--scheduler", defaultValue = "rectified_flow",
            description = "rectified_flow, ddim or ddpm (default ${DEFAULT-VALUE})")
    SchedulerType scheduler;

    @Option(names = "--scheduler-config", paramLabel = "JSON",
            description = "MONAI scheduler arguments (default: the published settings for the scheduler)")
    Path schedulerConfig;

    @Option(names = "--steps", description = "Sampling steps (default: 30 rectified flow, 50 DDIM, 1000 DDPM)")
    Integer steps;

    @Option(names = "--guidance-scale", defaultValue = "5.0", description = "Classifier-free guidance (default ${DEFAULT-VALUE})")
    double guidanceScale;

    @Option(names = "--null-context", defaultValue = "empty_prompt",
            description = "empty_prompt or zeros (default ${DEFAULT-VALUE})")
    NullContext nullContext;

    @Option(names = "--scale-factor", description = "Latent scale factor (default: the one stored by 'import unet')")
    Double scaleFactor;

    @Option(names = "--size", split = ",", defaultValue = "512,512,192", description = "Output voxels X,Y,Z (default ${DEFAULT-VALUE})")
    int[] size;

    @Option(names = "--spacing", split = ",", defaultValue = "0.75,0.75,1.5",
            description = "Output spacing in mm X,Y,Z (default ${DEFAULT-VALUE})")
    double[] spacing;

    @Option(names = "--class-label", description = "Class label for a UNet with class embeddings (default: none)")
    Integer classLabel;

    @Option(names = "--prompt-template", defaultValue = ModelManifest.PROMPT_PLACEHOLDER,
            description = "How the user's text is wrapped (default ${DEFAULT-VALUE})")
    String promptTemplate;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Package folder to write")
    Path output;

    @Option(names = "--overwrite", description = "Replace an existing package folder")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        if (size.length != 3 || spacing.length != 3) {
            throw new IllegalArgumentException("--size and --spacing need three values X,Y,Z");
        }
        TextEncoderType type = textEncoderType != null ? textEncoderType
                : textEncoder != null ? TextEncoderType.T5 : TextEncoderType.NONE;
        if ((type == TextEncoderType.NONE) != (textEncoder == null)) {
            throw new IllegalArgumentException("--text-encoder FOLDER is needed exactly when --text-encoder-type is not none");
        }
        PackageRequest request = new PackageRequest(name, description, vae, unet, type, textEncoder, maxLength,
                scheduler, schedulerConfig == null ? null : ImportCommand.configJson(schedulerConfig, null), steps,
                new Guidance(guidanceScale, nullContext), scaleFactor, new Output(size, spacing), classLabel,
                promptTemplate);
        ModelPackage pkg = PackageAssembler.assemble(request, output, overwrite);
        spec.commandLine().getOut().println("import package: wrote " + pkg.directory() + " ("
                + ModelManifest.MANIFEST_FILE + ", SHA-256 of every file recorded and verified)");
        return 0;
    }
}
