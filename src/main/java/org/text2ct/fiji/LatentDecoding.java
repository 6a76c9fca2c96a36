package org.text2ct.fiji;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ij.ImagePlus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.text2ct.diffusion.CancelToken;
import org.text2ct.model.vae.SplitOptions;
import org.text2ct.nn.Tensors;
import org.text2ct.pipeline.GenerationModel;
import org.text2ct.pipeline.LatentToVolume;
import org.text2ct.volume.CtVolume;
import org.text2ct.weights.SafeTensorsFile;
import org.text2ct.weights.TensorData;

/**
 * A saved latent (the sampler's output, before division by the scale factor, as MAISI saves
 * it) decoded to HU with the package's VAE and tensor splitting; the same steps that end
 * {@code GenerationPipeline.generate}.
 */
final class LatentDecoding {
    private LatentDecoding() {
    }

    /** The menu's and the command's whole job: text fields in, the calibrated, windowed image out (not shown). */
    static ImagePlus toImage(Path latent, String splitsText, String spacingText, String modelDir, String device,
            String window, CancelToken cancel) throws IOException {
        int splits = splits(splitsText);
        ModelChoice.applyCacheFolder();
        LoadedModel.Loaded m = LoadedModel.get(ModelChoice.resolve(modelDir), device);
        WindowPreset preset = WindowPreset.parse(window);
        double[] spacing = Triples.doubles(spacingText, "output_spacing", m.pkg().manifest().output().spacing());
        CtVolume volume = decode(latent, splits, m.model(), m.manager(), spacing, cancel);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("latent", latent.toString());
        meta.put("model", m.model().id());
        meta.put("spacing_mm", Arrays.toString(spacing));
        return ImagePlusBridge.toImagePlus(volume, meta, preset, "decoded " + latent.getFileName());
    }

    /** "auto" (or blank) → 0, chosen from free memory; else a positive split count. */
    static int splits(String text) {
        String t = text.trim();
        if (t.isEmpty() || t.equalsIgnoreCase("auto")) {
            return 0;
        }
        try {
            int n = Integer.parseInt(t);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("splits must be auto or a whole number ≥ 1, got '" + text + "'");
    }

    static CtVolume decode(Path latentFile, int splits, GenerationModel model, NDManager manager, double[] spacing,
            CancelToken cancel) throws IOException {
        try (SafeTensorsFile file = SafeTensorsFile.open(latentFile); NDManager run = manager.newSubManager()) {
            TensorData t = file.get("latent");
            if (t == null && file.keys().size() == 1) {
                t = file.get(file.keys().iterator().next());
            }
            if (t == null) {
                throw new IllegalArgumentException(latentFile + " has tensors " + file.keys()
                        + ": name the latent 'latent', or keep only one tensor in the file");
            }
            NDArray z = Tensors.toNDArray(run, t);
            if (z.getShape().dimension() == 4) {
                z = z.expandDims(0);
            }
            int channels = model.vae().config().latentChannels();
            if (z.getShape().dimension() != 5 || z.getShape().get(0) != 1 || z.getShape().get(1) != channels) {
                throw new IllegalArgumentException("latent shape " + z.getShape() + " does not fit this model: expected [1, "
                        + channels + ", X, Y, Z]");
            }
            SplitOptions split = SplitOptions.auto().withSplits(splits).withCancelCheck(() -> {
                if (cancel.isCancelled()) {
                    throw new CancellationException("decoding cancelled");
                }
            });
            return LatentToVolume.toHu(model.vae().decode(z.div(model.scaleFactor()), split), spacing);
        }
    }
}
