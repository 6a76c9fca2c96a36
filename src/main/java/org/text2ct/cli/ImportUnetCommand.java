package org.text2ct.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.text2ct.pipeline.bench.ReleasedConfigs;
import org.text2ct.pipeline.importers.ImportedWeights;
import org.text2ct.pipeline.importers.UnetImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code import unet}: a MAISI / Text2CT diffusion UNet .pt checkpoint to unet.safetensors. */
@Command(name = "unet", mixinStandardHelpOptions = true,
        description = "Import a MAISI/Text2CT diffusion UNet checkpoint as unet.safetensors, keeping its scale_factor.")
public final class ImportUnetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CHECKPOINT.pt", description = "The diffusion UNet checkpoint")
    Path checkpoint;

    @Option(names = "--config", paramLabel = "JSON", description = "MONAI DiffusionModelUNetMaisi arguments"
            + " (default: Text2CT: channels 64/128/256/512, attention at the two deepest levels, cross-attention 768)")
    Path config;

    @Option(names = "--key", description = "Checkpoint key holding the weights (default: unet_state_dict, state_dict, ...)")
    String key;

    @Option(names = "--scale-factor", description = "Latent scale factor, when the checkpoint has none or to override it")
    Double scaleFactor;

    @Option(names = {"-o", "--output"}, defaultValue = "unet.safetensors",
            description = "Output file (default ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--overwrite", description = "Replace an existing output file")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        ImportedWeights w = UnetImporter.importPt(checkpoint, key,
                ImportCommand.configJson(config, ReleasedConfigs.TEXT2CT_UNET_JSON), ImportCommand.configOrigin(config),
                scaleFactor, output, overwrite);
        spec.commandLine().getOut().println("import unet: wrote " + w.file() + " (" + w.tensorCount()
                + " tensors, strict load passed, scale_factor " + w.scaleFactor().getAsDouble() + ")");
        return 0;
    }
}
