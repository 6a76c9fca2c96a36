package org.text2ct.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.IntConsumer;
import org.text2ct.model.vae.MaisiVae;
import org.text2ct.model.vae.SplitOptions;

/**
 * The training volumes encoded once by the frozen VAE (its mean latent, as MAISI trains its
 * diffusion model) and multiplied by the latent scale factor 1/std of all latent values, so the
 * diffusion model sees unit-variance data, as the sampler's unit Gaussian start assumes.
 */
public record LatentDataset(List<float[]> latents, long[] shape, double scaleFactor) {

    public static LatentDataset encode(MaisiVae vae, TrainingSet data, NDManager manager, IntConsumer encoded) {
        return encode(vae, data, manager, OptionalDouble.empty(), encoded);
    }

    /**
     * @param fixedScale the scale factor to use instead of 1/std of these latents: a fine-tuned model keeps its
     *        package's factor, because its UNet learned that scaling
     */
    public static LatentDataset encode(MaisiVae vae, TrainingSet data, NDManager manager, OptionalDouble fixedScale,
            IntConsumer encoded) {
        List<float[]> raw = new ArrayList<>();
        long[] shape = null;
        double sum = 0;
        double sumSq = 0;
        long n = 0;
        for (TrainingVolume v : data.volumes()) {
            try (NDManager scope = manager.newSubManager()) {
                NDArray mean = vae.encode(v.whole(scope), SplitOptions.auto()).mean();
                shape = mean.getShape().getShape();
                float[] z = mean.toFloatArray();
                for (float f : z) {
                    sum += f;
                    sumSq += (double) f * f;
                }
                n += z.length;
                raw.add(z);
            }
            encoded.accept(raw.size());
        }
        double mean = sum / n;
        double std = Math.sqrt(Math.max(sumSq / n - mean * mean, 0));
        if (!(std > 0)) {
            throw new TrainingDataException("the VAE encodes every training volume to a constant latent; is it trained?");
        }
        double scale = fixedScale.orElse(1.0 / std);
        for (float[] z : raw) {
            for (int i = 0; i < z.length; i++) {
                z[i] = (float) (z[i] * scale);
            }
        }
        return new LatentDataset(List.copyOf(raw), shape, scale);
    }
}
