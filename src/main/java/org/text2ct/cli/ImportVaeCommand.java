package org.text2ct.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.text2ct.pipeline.bench.ReleasedConfigs;
import org.text2ct.pipeline.importers.ImportedWeights;
import org.text2ct.pipeline.importers.VaeImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code import vae}: a MAISI VAE .pt checkpoint to autoencoder.safetensors. */
@Command(name = "vae", mixinStandardHelpOptions = true,
        description = "Import a MAISI VAE checkpoint (e.g. autoencoder_epoch273.pt) as autoencoder.safetensors.")
public final class ImportVaeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CHECKPOINT.pt", description = "The MAISI VAE checkpoint")
    Path checkpoint;

    @Option(names = "--config", paramLabel = "JSON", description = "MONAI AutoencoderKlMaisi arguments"
            + " (default: the released VAE: channels 64/128/256, 2 res blocks, 32 groups, latent 4)")
    Path config;

    @Option(names = {"-o", "--output"}, defaultValue = "autoencoder.safetensors",
            description = "Output file (default ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--overwrite", description = "Replace an existing output file")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        ImportedWeights w = VaeImporter.importPt(checkpoint,
                ImportCommand.configJson(config, ReleasedConfigs.MAISI_VAE_JSON), ImportCommand.configOrigin(config),
                output, overwrite);
        spec.commandLine().getOut().println("import vae: wrote " + w.file() + " (" + w.tensorCount()
                + " tensors, strict load passed)");
        return 0;
    }
}
