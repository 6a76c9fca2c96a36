package org.text2ct.pipeline.importers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.text2ct.model.vae.MaisiVae;
import org.text2ct.model.vae.VaeConfig;
import org.text2ct.weights.PtFile;
import org.text2ct.weights.StateDict;

/**
 * Imports a MAISI VAE checkpoint ({@code autoencoder_epoch273.pt}: a plain state dict, or one under
 * "state_dict", possibly with DataParallel's "module." prefix) into a safetensors file whose
 * {@code config} metadata holds the network's MONAI config.
 */
public final class VaeImporter {
    private static final List<String> STATE_DICT_KEYS = List.of("state_dict", "model", "model_state_dict",
            "autoencoder_state_dict");

    private VaeImporter() {
    }

    /**
     * @param configJson MONAI AutoencoderKlMaisi arguments ({@code ReleasedConfigs.MAISI_VAE_JSON} for the release)
     * @param configOrigin where the config came from, for error messages
     */
    public static ImportedWeights importPt(Path pt, String configJson, String configOrigin, Path output,
            boolean overwrite) throws IOException {
        ImportOutputs.checkWritable(overwrite, output);
        VaeConfig config = StrictNetworkCheck.config(configOrigin, "MONAI AutoencoderKlMaisi",
                () -> VaeConfig.fromJson(configJson));
        StateDict tensors = CheckpointStateDict.read(PtFile.load(pt), null, STATE_DICT_KEYS);
        StrictNetworkCheck.check(tensors, p -> new MaisiVae(config, p));
        int count = SafeTensorsOutput.write(output, tensors, pt, Map.of(ImportMetadata.CONFIG, configJson), overwrite);
        return new ImportedWeights(output, count, OptionalDouble.empty());
    }
}
