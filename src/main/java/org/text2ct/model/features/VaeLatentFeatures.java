package org.text2ct.model.features;

import ai.djl.ndarray.NDArray;
import org.text2ct.model.vae.MaisiVae;
import org.text2ct.model.vae.SplitOptions;

/**
 * Features from a model package's own VAE encoder, so FID runs without any downloaded network.
 *
 * <p>The whole volume is encoded once (edge-padded to a multiple of the VAE's down factor): running
 * each 2D slice as a thin volume instead costs about as many encoder passes as there are slices
 * per view, minutes for one small volume on a CPU. The latent mean [C, x, y, z] is then cut into
 * latent slices along a view's slice axis and each latent slice is pooled ({@link LatentPooling}),
 * so one feature row stands for {@code downFactor} image slices.
 */
public final class VaeLatentFeatures {
    private final MaisiVae vae;

    public VaeLatentFeatures(MaisiVae vae) {
        this.vae = vae;
    }

    public int latentChannels() {
        return vae.config().latentChannels();
    }

    /** The latent mean [1, C, ⌈X/f⌉, ⌈Y/f⌉, ⌈Z/f⌉] of a [1, 1, X, Y, Z] volume in [0, 1]. */
    public NDArray encode(NDArray volume) {
        int f = vae.config().downFactor();
        NDArray padded = volume;
        for (int axis = 2; axis < 5; axis++) {
            long have = padded.getShape().get(axis);
            long want = (have + f - 1) / f * f;
            if (want != have) {
                NDArray last = padded.get(lastIndex(axis));
                padded = padded.concat(last.repeat(axis, want - have), axis);
            }
        }
        return vae.encode(padded, SplitOptions.of(1, 0)).mean();
    }

    private static String lastIndex(int axis) {
        return switch (axis) {
            case 2 -> ":, :, -1:, :, :";
            case 3 -> ":, :, :, -1:, :";
            default -> ":, :, :, :, -1:";
        };
    }
}
