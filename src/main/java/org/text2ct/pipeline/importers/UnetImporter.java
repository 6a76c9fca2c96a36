package org.text2ct.pipeline.importers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.text2ct.model.unet.MaisiUnet;
import org.text2ct.model.unet.UnetConfig;
import org.text2ct.weights.PtCheckpoint;
import org.text2ct.weights.PtFile;
import org.text2ct.weights.StateDict;

/**
 * Imports a MAISI / Text2CT diffusion UNet checkpoint (a dict with the weights under
 * "unet_state_dict" and the latent {@code scale_factor} beside them, a float or a one-element
 * tensor) into a safetensors file with the MONAI config and the scale factor in its metadata.
 */
public final class UnetImporter {
    public static final String DEFAULT_KEY = "unet_state_dict";
    private static final List<String> STATE_DICT_KEYS = List.of(DEFAULT_KEY, "state_dict", "model_state_dict");

    private UnetImporter() {
    }

    /**
     * @param key the checkpoint key holding the weights; null to look under the usual ones
     * @param scaleFactor the latent scale factor when the checkpoint has none (or to override it); may be null
     */
    public static ImportedWeights importPt(Path pt, String key, String configJson, String configOrigin,
            Double scaleFactor, Path output, boolean overwrite) throws IOException {
        ImportOutputs.checkWritable(overwrite, output);
        UnetConfig config = StrictNetworkCheck.config(configOrigin, "MONAI DiffusionModelUNetMaisi",
                () -> UnetConfig.fromJson(configJson));
        PtCheckpoint cp = PtFile.load(pt);
        double scale = scaleFactor != null ? scaleFactor : storedScaleFactor(cp);
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new ImportException(pt + ": scale_factor " + scale + " must be a positive number");
        }
        StateDict tensors = CheckpointStateDict.read(cp, key, STATE_DICT_KEYS);
        StrictNetworkCheck.check(tensors, p -> new MaisiUnet(config, p));
        int count = SafeTensorsOutput.write(output, tensors, pt, Map.of(ImportMetadata.CONFIG, configJson,
                ImportMetadata.SCALE_FACTOR, Double.toString(scale)), overwrite);
        return new ImportedWeights(output, count, OptionalDouble.of(scale));
    }

    private static double storedScaleFactor(PtCheckpoint cp) throws ImportException {
        OptionalDouble stored = cp.number(ImportMetadata.SCALE_FACTOR);
        if (stored.isEmpty()) {
            throw new ImportException(cp.source() + ": has no number under 'scale_factor' (top-level keys " + cp.keys()
                    + "); pass --scale-factor with the value used in training");
        }
        return stored.getAsDouble();
    }
}
