package org.text2ct.train.faithfulness;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.text2ct.diffusion.SeededGaussian;
import org.text2ct.pipeline.GenerateRequest;
import org.text2ct.pipeline.GenerationModel;
import org.text2ct.pipeline.GenerationPipeline;
import org.text2ct.text.SideWords;

/**
 * What the UNet does with a prompt's side words, before any sampling, decoding or detection: at the
 * first sampling step, on noise that is its own left–right mirror image, the prediction for each
 * prompt minus that for the prompt with "left" and "right" exchanged. A model blind to side gives
 * no difference. One that follows the side gives a difference that is its own mirror image with the
 * sign flipped (antisymmetric), and large beside what the whole prompt changes (the prediction minus
 * the null context's). Takes two UNet passes per prompt, so it tracks a training run in seconds.
 *
 * @param prompts the prompts that name a side
 * @param relativeSize ‖side difference‖ / ‖prompt − null context‖ over those prompts (NaN without any)
 * @param antisymmetricShare share of the side difference's energy that is antisymmetric in X
 */
public record SideResponse(int prompts, double relativeSize, double antisymmetricShare) {

    /** @param like the seed, steps, size and spacing to probe with (its prompt is not used) */
    public static SideResponse measure(GenerationModel model, GenerationPipeline pipeline, List<String> prompts,
            GenerateRequest like) {
        int[] latentSize = like.latentSize(model);
        double[] spacingMm = like.spacing();
        long[] shape = pipeline.latentShape(latentSize);
        int timestep = model.scheduler().timesteps(like.steps(), latentSize).timesteps()[0];
        float[] x = mirrorSymmetric(SeededGaussian.noise(like.seed(), Math.toIntExact(new Shape(shape).size())), shape);
        float[] none = pipeline.predict(null, x, latentSize, timestep, spacingMm);
        double side = 0;
        double antisymmetric = 0;
        double prompt = 0;
        int used = 0;
        for (String p : prompts) {
            String swapped = SideWords.swap(p);
            if (swapped.equals(p)) {
                continue;
            }
            used++;
            float[] a = pipeline.predict(p, x, latentSize, timestep, spacingMm);
            float[] b = pipeline.predict(swapped, x, latentSize, timestep, spacingMm);
            float[] d = new float[a.length];
            for (int i = 0; i < a.length; i++) {
                d[i] = a[i] - b[i];
                side += (double) d[i] * d[i];
                prompt += (double) (a[i] - none[i]) * (a[i] - none[i]);
            }
            antisymmetric += antisymmetricEnergy(d, shape);
        }
        return new SideResponse(used, used == 0 ? Double.NaN : Math.sqrt(side / prompt),
                used == 0 ? Double.NaN : antisymmetric / side);
    }

    /** (v + mirror(v)) / √2 along X (axis 2 of [B, C, X, Y, Z]): unit variance, its own mirror image. */
    static float[] mirrorSymmetric(float[] v, long[] shape) {
        float[] out = new float[v.length];
        double norm = Math.sqrt(2);
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) ((v[i] + v[mirror(i, shape)]) / norm);
        }
        return out;
    }

    /** Σ ((d − mirror(d)) / 2)²: the energy of d's part that flips sign under mirroring in X. */
    static double antisymmetricEnergy(float[] d, long[] shape) {
        double sum = 0;
        for (int i = 0; i < d.length; i++) {
            double a = (d[i] - d[mirror(i, shape)]) / 2.0;
            sum += a * a;
        }
        return sum;
    }

    /** The flat index of voxel i's mirror image in X. */
    private static int mirror(int i, long[] shape) {
        long inner = shape[3] * shape[4];
        long nx = shape[2];
        long x = i / inner % nx;
        return Math.toIntExact(i + (nx - 1 - 2 * x) * inner);
    }
}
